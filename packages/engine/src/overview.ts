import { advance, seatOrderNoticeDate } from './advance.js';
import { type AutoFlexView, autoFlexStatus } from './auto-flex.js';
import { requirePlan } from './catalog.js';
import { scheduledChanges } from './changes.js';
import { activeMembers, type SeatSummary, seatSummary } from './members.js';
import {
  autoFlexBillingSoonNotice,
  deactivatedNotice,
  gracePeriodNotice,
  paymentFailedNotice,
  seatOrderExpiringNotice,
  trialEndingNotice,
  usageCappedNotice,
  usageNearLimitNotice,
} from './notices.js';
import type {
  AddOnSelection,
  CollectionMethod,
  EngineContext,
  Interval,
  Invoice,
  IsoDate,
  Money,
  Notice,
  Period,
  PolicyName,
  QuoteLine,
  ScheduledChange,
  SeatOrder,
  SubscriptionStatus,
  TeamState,
} from './types.js';
import { isNearLimit, usageSummary } from './usage.js';
import { notice } from './wording.js';

export interface NextInvoice {
  date: IsoDate;
  amount: Money;
  lines: QuoteLine[];
}

export interface PaymentStatusView {
  status: 'ok' | 'failing' | 'past_due' | 'deactivated';
  failedAttempts: number;
  graceEndsAt: IsoDate | null;
}

/** The API's `Subscription` without `version` (the mock owns versions). */
export interface SubscriptionView {
  id: string;
  planId: string;
  interval: Interval;
  status: SubscriptionStatus;
  policy: PolicyName;
  currentPeriod: Period;
  trialEnd: IsoDate | null;
  seats: SeatSummary;
  addOns: AddOnSelection[];
  cancelAtPeriodEnd: boolean;
  seatOrder: SeatOrder | null;
  scheduledChanges: ScheduledChange[];
  collectionMethod: CollectionMethod;
  createdAt: IsoDate;
  autoFlex: AutoFlexView;
}

/** What is kept but restricted after a drop to a smaller plan (e.g. an expired seat order). */
export interface Restrictions {
  /** Members beyond the plan's member limit (the most recent joiners). */
  membersOverLimit: string[];
  /** Resources used above what the plan includes, with no overage allowed. */
  resourcesOverQuota: string[];
}

/**
 * Estimate of the next scheduled invoice (renewal, review, flex billing, usage period end):
 * what `advance` would issue, before credits, with usage so far. Null when nothing is due
 * before the end of the current period.
 */
export function nextInvoice(
  state: TeamState,
  today: IsoDate,
  ctx: EngineContext,
): NextInvoice | null {
  const current = advance(state, today, ctx).state;
  // A past-due team is estimated as if it paid what is overdue: otherwise its grace would end
  // before the renewal and there would be nothing to estimate.
  const paying: TeamState =
    current.subscription.status === 'past_due'
      ? {
          ...current,
          subscription: { ...current.subscription, status: 'active' },
          payment: { ...current.payment, failingSince: null, graceEndsAt: null },
        }
      : current;
  const { invoices } = advance(paying, paying.subscription.currentPeriod.end, {
    ...ctx,
    charge: () => true,
  });
  const next = invoices.find((invoice) => invoice.issueDate > today);
  if (!next) return null;
  return {
    date: next.issueDate,
    amount: next.total,
    lines: next.lines,
  };
}

/** `failing` while automatic retries remain, `past_due` after them. */
function paymentState(status: SubscriptionStatus, retrying: boolean): PaymentStatusView['status'] {
  if (status === 'deactivated') return 'deactivated';
  if (status !== 'past_due') return 'ok';
  return retrying ? 'failing' : 'past_due';
}

export function paymentStatus(state: TeamState): PaymentStatusView {
  let failedAttempts = 0;
  let retrying = false;
  for (const invoice of state.invoices) {
    if (invoice.status !== 'open' || invoice.attempts <= 0) continue;
    failedAttempts += invoice.attempts;
    if (invoice.nextAttemptDate !== null) retrying = true;
  }
  const { status } = state.subscription;
  return {
    status: paymentState(status, retrying),
    failedAttempts,
    graceEndsAt: status === 'past_due' ? state.payment.graceEndsAt : null,
  };
}

