import { flexBillingDates } from './billing.js';
import { addDays } from './dates.js';
import { Draft, requireSeatPrice, restOfPeriod } from './internal.js';
import { activeMembers, billsForMembers } from './members.js';
import { BillingError, multiply, prorate, zero } from './money.js';
import type { EngineContext, IsoDate, Money, Outcome, TeamState } from './types.js';
import { eventReason } from './wording.js';

/** Auto-flex billing dates of the current term with their notice dates (monthly: the renewal). */
export function flexSchedule(state: TeamState): { billingDate: IsoDate; noticeDate: IsoDate }[] {
  const { subscription, autoFlex } = state;
  if (!autoFlex.enabled || billsForMembers(subscription.policy)) return [];
  const noticeDays = subscription.policy.autoFlexNoticeDays[subscription.interval];
  return [...flexBillingDates(state), subscription.currentPeriod.end].map((billingDate) => ({
    billingDate,
    noticeDate: addDays(billingDate, -noticeDays),
  }));
}

/** Extra members on `date` and what keeping them until `billingDate` would cost. */
export function flexEstimate(
  state: TeamState,
  date: IsoDate,
  billingDate: IsoDate,
  ctx: EngineContext,
): { extra: number; amount: Money } {
  const { subscription } = state;
  const extra = Math.max(0, activeMembers(state, date).length - subscription.seats);
  const price = requireSeatPrice(state, subscription.planId, subscription.interval, ctx);
  const term = subscription.currentPeriod;
  // On the renewal the extras are billed a full term; before it, co-termed like `billAutoFlex`.
  const amount =
    billingDate === term.end
      ? multiply(price, extra)
      : prorate(price, extra, restOfPeriod(term, billingDate).fraction);
  return { extra, amount };
}

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
  state: TeamState,
  terms: { termsVersion: string },
  today: IsoDate,
  _ctx: EngineContext,
): Outcome {
  if (billsForMembers(state.subscription.policy)) {
    throw new BillingError(
      'auto_flex_unavailable',
      'Auto-flex is for prorate teams; this team is billed for its members',
    );
  }
  const draft = new Draft(state);
  const autoFlex = draft.edit('autoFlex');
  autoFlex.enabled = true;
  autoFlex.termsVersion = terms.termsVersion;
  autoFlex.termsAcceptedAt = today;
  draft.emit(today, eventReason('auto_flex_enabled', { termsVersion: terms.termsVersion }));
  return draft.outcome();
}

/** The dashboard's view: cycle dates, extra members so far and what they would cost. */
export function autoFlexStatus(state: TeamState, today: IsoDate, ctx: EngineContext): AutoFlexView {
  const { autoFlex, subscription } = state;
  const schedule = flexSchedule(state);
  const index = schedule.findIndex((entry) => entry.billingDate > today);
  const current = schedule[index];
  const estimate = current
    ? flexEstimate(state, today, current.billingDate, ctx)
    : { extra: 0, amount: zero(state.credits.balance.currency) };
  return {
    enabled: autoFlex.enabled,
    termsVersion: autoFlex.termsVersion,
    termsAcceptedAt: autoFlex.termsAcceptedAt,
    cycle: current
      ? {
          start: schedule[index - 1]?.billingDate ?? subscription.currentPeriod.start,
          billingDate: current.billingDate,
          noticeDate: current.noticeDate,
        }
      : null,
    extraMembers: estimate.extra,
    estimatedCharge: estimate.amount,
    billedExtraSeats: autoFlex.billedExtraSeats,
  };
}
