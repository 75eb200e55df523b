import { advance } from './advance.js';
import {
  defaultInstructions,
  FREE_PLAN_ID,
  planChangeParams,
  renewalTarget,
  settlePendingAdjustments,
  startTerm,
  type TermTarget,
} from './billing.js';
import { findAddOn, requirePlan } from './catalog.js';
import { dayOfMonth, minDate, periodContains } from './dates.js';
import {
  addOnName,
  addOnPrice,
  blocksOf,
  creditLine,
  Draft,
  isFreePrice,
  linesTotal,
  planName,
  prorationParams,
  quoteLine,
  requireBillableQuantities,
  requireNonNegativeInteger,
  requireSeatPrice,
  restOfPeriod,
  seatPrice,
  termParams,
  withinAmountLimit,
} from './internal.js';
import { activeMembers, billableSeats, billsForMembers, seatsFollowMembers } from './members.js';
import { BillingError, type Fraction, subtractMoney, zero } from './money.js';
import { applyCredit, issueInvoice } from './payments.js';
import type {
  AddOnSelection,
  ChangeQuote,
  CollectionMethod,
  EngineContext,
  Invoice,
  IsoDate,
  Money,
  Outcome,
  Period,
  Plan,
  QuoteLine,
  Restriction,
  RestrictionCode,
  ScheduledChange,
  StandingInstructions,
  SubscriptionChange,
  TeamState,
} from './types.js';
import { overageLines, startUsagePeriod } from './usage.js';
import { counted, eventReason, formatAmount, lineReason } from './wording.js';

export interface AppliedOutcome extends Outcome {
  quote: ChangeQuote;
  invoice: Invoice | null;
  scheduledChange: ScheduledChange | null;
}

/** A priced change: the quote and the state the change leads to (before invoicing). */
export interface PlannedChange {
  quote: ChangeQuote;
  draft: Draft;
}

function validateChange(change: SubscriptionChange, state: TeamState, ctx: EngineContext): void {
  const hasContent =
    change.planId !== undefined ||
    change.interval !== undefined ||
    change.seats !== undefined ||
    change.addOns !== undefined;
  if (!hasContent) {
    throw new BillingError(
      'empty_change',
      'Give at least one of planId, interval, seats, addOns',
      '',
    );
  }
  if (change.timing !== 'immediately' && change.timing !== 'at_renewal') {
    throw new BillingError('invalid_timing', 'timing must be immediately or at_renewal', '/timing');
  }
  if (change.interval !== undefined && change.interval !== 'month' && change.interval !== 'year') {
    throw new BillingError('invalid_interval', 'interval must be month or year', '/interval');
  }
  if (change.seats !== undefined) requireNonNegativeInteger(change.seats, '/seats');
  const plan = requirePlan(ctx.catalog, change.planId ?? state.subscription.planId);
  change.addOns?.forEach((selection, index) => {
    requireNonNegativeInteger(selection.blocks, `/addOns/${index}/blocks`);
    if (change.addOns?.findIndex((other) => other.addOnId === selection.addOnId) !== index) {
      throw new BillingError(
        'duplicate_add_on',
        `${selection.addOnId} is listed twice; give its blocks once`,
        `/addOns/${index}/addOnId`,
      );
    }
    if (!findAddOn(plan, selection.addOnId)) {
      throw new BillingError(
        'unknown_add_on',
        `${plan.name} has no add-on ${selection.addOnId}`,
        `/addOns/${index}/addOnId`,
      );
    }
  });
  const seatTermAmount = Math.max(
    ...(['month', 'year'] as const).map(
      (interval) => seatPrice(state, plan.id, interval, ctx)?.amount ?? 0,
    ),
  );
  requireBillableQuantities([
    ...(change.seats === undefined
      ? []
      : [{ quantity: change.seats, unitAmount: seatTermAmount, pointer: '/seats' }]),
    ...(change.addOns ?? []).map((selection, index) => ({
      quantity: selection.blocks,
      unitAmount: addOnPrice(plan, selection.addOnId, 'year').amount,
      pointer: `/addOns/${index}/blocks`,
    })),
  ]);
}

