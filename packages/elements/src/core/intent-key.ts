import { createIdempotencyKey, isBillingApiError } from '@billkit/sdk';

/** Statuses after which the server may not have answered the operation for good. */
const retryableStatuses = new Set([408, 425, 429]);

/**
 * One idempotency key per user intent. The same intent (the same request body) gets the same
 * key on every attempt — a double click, a retry after a lost answer — so the API replays the
 * first result instead of charging twice. A different intent gets a new key, and so does the
 * same intent once the previous attempt got a definitive answer (a success, or a refusal such
 * as a declined card: trying again after fixing the card is a new attempt, not a replay).
 */
export class IntentKey {
  #intent: string | undefined;
  #key: string | undefined;

  /** The key for `intent`: the current one if the intent is unchanged and still open. */
  for(intent: unknown): string {
    const id = stableJson(intent);
    if (id !== this.#intent || this.#key === undefined) {
      this.#intent = id;
      this.#key = createIdempotencyKey();
    }
    return this.#key;
  }

  /**
   * Records how an attempt ended: without an error, or with an answer the server gave for good
   * (a 4xx other than a timeout or rate limit), the next attempt gets a new key. After a lost
   * answer (network, timeout, 5xx) the key stays, so a retry is a replay.
   */
  settle(error?: unknown): void {
    const answered =
      error === undefined ||
      (isBillingApiError(error) && error.status < 500 && !retryableStatuses.has(error.status));
    if (answered) this.#key = undefined;
  }
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` are one intent. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
