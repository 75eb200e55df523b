import { flexEstimate, flexSchedule } from './auto-flex.js';
import {
  billAutoFlex,
  defaultInstructions,
  dropToFree,
  flexBillingDates,
  renewalTarget,
  settlePendingAdjustments,
  startTerm,
} from './billing.js';
import { addDays, periodStarting, requireIsoDate } from './dates.js';
import { Draft, isFreePrice, planName, termParams } from './internal.js';
import {
  autoFlexBillingSoonNotice,
  deactivatedNotice,
  seatOrderExpiringNotice,
  trialEndingNotice,
} from './notices.js';
import { attemptCharge, enterDunning, hasUnpaidInvoices, issueInvoice } from './payments.js';
import type {
  EngineContext,
  IsoDate,
  Outcome,
  QuoteLine,
  SubscriptionState,
  TeamState,
} from './types.js';
import { overageLines, startUsagePeriod } from './usage.js';
import { eventReason } from './wording.js';

/** The day the trial-ending notice is sent; null when not trialing. */
function trialNoticeDate(subscription: SubscriptionState): IsoDate | null {
  const { status, trialEnd, policy } = subscription;
  return status === 'trialing' && trialEnd
    ? addDays(trialEnd, -policy.trialEndingNoticeDays)
    : null;
}

/** The day the seat-order-expiring notice is due; null without a seat order. */
export function seatOrderNoticeDate(subscription: SubscriptionState): IsoDate | null {
  const { seatOrder, policy } = subscription;
  return seatOrder ? addDays(seatOrder.period.end, -policy.seatOrderExpiryNoticeDays) : null;
}

function dueDates(state: TeamState): IsoDate[] {
  const { subscription, payment } = state;
  const dates: IsoDate[] = [subscription.currentPeriod.end, state.usage.period.end];
  for (const { billingDate, noticeDate } of flexSchedule(state))
    dates.push(billingDate, noticeDate);
  for (const noticeDate of [trialNoticeDate(subscription), seatOrderNoticeDate(subscription)]) {
    if (noticeDate) dates.push(noticeDate);
  }
  for (const invoice of state.invoices) {
    if (invoice.status !== 'open') continue;
    if (invoice.nextAttemptDate) dates.push(invoice.nextAttemptDate);
    if (invoice.collectionMethod === 'send_invoice') dates.push(addDays(invoice.dueDate, 1));
  }
  if (payment.graceEndsAt) dates.push(payment.graceEndsAt);
  return dates;
}

function sendNotices(draft: Draft, date: IsoDate, ctx: EngineContext): void {
  const { state } = draft;
  const { subscription } = state;
  for (const { billingDate, noticeDate } of flexSchedule(state)) {
    if (noticeDate !== date) continue;
    const { extra, amount } = flexEstimate(state, date, billingDate, ctx);
    if (extra === 0) continue;
    draft.notify(
      autoFlexBillingSoonNotice(extra, amount, billingDate),
      date,
      `flex:${billingDate}`,
    );
  }
  const { trialEnd } = subscription;
  if (trialEnd && trialNoticeDate(subscription) === date) {
    draft.notify(trialEndingNotice(subscription, trialEnd, ctx), date, `trial:${trialEnd}`);
  }
  const order = subscription.seatOrder;
  if (order && seatOrderNoticeDate(subscription) === date) {
    draft.notify(seatOrderExpiringNotice(order), date, `order:${order.period.end}`);
  }
}

/** The renewal (or trial end, or seat-order expiry) on `date`: the next term's lines. */
function renew(draft: Draft, date: IsoDate, ctx: EngineContext): QuoteLine[] {
  const { subscription } = draft.state; // as it was before the renewal
  const wasTrial = subscription.status === 'trialing';
  // A deactivated team is not billed further: it falls back to Free, data kept.
  const target = subscription.status === 'deactivated' ? null : renewalTarget(draft.state, ctx);
  let lines: QuoteLine[] = [];
  if (target) {
    lines = startTerm(draft, target, date, subscription.anchorDay, ctx);
  } else if (isFreePrice(draft.state, subscription.planId, ctx)) {
    draft.edit('subscription').currentPeriod = periodStarting(
      date,
      'month',
      subscription.anchorDay,
    );
  } else {
    dropToFree(draft, date, ctx);
  }
  const renewed = draft.edit('subscription');
  if (wasTrial) {
    renewed.status = 'active';
    draft.emit(date, eventReason('trial_ended', { endedOn: date }));
  } else if (target) {
    draft.emit(
      date,
      eventReason('subscription_renewed', {
        planId: renewed.planId,
        planName: planName(renewed.planId, ctx),
        interval: renewed.interval,
        ...termParams(renewed.currentPeriod),
      }),
    );
  }
  renewed.standingInstructions = defaultInstructions(draft.state);
  return lines;
}

