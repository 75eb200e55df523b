import type { AppliedOutcome } from './changes.js';
import type { ChangeQuote, CollectionMethod, EngineContext, IsoDate, TeamState } from './types.js';

export interface SeatOrderRequest {
  seats: number;
  /** Defaults to the current plan. */
  planId?: string;
  /** `send_invoice` = invoice first (budget approval), paid later by card or transfer. */
  collectionMethod?: CollectionMethod;
}

/** Prices a new yearly seat order starting `today` (term-credit teams). */
export function quoteSeatOrder(
  _state: TeamState,
  _request: SeatOrderRequest,
  _today: IsoDate,
  _ctx: EngineContext,
): ChangeQuote {
  throw new Error('not implemented yet');
}

/** Places the order priced by `quoteSeatOrder`. */
export function placeSeatOrder(
  _state: TeamState,
  _request: SeatOrderRequest,
  _today: IsoDate,
  _ctx: EngineContext,
): AppliedOutcome {
  throw new Error('not implemented yet');
}