function mergeAddOns(
  base: AddOnSelection[],
  changes: AddOnSelection[] | undefined,
): AddOnSelection[] {
  if (!changes) return base;
  const merged = base.filter((selection) => !changes.some((c) => c.addOnId === selection.addOnId));
  return [...merged, ...changes].filter((selection) => selection.blocks > 0);
}

/** What `change` asks for, starting from `base` (the current or the scheduled configuration). */
function resolveTarget(
  base: TermTarget,
  change: SubscriptionChange,
  ctx: EngineContext,
): TermTarget {
  const planId = change.planId ?? base.planId;
  const plan = requirePlan(ctx.catalog, planId);
  return {
    planId,
    interval: change.interval ?? base.interval,
    seats: change.seats ?? base.seats,
    // Add-ons the target plan does not offer end with the old plan.
    addOns: mergeAddOns(base.addOns, change.addOns).filter((s) => findAddOn(plan, s.addOnId)),
  };
}

function currentTarget(state: TeamState): TermTarget {
  const { planId, interval, seats, addOns } = state.subscription;
  return { planId, interval, seats, addOns };
}

function isDowngrade(state: TeamState, target: TermTarget, ctx: EngineContext): boolean {
  const { subscription } = state;
  if (isFreePrice(state, target.planId, ctx) && !isFreePrice(state, subscription.planId, ctx)) {
    return true;
  }
  const current = seatPrice(state, subscription.planId, subscription.interval, ctx);
  const next = seatPrice(state, target.planId, subscription.interval, ctx);
  if (current && next && next.amount < current.amount) return true;
  return subscription.addOns.some(
    (selection) => blocksOf(target.addOns, selection.addOnId) < selection.blocks,
  );
}

function restrictionFor(
  state: TeamState,
  change: SubscriptionChange,
  target: TermTarget,
  today: IsoDate,
  ctx: EngineContext,
): Restriction | null {
  const { subscription } = state;
  const members = activeMembers(state, today).length;
  const targetPlan = requirePlan(ctx.catalog, target.planId);
  if (
    target.planId !== subscription.planId &&
    !seatPrice(state, target.planId, target.interval, ctx)
  ) {
    return {
      code: 'contact_sales',
      message: `${targetPlan.name} is sold by our sales team; contact sales to change to it.`,
      allowedTiming: null,
    };
  }
  if (change.seats !== undefined && target.seats < members) {
    return {
      code: 'seats_below_members',
      message: `${members} members use seats; remove members before going down to ${counted(target.seats, 'seat')}.`,
      allowedTiming: null,
    };
  }
  if (change.timing === 'at_renewal') return null;
  const atRenewal = (code: Restriction['code'], message: string): Restriction => ({
    code,
    message,
    allowedTiming: 'at_renewal',
  });
  const end = subscription.currentPeriod.end;
  if (subscription.status === 'trialing') {
    // Nothing is charged during a trial, so changes apply at once, except that a downgrade or a
    // cancel keeps the trial's plan until the trial ends (as after a paid period).
    return isDowngrade(state, target, ctx)
      ? atRenewal(
          'downgrade_at_renewal',
          `Downgrades take effect when the trial ends, on ${end}; until then ${planName(subscription.planId, ctx)} stays active.`,
        )
      : null;
  }
  if (subscription.seatOrder && target.seats < subscription.seatOrder.seats) {
    return atRenewal(
      'seat_order_locked',
      `Seats cannot be reduced during the seat order; order fewer seats for the renewal on ${end}.`,
    );
  }
  if (subscription.interval === 'year' && target.interval === 'month') {
    return atRenewal(
      'annual_to_monthly_at_renewal',
      `Annual plans switch to monthly at the end of the annual term, on ${end}.`,
    );
  }
  if (isDowngrade(state, target, ctx)) {
    return atRenewal(
      'downgrade_at_renewal',
      `Downgrades take effect at the end of the current period, on ${end}; until then ${planName(subscription.planId, ctx)} stays active.`,
    );
  }
  if (!billsForMembers(subscription.policy) && target.seats < subscription.seats) {
    return atRenewal(
      'seat_decrease_at_renewal',
      `Seats can be lowered for the next period, from ${end}.`,
    );
  }
  return null;
}

