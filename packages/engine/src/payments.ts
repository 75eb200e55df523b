import type { CreditEntry, EngineContext, IsoDate, Money, Outcome, TeamState } from './types.js';

export interface CreditInput {
  amount: Money;
  kind: Exclude<CreditEntry['kind'], 'applied'>;
  description: string;
  /** For refunds: the paid invoice refunded; the credit cannot exceed what it was paid. */
  invoiceId?: string | null;
}

/** Pays an open invoice now (a manual payment, or a bank transfer received). */
export function payInvoice(
  _state: TeamState,
  _invoiceId: string,
  _today: IsoDate,
  _ctx: EngineContext,
  _options?: { succeeded?: boolean; paymentMethodId?: string },
): Outcome {
  throw new Error('not implemented yet');
}

/** Sets the primary payment method and whether its charges succeed (simulation input). */
export function setPaymentMethod(
  _state: TeamState,
  _method: { methodId: string | null; failCharges?: boolean },
  _today: IsoDate,
): Outcome {
  throw new Error('not implemented yet');
}

/** Adds to the credit balance (contributions, refunds, adjustments). */
export function addCredit(_state: TeamState, _credit: CreditInput, _today: IsoDate): Outcome {
  throw new Error('not implemented yet');
}