/** Renewals, monthly reviews, auto-flex billing dates and usage period ends: one invoice per day. */
function billDate(draft: Draft, date: IsoDate, ctx: EngineContext): void {
  const { state } = draft; // as it was before this day's billing
  const isPeriodEnd = date === state.subscription.currentPeriod.end;
  const closesUsage = isPeriodEnd || date === state.usage.period.end;
  const isFlexDate = flexBillingDates(state).includes(date);
  if (!isPeriodEnd && !closesUsage && !isFlexDate) return;
  const usagePeriod = { start: state.usage.period.start, end: date };
  const settled = closesUsage ? settlePendingAdjustments(draft, date) : [];
  const flex = isFlexDate ? billAutoFlex(draft, date, ctx) : [];
  const overages = closesUsage ? overageLines(draft.state, date, ctx) : [];
  const renewal = isPeriodEnd ? renew(draft, date, ctx) : [];
  // The new term first, then what settles the period that just ended.
  const lines = [...renewal, ...settled, ...flex, ...overages];
  const invoicePeriod = isPeriodEnd ? draft.state.subscription.currentPeriod : usagePeriod;
  if (closesUsage) startUsagePeriod(draft, date, ctx);
  if (lines.length > 0) issueInvoice(draft, lines, date, invoicePeriod, ctx);
}

function collect(draft: Draft, date: IsoDate, ctx: EngineContext): void {
  // One pass over the invoices (a long history makes each pass count). Retries only ever
  // concern automatically charged invoices, so charging them cannot change which
  // invoice-paying ones went overdue.
  const dueYesterday = addDays(date, -1);
  const retries: string[] = [];
  let invoiceOverdue = false;
  for (const invoice of draft.state.invoices) {
    if (invoice.status !== 'open') continue;
    if (invoice.nextAttemptDate === date) retries.push(invoice.id);
    if (invoice.collectionMethod === 'send_invoice' && invoice.dueDate === dueYesterday) {
      invoiceOverdue = true;
    }
  }
  if (draft.state.subscription.status !== 'deactivated') {
    for (const invoiceId of retries) attemptCharge(draft, invoiceId, date, ctx);
  }
  // Invoice-paying teams: the grace period counts from the due date.
  if (invoiceOverdue) enterDunning(draft, dueYesterday);
  const { state } = draft;
  const { graceEndsAt } = state.payment;
  if (
    graceEndsAt &&
    graceEndsAt <= date &&
    state.subscription.status !== 'deactivated' &&
    hasUnpaidInvoices(state, date)
  ) {
    draft.emit(
      date,
      eventReason('status_changed', {
        fromStatus: state.subscription.status,
        toStatus: 'deactivated',
      }),
    );
    draft.edit('subscription').status = 'deactivated';
    for (const invoice of draft.state.invoices) {
      if (invoice.nextAttemptDate !== null) draft.invoice(invoice.id).nextAttemptDate = null;
    }
    draft.notify(deactivatedNotice(graceEndsAt), date, `deactivated:${date}`);
  }
}

/**
 * Lets time pass up to and including `toDate`: every due date after `state.processedThrough`
 * is processed in order (notices, monthly reviews, auto-flex billing, usage periods, renewals,
 * trial end, seat-order expiry, payment retries, grace expiry).
 */
export function advance(state: TeamState, toDate: IsoDate, ctx: EngineContext): Outcome {
  requireIsoDate(toDate);
  const draft = new Draft(state);
  for (;;) {
    const after = draft.state.processedThrough;
    const next = dueDates(draft.state)
      .filter((date) => date > after)
      .sort()[0];
    if (next === undefined || next > toDate) break;
    sendNotices(draft, next, ctx);
    billDate(draft, next, ctx);
    collect(draft, next, ctx);
    draft.set({ processedThrough: next });
  }
  if (toDate > draft.state.processedThrough) draft.set({ processedThrough: toDate });
  return draft.outcome();
}
