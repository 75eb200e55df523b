import { advance, DEACTIVATED_MESSAGE, seatOrderNoticeDate } from './advance.js';
import { type AutoFlexView, autoFlexStatus } from './auto-flex.js';
import { requirePlan } from './catalog.js';
import { scheduledChanges } from './changes.js';
import { formatAmount } from './internal.js';
import { activeMembers, type SeatSummary, seatSummary } from './members.js';
import type {
  AddOnSelection,
  CollectionMethod,
  EngineContext,
  Interval,
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

/** Notices that apply on `today` (for the dashboard), most severe first. */
export function activeNotices(state: TeamState, today: IsoDate, ctx: EngineContext): Notice[] {
  const { subscription, payment } = state;
  const { policy } = subscription;
  const notices: Notice[] = [];
  const payments = paymentStatus(state);
  if (payments.status === 'deactivated') {
    notices.push({
      code: 'deactivated',
      severity: 'critical',
      date: null,
      message: DEACTIVATED_MESSAGE,
      params: {},
      audience: 'everyone',
    });
  } else if (payments.status !== 'ok' && payment.graceEndsAt) {
    notices.push({
      code: payments.status === 'failing' ? 'payment_failed' : 'grace_period',
      severity: 'critical',
      date: payment.graceEndsAt,
      message: `Payment failed ${payments.failedAttempts} time(s); the team will be deactivated on ${payment.graceEndsAt} unless paid.`,
      params: { failedAttempts: payments.failedAttempts, graceEndsAt: payment.graceEndsAt },
      audience: 'billing',
    });
  }
  const order = subscription.seatOrder;
  const orderNoticeDate = seatOrderNoticeDate(subscription);
  if (order && orderNoticeDate && today >= orderNoticeDate) {
    notices.push({
      code: 'seat_order_expiring',
      severity: 'warning',
      date: order.period.end,
      message: `The seat order expires on ${order.period.end}.`,
      params: { expiresOn: order.period.end, seats: order.seats },
      audience: 'billing_and_admins',
    });
  }
  if (subscription.status === 'trialing' && subscription.trialEnd) {
    notices.push({
      code: 'trial_ending',
      severity: 'info',
      date: subscription.trialEnd,
      message: `The trial ends on ${subscription.trialEnd}.`,
      params: { trialEnd: subscription.trialEnd },
      audience: 'billing_and_admins',
    });
  }
  const flex = autoFlexStatus(state, today, ctx);
  if (flex.cycle && flex.extraMembers > 0) {
    notices.push({
      code: 'auto_flex_billing_soon',
      severity: 'info',
      date: flex.cycle.billingDate,
      message: `${flex.extraMembers} extra member(s) will be billed ${formatAmount(flex.estimatedCharge)} on ${flex.cycle.billingDate} if still on the team.`,
      params: {
        extraMembers: flex.extraMembers,
        amount: flex.estimatedCharge.amount,
        billingDate: flex.cycle.billingDate,
      },
      audience: 'billing_and_admins',
    });
  }
  for (const usage of usageSummary(state, ctx)) {
    if (usage.capped) {
      notices.push({
        code: 'usage_capped',
        severity: 'warning',
        date: usage.period.end,
        message: `${usage.name} reached the included ${usage.included}; more usage is refused until ${usage.period.end}.`,
        params: { resourceId: usage.resourceId, included: usage.included },
        audience: 'billing_and_admins',
      });
    } else if (isNearLimit(usage.used, usage.included, policy)) {
      notices.push({
        code: 'usage_near_limit',
        severity: 'info',
        date: usage.period.end,
        message: `${usage.name}: ${usage.used} of ${usage.included} included used.`,
        params: { resourceId: usage.resourceId, used: usage.used, included: usage.included },
        audience: 'billing_and_admins',
      });
    }
  }
  for (const scheduled of scheduledChanges(state)) {
    notices.push({
      code: 'scheduled_change',
      severity: 'info',
      date: scheduled.effectiveDate,
      message: `A ${scheduled.source.replace('_', ' ')} takes effect on ${scheduled.effectiveDate}.`,
      params: { source: scheduled.source, effectiveDate: scheduled.effectiveDate },
      audience: 'billing_and_admins',
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
