import {
  type BillingClient,
  type ChangeQuote,
  isAmountChangedError,
  isBillingApiError,
} from '@billkit/sdk';

export type SeatChangeResult =
  | { status: 'applied'; seats: number; invoiceId: string | null }
  | { status: 'refused'; code: string; message: string }
  | { status: 'review'; quote: ChangeQuote }; // the price moved: show the new quote, ask again

/**
 * Adds seats now, charging exactly what the preview showed. `idempotencyKey` names this one
 * intent (store it with the order that asked for it). The SDK sends it on each of its retries,
 * so a lost answer is replayed, not charged again; calling `addSeats` again with the same key
 * once the seats were added is refused (`idempotency_key_reused`: the seat count it asks for
 * is another now), never a second purchase.
 */
export async function addSeats(
  billing: BillingClient,
  { add, idempotencyKey, signal }: { add: number; idempotencyKey: string; signal?: AbortSignal },
): Promise<SeatChangeResult> {
  const subscription = await billing.subscription.get({ signal });
  const change = { seats: subscription.seats.purchased + add, timing: 'immediately' } as const;
  const quote = await billing.subscription.preview(change, { signal });
  if (!quote.possible) {
    const { code = 'not_possible', message = 'Not possible' } = quote.restriction ?? {};
    return { status: 'refused', code, message };
  }
  try {
    const applied = await billing.subscription.apply(
      { ...change, expectedAmountDue: quote.amountDueNow },
      { ifMatch: subscription.version, idempotencyKey, signal },
    );
    return {
      status: 'applied',
      seats: applied.subscription.seats.purchased,
      invoiceId: applied.invoice?.id ?? null,
    };
  } catch (error) {
    if (isAmountChangedError(error)) return { status: 'review', quote: error.problem.quote };
    // 409 version_conflict: the subscription changed since it was read; 422: a rule refused.
    if (isBillingApiError(error) && (error.status === 409 || error.status === 422))
      return { status: 'refused', code: error.code, message: error.detail ?? error.title };
    throw error;
  }
}
