import type { SeatsChangeRequestEvent } from '@billkit/elements';

/**
 * A host rule the billing API does not know: seat purchases over `limit` (minor units, in the
 * quote's currency) need finance's approval. The element asks before every change with a
 * cancelable `bk-seats-change-request`; `preventDefault()` vetoes it, so nothing is sent.
 */
export function limitSeatSpending(
  provider: HTMLElementTagNameMap['bk-billing-provider'],
  limit: number,
  onRefused: (message: string) => void,
): () => void {
  const check = (event: SeatsChangeRequestEvent) => {
    const { amountDueNow } = event.detail.quote;
    if (amountDueNow.amount > limit) {
      event.preventDefault();
      onRefused('Seat purchases over your limit need approval from finance.');
    }
  };
  provider.addEventListener('bk-seats-change-request', check);
  return () => provider.removeEventListener('bk-seats-change-request', check);
}
