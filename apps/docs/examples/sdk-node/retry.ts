import { setTimeout as sleep } from 'node:timers/promises';
import {
  type AppliedChange,
  type ApplySubscriptionChangeRequest,
  type BillingClient,
  isBillingApiError,
} from '@billkit/sdk';

/** Worth trying again: no answer, a timeout, a server error or a rate limit. */
function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (isBillingApiError(error)) return error.status >= 500 || error.status === 429;
  return error.name === 'BillingNetworkError' || error.name === 'BillingTimeoutError';
}

/**
 * A job that must apply a change exactly once, even when its answer is lost. The SDK already
 * retries a call a few times with the same key; when those run out (or a timeout, which the
 * SDK never repeats) the job tries again later with the **same** key, so a change that did
 * land is answered from the server's record (`Idempotent-Replayed`) instead of made twice.
 */
export async function applyOnce(
  billing: BillingClient,
  change: ApplySubscriptionChangeRequest,
  {
    ifMatch,
    idempotencyKey,
    attempts = 4,
    signal,
  }: {
    ifMatch: string;
    idempotencyKey: string; // persist it with the job, e.g. `seats-${orderId}`
    attempts?: number;
    signal?: AbortSignal;
  },
): Promise<AppliedChange> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await billing.subscription.apply(change, { ifMatch, idempotencyKey, signal });
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error;
      const waitMs =
        isBillingApiError(error) && error.retryAfter ? error.retryAfter * 1000 : 250 * 2 ** attempt;
      await sleep(waitMs, undefined, { signal });
    }
  }
}
