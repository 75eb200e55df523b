/** Term lines, true-up settlement, auto-flex billing and renewals; shared by changes and `advance`. */
import { requirePlan } from './catalog.js';
import { addMonths, periodStarting } from './dates.js';
import {
  addOnName,
  addOnPrice,
  type Draft,
  planName,
  prorationParams,
  quoteLine,
  requireSeatPrice,
  restOfPeriod,
  termParams,
} from './internal.js';
import { activeMembers, seatsFollowMembers } from './members.js';
import { prorate } from './money.js';
import { recordCredit } from './payments.js';
import type {
  AddOnSelection,
  EngineContext,
  Interval,
  IsoDate,
  Period,
  QuoteLine,
  TeamState,
} from './types.js';
import { creditReason, eventReason, lineReason } from './wording.js';

/** The plan cancelled and expired teams fall back to. */
export const FREE_PLAN_ID = 'free';

/** A subscription configuration to bill a term for. */
export interface TermTarget {
  planId: string;
  interval: Interval;
  seats: number;
  addOns: AddOnSelection[];
}

/**
 * Lines for a full term of `target` over `period`, and the seats that become purchased.
 * prorate: the target seats, plus members above them (auto-flex, or joined after a seat
 * decrease was scheduled). term-credit: the members on `date`. Seat orders: the order's seats.
 */
export function termLines(
  state: TeamState,
  target: TermTarget,
  period: Period,
  date: IsoDate,
  ctx: EngineContext,
): { lines: QuoteLine[]; seats: number } {
  const plan = requirePlan(ctx.catalog, target.planId);
  const price = requireSeatPrice(state, target.planId, target.interval, ctx);
  const members = activeMembers(state, date).length;
  const { subscription } = state;
  const term = termParams(period);
  const planTerm = { planId: plan.id, planName: plan.name, interval: target.interval, ...term };
  const lines: QuoteLine[] = [];
  let seats: number;
  if (!seatsFollowMembers(subscription)) {
    // Members who joined beyond the scheduled seats are billed too (seat orders included).
    seats = Math.max(target.seats, members);
    if (target.seats > 0)
      lines.push(
        quoteLine(
          lineReason('plan_period', { ...planTerm, seats: target.seats }),
          price,
          target.seats,
          period,
        ),
      );
    const extra = seats - target.seats;
    if (extra > 0) {
      const extraParams = { extraMembers: extra, seats: target.seats, ...term };
      lines.push(
        quoteLine(
          state.autoFlex.enabled
            ? lineReason('auto_flex_extra_seats', extraParams)
            : lineReason('members_above_seats', extraParams),
          price,
          extra,
          period,
        ),
      );
    }
  } else {
    seats = members;
    if (members > 0) {
      lines.push(
        quoteLine(
          lineReason('plan_period_members', { ...planTerm, members }),
          price,
          members,
          period,
        ),
      );
    }
  }
  if (price.amount > 0) {
    for (const selection of target.addOns) {
      if (selection.blocks === 0) continue;
      lines.push(
        quoteLine(
          lineReason('add_on_period', {
            addOnId: selection.addOnId,
            addOnName: addOnName(plan, selection.addOnId),
            blocks: selection.blocks,
            ...term,
          }),
          addOnPrice(plan, selection.addOnId, target.interval),
          selection.blocks,
          period,
        ),
      );
    }
  }
  return { lines, seats };
}

/**
 * Settles term-credit seat changes queued before `date` (a monthly review, a renewal or a plan
 * change): added members become true-up lines p × added × (periodEnd − J)/periodDays; removed
 * members credit p × removed × (periodEnd − R)/periodDays to the balance.
 */
