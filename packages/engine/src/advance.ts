import type { EngineContext, IsoDate, Outcome, TeamState } from './types.js';

/**
 * Lets time pass up to and including `toDate`: every due date after `state.processedThrough`
 * is processed in order (notices, monthly reviews, auto-flex billing, usage periods, renewals,
 * trial end, seat-order expiry, payment retries, grace expiry).
 */
export function advance(_state: TeamState, _toDate: IsoDate, _ctx: EngineContext): Outcome {
  throw new Error('not implemented yet');
}