/** Instructions that make the next term `target`; `renew` when it equals the current setup. */
function instructionsFor(
  state: TeamState,
  target: TermTarget,
  ctx: EngineContext,
): StandingInstructions {
  const { subscription } = state;
  if (isFreePrice(state, target.planId, ctx)) return { action: 'cancel', source: 'cancel' };
  const unchanged =
    target.planId === subscription.planId &&
    target.interval === subscription.interval &&
    target.seats === subscription.seats &&
    JSON.stringify(target.addOns) === JSON.stringify(subscription.addOns);
  if (unchanged && !subscription.seatOrder) return defaultInstructions(state);
  const source: ScheduledChange['source'] = isDowngrade(state, target, ctx)
    ? 'downgrade'
    : target.interval !== subscription.interval
      ? 'interval_change'
      : 'standing_instructions';
  return { action: 'change', ...target, source };
}

/**
 * New term from today (free → paid, monthly → annual, a new seat order): unused time of the
 * old term credited.
 */
export function newTermLines(
  draft: Draft,
  target: TermTarget,
  today: IsoDate,
  ctx: EngineContext,
  asSeatOrder = false,
): QuoteLine[] {
  const settled = settlePendingAdjustments(draft, today);
  // The subscription as it was before the new term (settling changed neither it nor the members).
  const { state } = draft;
  const { subscription } = state;
  const { fraction, range: unused, days } = restOfPeriod(subscription.currentPeriod, today);
  const oldPrice = requireSeatPrice(state, subscription.planId, subscription.interval, ctx);
  const credits: QuoteLine[] = [];
  // A trial was never paid for: there is no unused time to credit.
  if (oldPrice.amount > 0 && subscription.status !== 'trialing') {
    const seats = billableSeats(state, today);
    const oldPlan = requirePlan(ctx.catalog, subscription.planId);
    credits.push(
      unusedTimeCredit(subscription, oldPlan, seats, oldPrice, unused, fraction, days),
      ...subscription.addOns.map((selection) => {
        const blockPrice = addOnPrice(oldPlan, selection.addOnId, subscription.interval);
        return creditLine(
          lineReason('unused_add_on_credit', {
            addOnId: selection.addOnId,
            addOnName: addOnName(oldPlan, selection.addOnId),
            blocks: selection.blocks,
            ...prorationParams(days, blockPrice),
          }),
          blockPrice,
          selection.blocks,
          unused,
          fraction,
        );
      }),
    );
  }
  // The usage period follows the new anchor, so the running one closes today, unless it only
  // began today: then it simply continues into the new term (no empty overage period).
  const closesUsage = state.usage.period.start < today;
  const overages = closesUsage ? overageLines(state, today, ctx) : [];
  const charges = startTerm(draft, target, today, dayOfMonth(today), ctx, asSeatOrder);
  if (closesUsage) startUsagePeriod(draft, today, ctx);
  return [...charges, ...settled, ...credits, ...overages];
}

/** The credit for the unused part of the current term of `oldPlan` (`seats` × `oldPrice`). */
function unusedTimeCredit(
  subscription: TeamState['subscription'],
  oldPlan: Plan,
  seats: number,
  oldPrice: Money,
  unused: Period,
  fraction: Fraction,
  days: { daysRemaining: number; daysInPeriod: number },
): QuoteLine {
  return creditLine(
    lineReason('unused_time_credit', {
      planId: oldPlan.id,
      planName: oldPlan.name,
      interval: subscription.interval,
      seats,
      ...prorationParams(days, oldPrice),
    }),
    oldPrice,
    seats,
    unused,
    fraction,
  );
}