export function settlePendingAdjustments(draft: Draft, date: IsoDate): QuoteLine[] {
  const { pendingAdjustments } = draft.state;
  const lines: QuoteLine[] = [];
  const due = pendingAdjustments.filter((adjustment) => adjustment.on <= date);
  if (due.length === 0) return lines;
  draft.set({
    pendingAdjustments: pendingAdjustments.filter((adjustment) => adjustment.on > date),
  });
  // One line per day and direction: several members joining the same day share a line.
  const groups = new Map<string, (typeof due)[number]>();
  for (const adjustment of due) {
    const key = `${adjustment.on}|${Math.sign(adjustment.delta)}|${adjustment.planId}|${adjustment.period.end}`;
    const group = groups.get(key);
    if (group) group.delta += adjustment.delta;
    else groups.set(key, { ...adjustment });
  }
  for (const adjustment of groups.values()) {
    const { fraction, range: period, days } = restOfPeriod(adjustment.period, adjustment.on);
    const count = Math.abs(adjustment.delta);
    const proration = prorationParams(days, adjustment.unitPrice);
    // Amounts that round to zero are neither charged nor credited.
    if (adjustment.delta > 0) {
      const line = quoteLine(
        lineReason('true_up_member_added', {
          members: count,
          joinedOn: adjustment.on,
          ...proration,
        }),
        adjustment.unitPrice,
        count,
        period,
        fraction,
      );
      if (line.amount.amount !== 0) lines.push(line);
    } else {
      const amount = prorate(adjustment.unitPrice, count, fraction);
      if (amount.amount === 0) continue;
      const reason = creditReason('seat_removal_credit', {
        members: count,
        removedOn: adjustment.on,
        ...proration,
      });
      recordCredit(draft, reason, amount, date, null);
      draft.emit(date, reason, amount);
    }
  }
  return lines;
}

/** Auto-flex billing dates of an annual term: every `cycleMonths` from the purchase date. */
export function flexBillingDates(state: TeamState): IsoDate[] {
  const { subscription } = state;
  if (!state.autoFlex.enabled || subscription.interval !== 'year') return [];
  const step = subscription.policy.autoFlexAnnualCycleMonths;
  const dates: IsoDate[] = [];
  for (let months = step; months < 12; months += step) {
    dates.push(addMonths(subscription.currentPeriod.start, months, subscription.anchorDay));
  }
  return dates.filter((date) => date < subscription.currentPeriod.end);
}

/**
 * On an annual plan's flex billing date, retained extra members become purchased seats,
 * co-termed: p_annual × extra × remainingDaysOfTerm/termDays.
 */
export function billAutoFlex(draft: Draft, date: IsoDate, ctx: EngineContext): QuoteLine[] {
  const { state } = draft;
  const { subscription } = state; // as it was before the writes below
  const extra = activeMembers(state, date).length - subscription.seats;
  if (extra <= 0) return [];
  const price = requireSeatPrice(state, subscription.planId, subscription.interval, ctx);
  const { fraction, range, days } = restOfPeriod(subscription.currentPeriod, date);
  draft.edit('subscription').seats += extra;
  draft.edit('autoFlex').billedExtraSeats += extra;
  const reason = lineReason('auto_flex_co_termed', {
    extraMembers: extra,
    keptOn: date,
    ...prorationParams(days, price),
  });
  const line = quoteLine(reason, price, extra, range, fraction);
  draft.emit(date, reason, line.amount);
  return [line];
}

/** What the standing instructions make of the next term (null = drop to Free). */
export function renewalTarget(state: TeamState, ctx: EngineContext): TermTarget | null {
  const { subscription } = state;
  const instructions = subscription.standingInstructions;
  if (instructions.action === 'cancel') return null;
  const target: TermTarget = {
    planId: instructions.planId ?? subscription.planId,
    interval: instructions.interval ?? subscription.interval,
    seats: instructions.seats ?? subscription.seats,
    addOns: instructions.addOns ?? subscription.addOns,
  };
  const price = requireSeatPrice(state, target.planId, target.interval, ctx);
  return price.amount === 0 ? null : target;
}

