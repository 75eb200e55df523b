import type { EngineContext, IsoDate, Money, Outcome, TeamState } from './types.js';

/** The API's `AutoFlex`. */
export interface AutoFlexView {
  enabled: boolean;
  termsVersion: string | null;
  termsAcceptedAt: IsoDate | null;
  cycle: { start: IsoDate; billingDate: IsoDate; noticeDate: IsoDate } | null;
  extraMembers: number;
  estimatedCharge: Money;
  billedExtraSeats: number;
}

/** Opts a prorate team in by accepting the auto-flex terms. */
export function enableAutoFlex(
  _state: TeamState,
  _terms: { termsVersion: string },
  _today: IsoDate,
  _ctx: EngineContext,
): Outcome {
  throw new Error('not implemented yet');
}

export function autoFlexStatus(
  _state: TeamState,
  _today: IsoDate,
  _ctx: EngineContext,
): AutoFlexView {
  throw new Error('not implemented yet');
}
