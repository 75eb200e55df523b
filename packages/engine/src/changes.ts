import type {
  ChangeQuote,
  EngineContext,
  Invoice,
  IsoDate,
  Outcome,
  ScheduledChange,
  StandingInstructions,
  SubscriptionChange,
  TeamState,
} from './types.js';

export interface AppliedOutcome extends Outcome {
  quote: ChangeQuote;
  invoice: Invoice | null;
  scheduledChange: ScheduledChange | null;
}

/** Prices a change without applying it; never changes the requested timing. */
export function quoteChange(
  _state: TeamState,
  _change: SubscriptionChange,
  _today: IsoDate,
  _ctx: EngineContext,
): ChangeQuote {
  throw new Error('not implemented yet');
}

/** Applies a change; the invoice has exactly the quote's lines. Throws `change_not_possible` when the quote is not possible. */
export function applyChange(
  _state: TeamState,
  _change: SubscriptionChange,
  _today: IsoDate,
  _ctx: EngineContext,
): AppliedOutcome {
  throw new Error('not implemented yet');
}

/** Sets what happens at the end of the current period (renew, change, cancel to Free). */
export function setStandingInstructions(
  _state: TeamState,
  _instructions: Omit<StandingInstructions, 'source'>,
  _today: IsoDate,
  _ctx: EngineContext,
): Outcome {
  throw new Error('not implemented yet');
}

/** The changes due at the end of the current period, from the standing instructions. */
export function scheduledChanges(_state: TeamState): ScheduledChange[] {
  throw new Error('not implemented yet');
}