/** A change within the current term: the anchor does not move. */
function sameTermLines(
  draft: Draft,
  target: TermTarget,
  today: IsoDate,
  ctx: EngineContext,
): QuoteLine[] {
  const { state } = draft;
  const { subscription } = state;
  const { fraction, range: rest, days } = restOfPeriod(subscription.currentPeriod, today);
  const oldPlan = requirePlan(ctx.catalog, subscription.planId);
  const newPlan = requirePlan(ctx.catalog, target.planId);
  const oldPrice = requireSeatPrice(state, subscription.planId, subscription.interval, ctx);
  const newPrice = requireSeatPrice(state, target.planId, subscription.interval, ctx);
  const lines: QuoteLine[] = [];
  if (target.planId !== subscription.planId) {
    if (subscription.policy.upgrade === 'price_difference') {
      if (subscription.seats > 0) {
        const difference = subtractMoney(newPrice, oldPrice);
        lines.push(
          quoteLine(
            lineReason('upgrade_proration', {
              ...planChangeParams(oldPlan.id, newPlan.id, ctx),
              seats: subscription.seats,
              ...prorationParams(days, difference),
            }),
            difference,
            subscription.seats,
            rest,
            fraction,
          ),
        );
      }
    } else {
      lines.push(...settlePendingAdjustments(draft, today));
      const seats = billableSeats(state, today);
      lines.push(
        quoteLine(
          lineReason('upgrade_full_period', {
            planId: newPlan.id,
            planName: newPlan.name,
            interval: subscription.interval,
            seats,
            ...termParams(rest),
          }),
          newPrice,
          seats,
          rest,
        ),
        unusedTimeCredit(subscription, oldPlan, seats, oldPrice, rest, fraction, days),
      );
    }
    draft.emit(today, eventReason('plan_changed', planChangeParams(oldPlan.id, newPlan.id, ctx)));
  }
  // term-credit seats follow the members (settled at reviews); only bought seats are charged here.
  const boughtSeats = !seatsFollowMembers(subscription);
  const addedSeats = boughtSeats ? target.seats - subscription.seats : 0;
  if (addedSeats > 0) {
    lines.push(
      quoteLine(
        lineReason('seats_added_prorated', {
          seats: addedSeats,
          ...prorationParams(days, newPrice),
        }),
        newPrice,
        addedSeats,
        rest,
        fraction,
      ),
    );
    draft.emit(
      today,
      eventReason('seats_changed', { fromSeats: subscription.seats, toSeats: target.seats }),
    );
  }
  for (const selection of target.addOns) {
    const added = selection.blocks - blocksOf(subscription.addOns, selection.addOnId);
    if (added <= 0) continue;
    const blockPrice = addOnPrice(newPlan, selection.addOnId, subscription.interval);
    lines.push(
      quoteLine(
        lineReason('add_on_added_prorated', {
          addOnId: selection.addOnId,
          addOnName: addOnName(newPlan, selection.addOnId),
          blocks: added,
          ...prorationParams(days, blockPrice),
        }),
        blockPrice,
        added,
        rest,
        fraction,
      ),
    );
  }
  const changed = draft.edit('subscription');
  if (changed.seatOrder) {
    changed.seatOrder = { ...changed.seatOrder, seats: target.seats, unitPrice: newPrice };
  }
  changed.planId = target.planId;
  changed.seats = boughtSeats
    ? Math.max(changed.seats, target.seats)
    : billableSeats(draft.state, today);
  changed.addOns = target.addOns;
  return lines;
}