/** Moves the subscription to `target` with a term starting on `start`; returns the term's lines. */
export function startTerm(
  draft: Draft,
  target: TermTarget,
  start: IsoDate,
  anchorDay: number,
  ctx: EngineContext,
  asSeatOrder = false,
): QuoteLine[] {
  const subscription = draft.edit('subscription');
  const period = periodStarting(start, target.interval, anchorDay);
  // Seat orders are yearly: renewing to monthly ends the order (the team is then billed for
  // its members every month); a yearly one orders every seat in use (see `termLines`).
  const ordering = (subscription.seatOrder !== null || asSeatOrder) && target.interval === 'year';
  subscription.seatOrder = ordering
    ? {
        seats: target.seats,
        unitPrice: requireSeatPrice(draft.state, target.planId, 'year', ctx),
        period,
      }
    : null;
  const { lines, seats } = termLines(draft.state, target, period, start, ctx);
  if (subscription.seatOrder) subscription.seatOrder.seats = seats;
  for (const line of lines) {
    if (line.reason.code === 'auto_flex_extra_seats') draft.emit(start, line.reason, line.amount);
  }
  if (target.planId !== subscription.planId) {
    draft.emit(
      start,
      eventReason('plan_changed', planChangeParams(subscription.planId, target.planId, ctx)),
    );
  }
  if (target.interval !== subscription.interval) {
    draft.emit(
      start,
      eventReason('interval_changed', {
        fromInterval: subscription.interval,
        toInterval: target.interval,
      }),
    );
  }
  if (seats !== subscription.seats) {
    draft.emit(
      start,
      eventReason('seats_changed', { fromSeats: subscription.seats, toSeats: seats }),
    );
  }
  subscription.planId = target.planId;
  subscription.interval = target.interval;
  subscription.seats = seats;
  subscription.addOns = target.addOns.filter((selection) => selection.blocks > 0);
  subscription.currentPeriod = period;
  subscription.anchorDay = anchorDay;
  resetBilledExtraSeats(draft);
  return lines;
}

/** Cancel to Free (or an expired seat order): usage above Free's limits is restricted, not deleted. */
export function dropToFree(draft: Draft, start: IsoDate, ctx: EngineContext): void {
  const subscription = draft.edit('subscription');
  const freePlan = requirePlan(ctx.catalog, FREE_PLAN_ID);
  const change = planChangeParams(subscription.planId, freePlan.id, ctx);
  draft.emit(
    start,
    subscription.seatOrder
      ? eventReason('seat_order_expired', change)
      : eventReason('plan_ended', change),
  );
  subscription.planId = freePlan.id;
  subscription.interval = 'month';
  subscription.seats = activeMembers(draft.state, start).length;
  subscription.addOns = [];
  subscription.seatOrder = null;
  subscription.currentPeriod = periodStarting(start, 'month', subscription.anchorDay);
  draft.set({ pendingAdjustments: [] });
  resetBilledExtraSeats(draft);
}

/** The params of a move from one plan to another. */
export function planChangeParams(fromPlanId: string, toPlanId: string, ctx: EngineContext) {
  return {
    fromPlanId,
    fromPlanName: planName(fromPlanId, ctx),
    toPlanId,
    toPlanName: planName(toPlanId, ctx),
  };
}

/** A new term starts without auto-flex seats billed in it. */
function resetBilledExtraSeats(draft: Draft): void {
  if (draft.state.autoFlex.billedExtraSeats !== 0) draft.edit('autoFlex').billedExtraSeats = 0;
}

/** Default standing instructions: seat orders expire unless renewed; subscriptions renew. */
export function defaultInstructions(
  state: TeamState,
): TeamState['subscription']['standingInstructions'] {
  return state.subscription.seatOrder
    ? { action: 'cancel', source: 'cancel' }
    : { action: 'renew', source: 'standing_instructions' };
}