export function restrictions(state: TeamState, today: IsoDate, ctx: EngineContext): Restrictions {
  const plan = requirePlan(ctx.catalog, state.subscription.planId);
  const members = activeMembers(state, today).sort((a, b) => (a.joinedOn < b.joinedOn ? -1 : 1));
  return {
    membersOverLimit:
      plan.maxMembers === null ? [] : members.slice(plan.maxMembers).map((member) => member.id),
    resourcesOverQuota: usageSummary(state, ctx)
      .filter((usage) => usage.overagePolicy === 'disallowed' && usage.used > usage.included)
      .map((usage) => usage.resourceId),
  };
}

/** The open invoice whose automatic payment failed last (most attempts, then newest). */
function lastFailedInvoice(state: TeamState): Invoice | undefined {
  let failed: Invoice | undefined;
  for (const invoice of state.invoices) {
    if (invoice.status !== 'open' || invoice.attempts === 0) continue;
    if (!failed || invoice.attempts >= failed.attempts) failed = invoice;
  }
  return failed;
}

/**
 * Notices that apply on `today` (for the dashboard), most severe first. Each reads as it did
 * when it was sent (the same builders, see `notices.ts`), with today's figures.
 */
export function activeNotices(state: TeamState, today: IsoDate, ctx: EngineContext): Notice[] {
  const { subscription, payment } = state;
  const { policy } = subscription;
  const notices: Notice[] = [];
  const payments = paymentStatus(state);
  const failed = lastFailedInvoice(state);
  // Only the end of a grace period deactivates a team, and its date stays set until it pays.
  if (payments.status === 'deactivated' && payment.graceEndsAt) {
    notices.push({ ...deactivatedNotice(payment.graceEndsAt), date: null });
  } else if (payments.status === 'failing' && payment.graceEndsAt && failed) {
    notices.push({
      ...paymentFailedNotice(failed, policy.maxPaymentAttempts, payment.graceEndsAt),
      date: payment.graceEndsAt,
    });
  } else if (payments.status !== 'ok' && payment.graceEndsAt) {
    notices.push({
      ...gracePeriodNotice(payment.graceEndsAt, policy.graceDays),
      date: payment.graceEndsAt,
    });
  }
  const order = subscription.seatOrder;
  const orderNoticeDate = seatOrderNoticeDate(subscription);
  if (order && orderNoticeDate && today >= orderNoticeDate) {
    notices.push({ ...seatOrderExpiringNotice(order), date: order.period.end });
  }
  if (subscription.status === 'trialing' && subscription.trialEnd) {
    notices.push({
      ...trialEndingNotice(subscription, subscription.trialEnd, ctx),
      date: subscription.trialEnd,
    });
  }
  const flex = autoFlexStatus(state, today, ctx);
  if (flex.cycle && flex.extraMembers > 0) {
    const { billingDate } = flex.cycle;
    notices.push({
      ...autoFlexBillingSoonNotice(flex.extraMembers, flex.estimatedCharge, billingDate),
      date: billingDate,
    });
  }
  for (const usage of usageSummary(state, ctx)) {
    const resource = { id: usage.resourceId, name: usage.name };
    if (usage.capped) {
      notices.push({
        ...usageCappedNotice(resource, usage.included, usage.period.end),
        date: usage.period.end,
      });
    } else if (isNearLimit(usage.used, usage.included, policy)) {
      notices.push({
        ...usageNearLimitNotice(resource, usage.used, usage.included),
        date: usage.period.end,
      });
    }
  }
  for (const scheduled of scheduledChanges(state)) {
    notices.push({
      ...notice('scheduled_change', {
        source: scheduled.source,
        effectiveDate: scheduled.effectiveDate,
      }),
      date: scheduled.effectiveDate,
    });
  }
  const rank = { critical: 0, warning: 1, info: 2 };
  return notices.sort((a, b) => rank[a.severity] - rank[b.severity]);
}

export function subscriptionView(
  state: TeamState,
  today: IsoDate,
  ctx: EngineContext,
): SubscriptionView {
  const { subscription } = state;
  return {
    id: subscription.id,
    planId: subscription.planId,
    interval: subscription.interval,
    status: subscription.status,
    policy: subscription.policy.name,
    currentPeriod: subscription.currentPeriod,
    trialEnd: subscription.trialEnd,
    seats: seatSummary(state, today),
    addOns: subscription.addOns,
    cancelAtPeriodEnd: subscription.standingInstructions.action === 'cancel',
    seatOrder: subscription.seatOrder,
    scheduledChanges: scheduledChanges(state),
    collectionMethod: subscription.collectionMethod,
    createdAt: subscription.createdAt,
    autoFlex: autoFlexStatus(state, today, ctx),
  };
}
