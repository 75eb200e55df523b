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
import { counted, Draft, formatAmount, isFreePrice } from './internal.js';
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

/** The `deactivated` notice's text, sent by `advance` and shown by `activeNotices`. */
export const DEACTIVATED_MESSAGE =
  'The team is deactivated for non-payment. Data is kept; pay the open invoices to reactivate.';

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
      {
        code: 'auto_flex_billing_soon',
        severity: 'info',
        date,
        message: `${counted(extra, 'extra member')} will be billed ${formatAmount(amount)} on ${billingDate} if still on the team.`,
        params: { extraMembers: extra, amount: amount.amount, billingDate },
        audience: 'billing_and_admins',
      },
      `flex:${billingDate}`,
    );
  }
  const { trialEnd } = subscription;
  if (trialEnd && trialNoticeDate(subscription) === date) {
    draft.notify(
      {
        code: 'trial_ending',
        severity: 'info',
        date,
        message:
          subscription.standingInstructions.action === 'cancel'
            ? `The trial ends on ${trialEnd}; the team then moves to Free.`
            : `The trial ends on ${trialEnd}; the first payment is taken then.`,
        params: { trialEnd },
        audience: 'billing_and_admins',
      },
      `trial:${trialEnd}`,
    );
  }
  const order = subscription.seatOrder;
  if (order && seatOrderNoticeDate(subscription) === date) {
    draft.notify(
      {
        code: 'seat_order_expiring',
        severity: 'warning',
        date,
        message: `The seat order of ${order.seats} seats expires on ${order.period.end}; without a renewal the team moves to Free.`,
        params: { expiresOn: order.period.end, seats: order.seats },
        audience: 'billing_and_admins',
      },
      `order:${order.period.end}`,
    );
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
    draft.emit('trial_ended', date, `Trial ended on ${date}`);
  } else if (target) {
    draft.emit('subscription_renewed', date, `Renewed until ${renewed.currentPeriod.end}`);
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
    draft.emit('status_changed', date, `Status ${state.subscription.status} → deactivated`);
    draft.edit('subscription').status = 'deactivated';
    for (const invoice of draft.state.invoices) {
      if (invoice.nextAttemptDate !== null) draft.invoice(invoice.id).nextAttemptDate = null;
    }
    draft.notify(
      {
        code: 'deactivated',
        severity: 'critical',
        date,
        message: DEACTIVATED_MESSAGE,
        params: { since: date },
        audience: 'everyone',
      },
      `deactivated:${date}`,
    );
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
