/** RFC 9457 problem details, the error shape of every failing operation. */

export interface FieldError {
  /** JSON Pointer into the request body, or `#/query/<name>` / `#/header/<name>` / `#/path/<name>` */
  pointer: string;
  code: string;
  message: string;
}

export interface ProblemInit {
  detail?: string;
  errors?: FieldError[];
  retryAfter?: number;
  headers?: Record<string, string>;
  /** RFC 9457 extension members the spec documents for this problem (e.g. `quote`). */
  extensions?: Record<string, unknown>;
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The problem document (the body of a problem response). */
export function problemDocument(status: number, code: string, init: ProblemInit = {}) {
  return {
    ...init.extensions,
    type: `https://api.billkit.example/problems/${code.replaceAll('_', '-')}`,
    title: titles[status] ?? 'Error',
    status,
    code,
    ...(init.detail === undefined ? {} : { detail: init.detail }),
    ...(init.errors === undefined ? {} : { errors: init.errors }),
    ...(init.retryAfter === undefined ? {} : { retryAfter: init.retryAfter }),
  };
}

export function problemResponse(status: number, code: string, init: ProblemInit = {}): Response {
  const body = problemDocument(status, code, init);
  const headers: Record<string, string> = {
    'content-type': 'application/problem+json',
    ...init.headers,
  };
  if (init.retryAfter !== undefined) headers['retry-after'] = String(init.retryAfter);
  return new Response(JSON.stringify(body), { status, headers });
}

/** Thrown anywhere inside an operation to end it with a problem response. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly init: ProblemInit = {},
  ) {
    super(init.detail ?? code);
    this.name = 'ProblemError';
  }

  toResponse(): Response {
    return problemResponse(this.status, this.code, this.init);
  }
}

/**
 * A business rule refusing one field: 422 with the rule's code at the top level
 * and in the field error (schema failures are `validation_failed` instead).
 */
export function fieldProblem(pointer: string, code: string, message: string): ProblemError {
  return new ProblemError(422, code, { detail: message, errors: [{ pointer, code, message }] });
}

/** At most this many field errors in a problem (the spec's `Problem.errors.maxItems`). */
export const maxFieldErrors = 50;

/**
 * Schema violations: `422 validation_failed` listing the first `maxFieldErrors` field errors;
 * `detail` counts the ones left out, so a huge invalid body gets a short answer.
 */
export function validationProblem(errors: readonly FieldError[]): Response {
  const omitted = errors.length - maxFieldErrors;
  return problemResponse(422, 'validation_failed', {
    detail:
      omitted > 0
        ? `The request does not match the API contract (${errors.length} field errors; the first ${maxFieldErrors} are listed)`
        : 'The request does not match the API contract',
    errors: errors.slice(0, maxFieldErrors),
  });
}
