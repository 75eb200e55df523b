import { parseRetryAfter } from './retry.js';
import type { components } from './schema.js';

export type Problem = components['schemas']['Problem'];
export type FieldError = components['schemas']['FieldError'];
/** `409 amount_changed`: a `Problem` with the change priced now in `quote`. */
export type AmountChangedProblem = components['schemas']['AmountChangedProblem'];

/** The API answered with a non-2xx status. */
export class BillingApiError extends Error {
  override readonly name = 'BillingApiError';
  readonly kind = 'api';
  readonly status: number;
  /** Stable, snake_case reason, e.g. `version_conflict`; `http_<status>` for a non-problem body. */
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  /** Which request fields were rejected (422), as JSON Pointers into the request. */
  readonly fieldErrors: FieldError[];
  /** Seconds to wait before trying again, from `Retry-After` or the problem's `retryAfter`. */
  readonly retryAfter: number | undefined;
  /** The `application/problem+json` body, or one built from the status for other bodies. */
  readonly problem: Problem;
  /** The server's `X-Request-Id`, to quote to support. */
  readonly requestId: string | undefined;

  constructor(
    problem: Problem,
    {
      retryAfter,
      requestId,
    }: { retryAfter?: number | undefined; requestId?: string | undefined } = {},
  ) {
    super(
      `${problem.title}${problem.detail ? `: ${problem.detail}` : ''} (${problem.status} ${problem.code})`,
    );
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.fieldErrors = problem.errors ?? [];
    this.retryAfter = retryAfter ?? problem.retryAfter;
    this.problem = problem;
    this.requestId = requestId;
  }
}

/**
 * The request got no usable response: DNS, connection or TLS failure, CORS, offline, or a
 * success response that could not be read (the connection dropped mid-body, or a proxy
 * answered with something that is not the API's JSON).
 */
export class BillingNetworkError extends Error {
  override readonly name = 'BillingNetworkError';
  readonly kind = 'network';

  constructor(cause: unknown) {
    super(`Network error: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** No response arrived within the client's `timeout`. */
export class BillingTimeoutError extends Error {
  override readonly name = 'BillingTimeoutError';
  readonly kind = 'timeout';
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super(`No response within ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

export type BillingError = BillingApiError | BillingNetworkError | BillingTimeoutError;

/**
 * Also recognizes errors thrown by another copy of the SDK (two versions in one bundle),
 * which `instanceof` does not.
 */
export function isBillingApiError(error: unknown): error is BillingApiError {
  return (
    error instanceof BillingApiError ||
    (error instanceof Error &&
      error.name === 'BillingApiError' &&
      (error as Partial<BillingApiError>).kind === 'api')
  );
}

/**
 * Whether `error` is the `409 amount_changed` of `subscription.apply`: the change would charge
 * other than the `expectedAmountDue` sent, so nothing was charged or changed. `error.problem.quote`
 * is the change priced now: show it, and apply again with its `amountDueNow`.
 */
export function isAmountChangedError(
  error: unknown,
): error is BillingApiError & { code: 'amount_changed'; problem: AmountChangedProblem } {
  if (!isBillingApiError(error) || error.code !== 'amount_changed') return false;
  const { quote } = error.problem as { quote?: unknown };
  return typeof quote === 'object' && quote !== null;
}

const maxFallbackDetailLength = 500;

/** Builds the error for a non-2xx response, reading its body. */
export async function apiErrorFromResponse(response: Response): Promise<BillingApiError> {
  const text = await response.text().catch(() => '');
  const problem = parseProblem(text, response) ?? fallbackProblem(text, response);
  return new BillingApiError(problem, {
    retryAfter: parseRetryAfter(response.headers.get('retry-after')),
    requestId: response.headers.get('x-request-id') ?? undefined,
  });
}

function parseProblem(text: string, response: Response): Problem | undefined {
  if (!response.headers.get('content-type')?.includes('json')) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null) return undefined;
  const { code, title } = body as Record<string, unknown>;
  if (typeof code !== 'string' || typeof title !== 'string') return undefined;
  // The status line is what happened; a body copied from elsewhere may say otherwise.
  return { ...(body as Problem), status: response.status };
}

/** Proxies and gateways answer with HTML or plain text; keep what they said as the detail. */
function fallbackProblem(text: string, response: Response): Problem {
  const detail = text.trim().slice(0, maxFallbackDetailLength);
  return {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    code: `http_${response.status}`,
    ...(detail ? { detail } : {}),
  };
}
