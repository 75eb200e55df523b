/**
 * Calls operations of the contract by operationId over HTTP and checks every answer against
 * the bundled spec with the mock's own validator (`ContractValidator.validateResponse`): the
 * status is declared, the content type is the declared one (problem+json for errors), the body
 * matches its schema, required headers are there.
 */
import type { ContractValidator } from '../validation.js';

export interface CallOptions {
  path?: Record<string, string>;
  query?: Record<string, string>;
  /** sent as JSON */
  body?: unknown;
  /** sent as is instead of `body` (malformed JSON, a form post, an oversized body) */
  rawBody?: string;
  headers?: Record<string, string>;
  /** `null` sends no Authorization header; default: the suite's token */
  token?: string | null;
}

export interface CallResult {
  /** the order the request was sent in (calls may run concurrently) */
  sequence: number;
  operationId: string;
  /** `GET /teams/team_42/plans`, for reports */
  request: string;
  status: number;
  headers: Headers;
  /** the parsed JSON body, the bytes of anything else, undefined when empty */
  // biome-ignore lint/suspicious/noExplicitAny: the body is checked against the spec, then read freely
  body: any;
  /** what does not match the spec */
  mismatches: string[];
}

export interface SessionOptions {
  baseUrl: string;
  teamId: string;
  token: string;
  fetch: typeof fetch;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/** The request did not get an answer at all (connection refused, timeout). */
export class NoAnswerError extends Error {
  override readonly name = 'NoAnswerError';
}

export class ContractSession {
  /** every call made, for the coverage summary */
  readonly calls: CallResult[] = [];
  readonly #baseUrl: string;
  #sequence = 0;

  constructor(
    readonly validator: ContractValidator,
    readonly options: SessionOptions,
  ) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  /**
   * One request; sent again once when the server closed a kept-alive connection before
   * answering anything (its idle timeout raced the request, so it never read it), as browsers do.
   */
  async #send(url: URL, init: RequestInit): Promise<Response> {
    try {
      return await this.options.fetch(url, init);
    } catch (error) {
      const code = (error as { cause?: { code?: unknown } }).cause?.code;
      if (init.signal?.aborted || (code !== 'UND_ERR_SOCKET' && code !== 'ECONNRESET')) throw error;
      return this.options.fetch(url, init);
    }
  }

  async call(operationId: string, options: CallOptions = {}): Promise<CallResult> {
    const entry = this.validator.operation(operationId);
    const path = entry.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(
        options.path?.[name] ?? (name === 'teamId' ? this.options.teamId : `unknown_${name}`),
      ),
    );
    const url = new URL(`${this.#baseUrl}${path}`);
    for (const [name, value] of Object.entries(options.query ?? {}))
      url.searchParams.set(name, value);
    const headers = new Headers(options.headers);
    const token = options.token === undefined ? this.options.token : options.token;
    if (token !== null) headers.set('authorization', `Bearer ${token}`);
    const method = entry.method.toUpperCase();
    // Reads and deletes take no body in the contract (and fetch refuses one on GET), so a body
    // given for every operation alike is sent only where one can go.
    const takesBody = method !== 'GET' && method !== 'HEAD' && method !== 'DELETE';
    const body = !takesBody
      ? undefined
      : (options.rawBody ??
        (options.body === undefined ? undefined : JSON.stringify(options.body)));
    if (body !== undefined && !headers.has('content-type'))
      headers.set('content-type', 'application/json');
    const request = `${method} ${url.pathname}${url.search}`;
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
    const sequence = this.#sequence++;
    let response: Response;
    try {
      response = await this.#send(url, {
        method,
        headers,
        signal,
        ...(body === undefined ? {} : { body }),
      });
    } catch (error) {
      if (this.options.signal?.aborted) throw error;
      const reason = timeout.aborted
        ? `no answer within ${this.options.timeoutMs} ms`
        : error instanceof Error
          ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}`
          : String(error);
      throw new NoAnswerError(`${request}: ${reason}`);
    }
    const mismatches = await this.validator.validateResponse(operationId, response.clone());
    const bytes = new Uint8Array(await response.arrayBuffer());
    let parsed: unknown;
    if (bytes.length > 0) {
      const contentType = response.headers.get('content-type') ?? '';
      try {
        parsed = contentType.includes('json') ? JSON.parse(new TextDecoder().decode(bytes)) : bytes;
      } catch {
        parsed = bytes; // the validator has already said it is not JSON
      }
    }
    if (response.status >= 400 && isObject(parsed) && parsed.status !== response.status) {
      mismatches.push(
        `the problem's status ${JSON.stringify(parsed.status)} is not the HTTP status ${response.status}`,
      );
    }
    const result: CallResult = {
      sequence,
      operationId,
      request,
      status: response.status,
      headers: response.headers,
      body: parsed,
      mismatches,
    };
    this.calls.push(result);
    return result;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !ArrayBuffer.isView(value);
}
