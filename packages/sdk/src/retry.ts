import { isHTTPError, type RetryOptions as KyRetryOptions } from 'ky';

export interface RetryConfig {
  /** Retries after the first attempt. Default 2. */
  limit?: number;
  /** Delay before the first retry; each further retry doubles it, with full jitter. Default 300. */
  baseDelayMs?: number;
  /**
   * Longest wait before a retry. A `Retry-After` longer than this is not waited for: the
   * error surfaces at once with its `retryAfter`, so the caller can tell the user. Default 10 000.
   */
  maxDelayMs?: number;
}

const defaultRetry = { limit: 2, baseDelayMs: 300, maxDelayMs: 10_000 } as const;

/** Statuses that say "try again later" rather than "this request is wrong". */
const retryStatusCodes = [408, 429, 500, 502, 503, 504];

/**
 * GET, PUT and DELETE are idempotent by HTTP semantics, so they are retried. A POST is retried
 * only when it carries an `Idempotency-Key` (the server then answers a repeat with the first
 * result instead of acting twice) or when it changes nothing.
 */
export function isRetryable(route: {
  method: string;
  idempotencyKey?: boolean;
  safe?: boolean;
}): boolean {
  return route.method !== 'post' || route.idempotencyKey === true || route.safe === true;
}

/**
 * Parses `Retry-After` (delay in seconds, or an HTTP date) into whole seconds from `now`.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * The ky retry options for one request. `retryable` is decided per operation by the caller
 * (see `isRetryable`); ky's own method list is not used because a POST is retryable or not
 * depending on the operation, not on the method.
 */
export function toKyRetry(
  config: RetryConfig | false | undefined,
  retryable: boolean,
): KyRetryOptions {
  if (config === false || !retryable) return { limit: 0 };
  const limit = config?.limit ?? defaultRetry.limit;
  const baseDelayMs = config?.baseDelayMs ?? defaultRetry.baseDelayMs;
  const maxDelayMs = config?.maxDelayMs ?? defaultRetry.maxDelayMs;
  return {
    limit,
    methods: ['get', 'put', 'post', 'delete'],
    statusCodes: retryStatusCodes,
    // A Retry-After, whatever the status, replaces the backoff delay (without jitter).
    afterStatusCodes: retryStatusCodes,
    // Also bounds the rate-limit headers ky reads when there is no Retry-After.
    maxRetryAfter: maxDelayMs,
    delay: (attempt) => baseDelayMs * 2 ** (attempt - 1),
    jitter: true,
    backoffLimit: maxDelayMs,
    // A request that ran into the timeout is not repeated: it may still be running on the server,
    // and the caller has already waited for as long as they allowed.
    retryOnTimeout: false,
    // ky would cut a longer Retry-After down to `maxRetryAfter` and retry before the server is
    // ready; give up instead, leaving `retryAfter` on the error.
    shouldRetry: ({ error }) => {
      if (!isHTTPError(error)) return undefined;
      const retryAfter = parseRetryAfter(error.response.headers.get('retry-after'));
      return retryAfter !== undefined && retryAfter * 1000 > maxDelayMs ? false : undefined;
    },
  };
}