function nextRenewal(state: TeamState, ctx: EngineContext): ChangeQuote['nextRenewal'] {
  const date = state.subscription.currentPeriod.end;
  // The estimate is what `advance` would invoice on the renewal date, with payments succeeding.
  const { invoices } = advance(state, date, { ...ctx, charge: () => true });
  const renewal = invoices.find((invoice) => invoice.issueDate === date);
  return { date, amount: renewal?.total ?? zero(state.credits.balance.currency) };
}

export function quoteOf(
  draft: Draft,
  change: SubscriptionChange,
  effectiveDate: IsoDate,
  lines: QuoteLine[],
  restriction: Restriction | null,
  ctx: EngineContext,
): ChangeQuote {
  const currency = draft.state.credits.balance.currency;
  // The invoice of this change shows the same figures: `subtotal` is its `total`.
  const subtotal = linesTotal(lines, currency);
  const { creditApplied, amountDue } = applyCredit(draft.state.credits.balance, subtotal);
  return {
    possible: restriction === null,
    timing: change.timing,
    effectiveDate,
    lines,
    subtotal,
    creditApplied,
    amountDueNow: amountDue,
    nextRenewal: nextRenewal(draft.state, ctx),
    restriction,
    deferred: queuedTrueUps(draft.state),
  };
}

/** term-credit true-ups already queued, charged at the next review (not part of this quote's total). */
function queuedTrueUps(state: TeamState): ChangeQuote['deferred'] {
  if (state.pendingAdjustments.length === 0) return null;
  const date = minDate(state.usage.period.end, state.subscription.currentPeriod.end);
  const lines = settlePendingAdjustments(new Draft(state), date);
  return lines.length > 0 ? { date, lines } : null;
}

/** The one code path behind `quoteChange` and `applyChange`. */
function planChange(
  state: TeamState,
  change: SubscriptionChange,
  today: IsoDate,
  ctx: EngineContext,
): PlannedChange {
  validateChange(change, state, ctx);
  return withinAmountLimit(() => priceChange(state, change, today, ctx));
}

function priceChange(
  state: TeamState,
  change: SubscriptionChange,
  today: IsoDate,
  ctx: EngineContext,
): PlannedChange {
  const { subscription } = state;
  if (!periodContains(subscription.currentPeriod, today)) {
    throw new BillingError(
      'state_not_current',
      `${today} is outside the current period ${subscription.currentPeriod.start} – ${subscription.currentPeriod.end}; advance the state first`,
    );
  }
  const membersToday = activeMembers(state, today).length;
  const followMembers = seatsFollowMembers(subscription);
  if (followMembers && change.seats !== undefined && change.seats > membersToday) {
    throw new BillingError(
      'seats_follow_members',
      'This team is billed for its members: add members (or buy a seat order) instead of seats',
      '/seats',
    );
  }
  const draft = new Draft(state);
  const scheduledBase = change.timing === 'at_renewal' ? renewalTarget(state, ctx) : null;
  const base = scheduledBase ?? currentTarget(state);
  const target = resolveTarget(
    followMembers ? { ...base, seats: membersToday } : base,
    change,
    ctx,
  );
  const restriction = restrictionFor(state, change, target, today, ctx);
  if (restriction) return { quote: quoteOf(draft, change, today, [], restriction, ctx), draft };

  if (change.timing === 'at_renewal') {
    setInstructions(draft, instructionsFor(state, target, ctx), today, ctx);
    const end = subscription.currentPeriod.end;
    return { quote: quoteOf(draft, change, end, [], null, ctx), draft };
  }
  let lines: QuoteLine[] = [];
  if (subscription.status === 'trialing') {
    // Nothing is charged during a trial; the trial end bills whatever is set then.
    Object.assign(draft.edit('subscription'), {
      ...target,
      seats: Math.max(target.seats, membersToday),
    });
  } else {
    const startsNewTerm =
      (subscription.interval === 'month' && target.interval === 'year') ||
      (isFreePrice(state, subscription.planId, ctx) && !isFreePrice(state, target.planId, ctx));
    lines = startsNewTerm
      ? newTermLines(draft, target, today, ctx)
      : sameTermLines(draft, target, today, ctx);
  }
  carryInstructions(draft, state, change, ctx);
  return { quote: quoteOf(draft, change, today, lines, null, ctx), draft };
}

