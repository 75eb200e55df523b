import ky, { HTTPError, TimeoutError } from 'ky';
import {
  apiErrorFromResponse,
  BillingApiError,
  BillingNetworkError,
  BillingTimeoutError,
} from './errors.js';
import { createIdempotencyKey, toEntityTag } from './headers.js';
import {
  type ConditionalRequestOptions,
  type IdempotentRequestOptions,
  type OperationId,
  type OperationInput,
  type OperationOptions,
  operationRoutes,
  type ResponseBody,
} from './operations.js';
import { isRetryable, type RetryConfig, toKyRetry } from './retry.js';

export interface BillingClientConfig {
  /** Absolute URL of the API, e.g. `https://api.billkit.example/v1`. */
  baseUrl: string;
  teamId: string;
  /**
   * Returns the viewer's bearer token; called before every request, so cache it. After a 401 it
   * is called with `{ forceRefresh: true }` and the request is repeated once with the new token.
   */
  getToken: (options?: { forceRefresh?: boolean }) => string | Promise<string>;
  /** Replaces `globalThis.fetch`, e.g. to add tracing or to call an in-process mock. */
  fetch?: typeof fetch;
  /** Milliseconds to wait for each attempt's response headers. Default 30 000. */
  timeout?: number;
  /** Retry policy, or `false` for none. */
  retry?: RetryConfig | false;
}

/** Sends one operation of the spec and returns its parsed success body. */
export type Transport = <Id extends OperationId>(
  operationId: Id,
  input: OperationInput<Id>,
  options?: OperationOptions<Id>,
) => Promise<ResponseBody<Id>>;

const defaultTimeoutMs = 30_000;

/** What the transport reads of a route; the table's entries are a union of exact types. */
interface RouteInfo {
  method: string;
  path: string;
  idempotencyKey?: boolean;
  ifMatch?: boolean;
  safe?: boolean;
  binary?: boolean;
}

/**
 * An id as one path segment. Encoding keeps `/`, `?` and `#` inside it; `.` and `..` (also
 * as `%2E`) would be resolved by URL parsing into another operation's path, and an empty id
 * would name the list instead of an item, so those are refused before anything is sent.
 */
function pathSegment(name: string, value: string | undefined): string {
  if (typeof value !== 'string' || value === '' || value === '.' || value === '..') {
    throw new TypeError(
      `${name} must be a non-empty id other than "." and ".." (got ${JSON.stringify(value)})`,
    );
  }
  return encodeURIComponent(value);
}

export function createTransport(config: BillingClientConfig): Transport {
  // Checked once here, so a bad teamId fails when the client is created.
  pathSegment('teamId', config.teamId);
  const timeoutMs = config.timeout ?? defaultTimeoutMs;
  const customFetch = config.fetch;
  const http = ky.create({
    prefixUrl: config.baseUrl,
    timeout: timeoutMs,
    // ky calls `options.fetch(...)`; a browser's own fetch passed in unbound would then throw
    // "Illegal invocation", so call it as a plain function.
    ...(customFetch ? { fetch: (input, init) => customFetch(input, init) } : {}),
  });

  return async function request<Id extends OperationId>(
    operationId: Id,
    input: OperationInput<Id>,
    options?: OperationOptions<Id>,
  ): Promise<ResponseBody<Id>> {
    const route: RouteInfo = operationRoutes[operationId];
    // Which of these an operation accepts is fixed by its OperationOptions type.
    const { signal, idempotencyKey, ifMatch } = (options ?? {}) as IdempotentRequestOptions &
      Partial<ConditionalRequestOptions>;

    const headers = new Headers({
      accept: `${route.binary ? 'application/pdf' : 'application/json'}, application/problem+json`,
    });
    // Generated once per call, so every retry and the repeat after a 401 carry the same key.
    if (route.idempotencyKey)
      headers.set('idempotency-key', idempotencyKey ?? createIdempotencyKey());
    if (route.ifMatch && ifMatch !== undefined) headers.set('if-match', toEntityTag(ifMatch));

    const pathParams: Record<string, string> = { ...input.path, teamId: config.teamId };
    // ky joins its prefixUrl and the input itself, and refuses an input starting with a slash.
    const url = route.path
      .slice(1)
      .replace(/\{(\w+)\}/g, (_, name: string) => pathSegment(name, pathParams[name]));

    const toBillingError = async (error: unknown): Promise<unknown> => {
      // An abort is the caller's decision, not a failure: hand back their own reason.
      if (signal?.aborted) return signal.reason;
      if (error instanceof HTTPError) return apiErrorFromResponse(error.response);
      if (error instanceof TimeoutError) return new BillingTimeoutError(timeoutMs);
      return new BillingNetworkError(error);
    };

    const send = async (token: string): Promise<Response> => {
      headers.set('authorization', `Bearer ${token}`);
      try {
        return await http(url, {
          method: route.method,
          headers,
          json: input.body,
          searchParams: toSearchParams(input.query),
          signal,
          retry: toKyRetry(config.retry, isRetryable(route)),
        });
      } catch (error) {
        throw await toBillingError(error);
      }
    };

    let response: Response;
    try {
      response = await send(await config.getToken());
    } catch (error) {
      // The token may have expired since the host cached it: get a fresh one and try once more.
      if (!(error instanceof BillingApiError && error.status === 401)) throw error;
      response = await send(await config.getToken({ forceRefresh: true }));
    }
    return (await readBody(response, route)) as ResponseBody<Id>;
  };
}

function toSearchParams(query: object | undefined): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) params.append(name, String(value));
  }
  return params;
}

async function readBody(response: Response, route: RouteInfo): Promise<unknown> {
  try {
    if (route.binary) return await response.blob();
    const text = await response.text();
    return text === '' ? undefined : JSON.parse(text);
  } catch (error) {
    // The caller's abort stays an abort; anything else means the answer never fully arrived.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new BillingNetworkError(error);
  }
}
