/**
 * What each notice says about a team: one builder per notice, used both when `advance` (or a
 * payment, or usage) sends it and when `activeNotices` shows it, so a notice reads the same
 * in the history and on the dashboard. The words themselves come from `wording.ts`.
 */
import { planName } from './internal.js';
import type {
  EngineContext,
  Invoice,
  IsoDate,
  Money,
  Resource,
  SeatOrder,
  SubscriptionState,
} from './types.js';
import { type NoticeContent, notice } from './wording.js';

export function trialEndingNotice(
  subscription: SubscriptionState,
  trialEnd: IsoDate,
  ctx: EngineContext,
): NoticeContent {
  return notice('trial_ending', {
    planId: subscription.planId,
    planName: planName(subscription.planId, ctx),
    trialEnd,
    afterTrial: subscription.standingInstructions.action === 'cancel' ? 'moves_to_free' : 'charged',
  });
}

export function seatOrderExpiringNotice(order: SeatOrder): NoticeContent {
  return notice('seat_order_expiring', { seats: order.seats, expiresOn: order.period.end });
}

export function autoFlexBillingSoonNotice(
  extraMembers: number,
  amount: Money,
  billingDate: IsoDate,
): NoticeContent {
  return notice('auto_flex_billing_soon', {
    extraMembers,
    amount: amount.amount,
    currency: amount.currency,
    billingDate,
  });
}

/** A failed automatic attempt on `invoice` (its `attempts` count it). */
export function paymentFailedNotice(
  invoice: Invoice,
  maxAttempts: number,
  graceEndsAt: IsoDate,
): NoticeContent {
  return notice('payment_failed', {
    invoiceNumber: invoice.number,
    attempt: invoice.attempts,
    maxAttempts,
    amount: invoice.amountDue.amount,
    currency: invoice.amountDue.currency,
    graceEndsAt,
  });
}

export function gracePeriodNotice(graceEndsAt: IsoDate, graceDays: number): NoticeContent {
  return notice('grace_period', { graceEndsAt, graceDays });
}

export function deactivatedNotice(graceEndedOn: IsoDate): NoticeContent {
  return notice('deactivated', { graceEndedOn });
}

export function usageNearLimitNotice(
  resource: Pick<Resource, 'id' | 'name'>,
  used: number,
  included: number,
): NoticeContent {
  return notice('usage_near_limit', {
    resourceId: resource.id,
    resourceName: resource.name,
    used,
    included,
  });
}

export function usageCappedNotice(
  resource: Pick<Resource, 'id' | 'name'>,
  included: number,
  until: IsoDate,
): NoticeContent {
  return notice('usage_capped', {
    resourceId: resource.id,
    resourceName: resource.name,
    included,
    until,
  });
}