/**
 * An immediate change applies to the scheduled next term too: standing instructions that
 * change the next term keep what the change did not override (a scheduled seat decrease
 * survives an upgrade; seats asked for now replace seats scheduled before). Without this the
 * renewal would bring back the plan the team just left.
 */
function carryInstructions(
  draft: Draft,
  before: TeamState,
  change: SubscriptionChange,
  ctx: EngineContext,
): void {
  if (before.subscription.standingInstructions.action !== 'change') return;
  const scheduled = renewalTarget(before, ctx);
  if (!scheduled) return;
  const { timing: _timing, ...asked } = change;
  const carried = resolveTarget(scheduled, { ...asked, timing: 'at_renewal' }, ctx);
  draft.edit('subscription').standingInstructions = instructionsFor(draft.state, carried, ctx);
}

/** Prices a change without applying it; never changes the requested timing. */
export function quoteChange(
  state: TeamState,
  change: SubscriptionChange,
  today: IsoDate,
  ctx: EngineContext,
): ChangeQuote {
  return planChange(state, change, today, ctx).quote;
}

/** The input of the request a restriction asks to change, as a JSON Pointer. */
const restrictionPointers: Record<RestrictionCode, string> = {
  seats_below_members: '/seats',
  seat_decrease_at_renewal: '/timing',
  annual_to_monthly_at_renewal: '/timing',
  downgrade_at_renewal: '/timing',
  seat_order_locked: '/seats',
  contact_sales: '/planId',
};

/**
 * Refuses a quote that is not possible with its restriction: the restriction's code and
 * message, and a pointer at the input to change, so a caller can answer without re-quoting.
 */
export function requirePossible(quote: ChangeQuote): void {
  if (quote.possible) return;
  const { restriction } = quote;
  if (restriction === null) throw new BillingError('change_not_possible', 'Not possible');
  throw new BillingError(
    restriction.code,
    restriction.message,
    restrictionPointers[restriction.code],
  );
}

/**
 * Refuses a change that would charge something else than the caller showed: the day turned
 * since the preview (prorations and unused-time credits change daily) or the credit balance
 * changed. Nothing is applied; `quote` is today's price, to show before trying again.
 */
export class AmountChangedError extends BillingError {
  constructor(
    /** The change priced today, as `quoteChange` gives it. */
    readonly quote: ChangeQuote,
    expected: Money,
  ) {
    super(
      'amount_changed',
      `This change now comes to ${formatAmount(quote.amountDueNow)} due now, not the ${formatAmount(expected)} shown; review the new amount and apply again`,
    );
  }
}

/** An `expectedAmountDue` the team's money can be compared with: an amount due is never negative. */
function requireExpectedAmount(expected: Money, state: TeamState): void {
  const { currency } = state.credits.balance;
  if (expected.currency !== currency) {
    throw new BillingError(
      'currency_mismatch',
      `This team is billed in ${currency}`,
      '/expectedAmountDue/currency',
    );
  }
  if (!Number.isSafeInteger(expected.amount) || expected.amount < 0) {
    throw new BillingError(
      'invalid_amount',
      'An amount due is a non-negative integer of minor units',
      '/expectedAmountDue/amount',
    );
  }
}

export interface ApplyOptions {
  /** Collects the invoice this way instead of the team's (an accepted quote is invoiced first). */
  collectionMethod?: CollectionMethod;
  /**
   * The `amountDueNow` the caller showed (the review step); when today's differs the change is
   * refused with `AmountChangedError` before anything is charged or changed.
   */
  expectedAmountDue?: Money;
}

/**
 * Applies a change: the invoice carries exactly the quote's lines (same code path), collected
 * the team's way unless `collectionMethod` says otherwise. Throws the restriction (see
 * `requirePossible`) when the quote is not possible, and `AmountChangedError` when it would
 * charge other than `expectedAmountDue`.
 */
export function applyChange(
  state: TeamState,
  change: SubscriptionChange,
  today: IsoDate,
  ctx: EngineContext,
  { collectionMethod, expectedAmountDue }: ApplyOptions = {},
): AppliedOutcome {
  if (expectedAmountDue) requireExpectedAmount(expectedAmountDue, state);
  const { quote, draft } = planChange(state, change, today, ctx);
  requirePossible(quote);
  if (expectedAmountDue && quote.amountDueNow.amount !== expectedAmountDue.amount) {
    throw new AmountChangedError(quote, expectedAmountDue);
  }
  const invoice =
    quote.lines.length > 0
      ? issueInvoice(
          draft,
          quote.lines,
          today,
          { start: today, end: draft.state.subscription.currentPeriod.end },
          ctx,
          collectionMethod,
        )
      : null;
  const [scheduledChange = null] =
    change.timing === 'at_renewal' ? scheduledChanges(draft.state) : [];
  return { ...draft.outcome(), quote, invoice, scheduledChange };
}

/** Replaces the standing instructions; a cancellation (to Free at the period end) is an event. */
function setInstructions(
  draft: Draft,
  instructions: StandingInstructions,
  today: IsoDate,
  ctx: EngineContext,
): void {
  const subscription = draft.edit('subscription');
  subscription.standingInstructions = instructions;
  if (instructions.action === 'cancel') {
    draft.emit(
      today,
      eventReason('subscription_canceled', {
        toPlanId: FREE_PLAN_ID,
        toPlanName: planName(FREE_PLAN_ID, ctx),
        effectiveDate: subscription.currentPeriod.end,
      }),
    );
  }
}

/** Sets what happens at the end of the current period (renew, change, cancel to Free). */
export function setStandingInstructions(
  state: TeamState,
  instructions: Omit<StandingInstructions, 'source'>,
  today: IsoDate,
  ctx: EngineContext,
): Outcome {
  if (instructions.action !== 'change') {
    const draft = new Draft(state);
    setInstructions(
      draft,
      instructions.action === 'cancel'
        ? { action: 'cancel', source: 'cancel' }
        : { action: 'renew', source: 'standing_instructions' },
      today,
      ctx,
    );
    return draft.outcome();
  }
  const { action: _action, ...change } = instructions;
  const fromScratch: TeamState = {
    ...state,
    subscription: { ...state.subscription, standingInstructions: defaultInstructions(state) },
  };
  const { quote, draft } = planChange(fromScratch, { ...change, timing: 'at_renewal' }, today, ctx);
  requirePossible(quote);
  const subscription = draft.edit('subscription');
  if (subscription.standingInstructions.action === 'change') {
    subscription.standingInstructions = {
      ...subscription.standingInstructions,
      source: 'standing_instructions',
    };
  }
  return draft.outcome();
}

/** The changes due at the end of the current period, from the standing instructions. */
export function scheduledChanges(state: TeamState): ScheduledChange[] {
  const { subscription } = state;
  const instructions = subscription.standingInstructions;
  if (instructions.action === 'renew') return [];
  const effectiveDate = subscription.currentPeriod.end;
  const change: SubscriptionChange =
    instructions.action === 'cancel'
      ? { planId: FREE_PLAN_ID, timing: 'at_renewal' }
      : {
          planId: instructions.planId,
          interval: instructions.interval,
          seats: instructions.seats,
          addOns: instructions.addOns,
          timing: 'at_renewal',
        };
  return [
    {
      id: `sch_${subscription.id}_${effectiveDate}`,
      effectiveDate,
      change,
      source: instructions.source,
    },
  ];
}
