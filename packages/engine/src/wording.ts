/**
 * Why every line, event, credit entry and notice exists, and its English words.
 *
 * The engine explains itself with a stable `code` plus `params` (plan ids and names, seat
 * counts, days, dates, amounts), so a client can word it in the viewer's language. The
 * English `description` / `summary` / `message` each output also carries is made here, from
 * the code and params alone, by one template per code: the fallback text can never say
 * something the reason does not. This module is the only place the engine makes English for
 * its outputs (error messages aside).
 *
 * Param conventions (the contract documents each code's params):
 * - plans: `planId` and `planName` (the catalog's English name; localize by id);
 *   a change names both sides, `fromPlanId`/`fromPlanName` → `toPlanId`/`toPlanName`;
 * - counts are integers: `seats`, `members`, `extraMembers`, `blocks`;
 * - prorations give `daysRemaining` of `daysInPeriod` and the full-period `unitAmount` the
 *   fraction applies to;
 * - dates are `YYYY-MM-DD` strings; amounts are integer minor units with a `currency`
 *   (ISO 4217) param beside them, for `Intl.NumberFormat`;
 * - enumerations travel as their API values (`interval: 'month' | 'year'`, statuses).
 */
import type {
  BillingEventType,
  CreditEntry,
  Interval,
  IsoDate,
  Money,
  QuoteLineKind,
  Role,
  ScheduledChange,
  SubscriptionStatus,
} from './types.js';

/** A reason's params: JSON scalars only, so any client can format them. */
export type ReasonParams = Record<string, string | number>;

type PlanParams = { planId: string; planName: string };
type PlanChangeParams = {
  fromPlanId: string;
  fromPlanName: string;
  toPlanId: string;
  toPlanName: string;
};
type TermParams = { periodStart: IsoDate; periodEnd: IsoDate };
type ProrationParams = {
  daysRemaining: number;
  daysInPeriod: number;
  unitAmount: number;
  currency: string;
};
type AddOnParams = { addOnId: string; addOnName: string; blocks: number };
type InvoiceParams = { invoiceNumber: string };
/** How a payment method is named in reasons (no card number, only what the customer recognizes). */
export type PaymentMethodParams = {
  paymentMethodId: string;
  methodType: 'card' | 'ach' | 'wire';
  /** Card brand (`visa`, `mastercard`, …) or the bank's name. */
  issuer: string;
  last4: string;
};

/** Params of each quote and invoice line reason, by code. */
export type LineReasonParams = {
  plan_period: PlanParams & TermParams & { interval: Interval; seats: number };
  plan_period_members: PlanParams & TermParams & { interval: Interval; members: number };
  members_above_seats: TermParams & { extraMembers: number; seats: number };
  auto_flex_extra_seats: TermParams & { extraMembers: number; seats: number };
  auto_flex_co_termed: ProrationParams & { extraMembers: number; keptOn: IsoDate };
  add_on_period: AddOnParams & TermParams;
  true_up_member_added: ProrationParams & { members: number; joinedOn: IsoDate };
  upgrade_proration: PlanChangeParams & ProrationParams & { seats: number };
  upgrade_full_period: PlanParams & TermParams & { interval: Interval; seats: number };
  seats_added_prorated: ProrationParams & { seats: number };
  add_on_added_prorated: AddOnParams & ProrationParams;
  unused_time_credit: PlanParams & ProrationParams & { interval: Interval; seats: number };
  unused_add_on_credit: AddOnParams & ProrationParams;
  overage_blocks: TermParams & {
    resourceId: string;
    resourceName: string;
    used: number;
    included: number;
    blocks: number;
    blockSize: number;
  };
};

/** Params of each credit entry reason (credit entries share their codes with events). */
export type CreditReasonParams = {
  seat_removal_credit: ProrationParams & { members: number; removedOn: IsoDate };
  credit_applied: InvoiceParams;
  invoice_net_credit: InvoiceParams;
  refund_issued: InvoiceParams & {
    amount: number;
    currency: string;
    destination: 'payment_method' | 'credit_balance';
  };
  credits_contributed: { memberId: string; memberName: string };
  opening_balance: Record<never, never>;
};

/** Params of each billing event reason, by code; an event explaining a line or a credit reuses its reason. */
export type EventReasonParams = Pick<
  LineReasonParams,
  'auto_flex_extra_seats' | 'auto_flex_co_termed'
> &
  CreditReasonParams & {
    trial_started: PlanParams & { trialEnd: IsoDate };
    trial_ended: { endedOn: IsoDate };
    trial_ended_by_seat_order: { endedOn: IsoDate };
    subscription_renewed: PlanParams & TermParams & { interval: Interval };
    subscription_canceled: { toPlanId: string; toPlanName: string; effectiveDate: IsoDate };
    plan_changed: PlanChangeParams;
    plan_ended: PlanChangeParams;
    seat_order_expired: PlanChangeParams;
    interval_changed: { fromInterval: Interval; toInterval: Interval };
    seats_changed: { fromSeats: number; toSeats: number };
    seat_order_placed: { seats: number; expiresOn: IsoDate };
    member_joined: { memberId: string; memberName: string; role: Role; members: number };
    member_left: { memberId: string; memberName: string; members: number };
    auto_flex_enabled: { termsVersion: string };
    invoice_issued: InvoiceParams;
    charge_created: InvoiceParams;
    invoice_paid: InvoiceParams;
    payment_attempt_failed: InvoiceParams & { attempt: number; maxAttempts: number };
    payment_failed: InvoiceParams;
    status_changed: { fromStatus: SubscriptionStatus; toStatus: SubscriptionStatus };
    default_payment_method_set: { paymentMethodId: string };
    default_payment_method_cleared: Record<never, never>;
    overage_policy_changed: {
      resourceId: string;
      resourceName: string;
      policy: 'allowed' | 'disallowed';
    };
    notice_sent: { noticeCode: NoticeCode };
    // Recorded by the API layer (the mock), worded here with everything else.
    payment_method_added: PaymentMethodParams;
    payment_method_removed: PaymentMethodParams;
    payment_method_made_default: PaymentMethodParams;
    billing_details_updated: Record<never, never>;
    quote_created: { quoteNumber: string };
    quote_accepted: { quoteNumber: string };
  };

/** Params of each notice, by code. */
export type NoticeParams = {
  seat_order_expiring: { seats: number; expiresOn: IsoDate };
  auto_flex_billing_soon: {
    extraMembers: number;
    amount: number;
    currency: string;
    billingDate: IsoDate;
  };
  trial_ending: PlanParams & { trialEnd: IsoDate; afterTrial: 'charged' | 'moves_to_free' };
  payment_failed: InvoiceParams & {
    attempt: number;
    maxAttempts: number;
    amount: number;
    currency: string;
    graceEndsAt: IsoDate;
  };
  grace_period: { graceEndsAt: IsoDate; graceDays: number };
  deactivated: { graceEndedOn: IsoDate };
  usage_near_limit: { resourceId: string; resourceName: string; used: number; included: number };
  usage_capped: { resourceId: string; resourceName: string; included: number; until: IsoDate };
  scheduled_change: { source: ScheduledChange['source']; effectiveDate: IsoDate };
};

export type LineReasonCode = keyof LineReasonParams;
export type CreditReasonCode = keyof CreditReasonParams;
export type EventReasonCode = keyof EventReasonParams;
export type NoticeCode = keyof NoticeParams;

/**
 * `{ code, params }` for every code of a params map: a union discriminated by `code`. Params
 * must be JSON scalars (`ReasonParams`), which the constraint checks for every code.
 */
export type ReasonOf<
  Params extends { [C in keyof Params]: ReasonParams },
  Code extends keyof Params = keyof Params,
> = {
  [C in Code]: { code: C; params: Params[C] };
}[Code];

export type LineReason = ReasonOf<LineReasonParams>;
export type CreditReason = ReasonOf<CreditReasonParams>;
export type EventReason = ReasonOf<EventReasonParams>;

export type NoticeSeverity = 'info' | 'warning' | 'critical';
/** Who is told: billing members (`billing`), billing and admins, or everyone. */
export type NoticeAudience = 'billing' | 'billing_and_admins' | 'everyone';

/** A notice's content: what it says (code, params, English message) and to whom. */
export type NoticeContent = {
  [C in NoticeCode]: {
    code: C;
    severity: NoticeSeverity;
    /** English fallback; clients localize by code with `params`. */
    message: string;
    params: NoticeParams[C];
    audience: NoticeAudience;
  };
}[NoticeCode];

/** What a `notice_sent` history event records of the notice: what it said and who was told. */
export type SentNotice = {
  [C in NoticeCode]: { code: C; params: NoticeParams[C]; audience: NoticeAudience };
}[NoticeCode];

// ---------------------------------------------------------------- English helpers

/** `count` and `noun`, plural unless one: `counted(1, 'seat')` is "1 seat", `counted(3, 'day')` "3 days". */
export function counted(count: number, noun: string): string {
  return count === 1 ? `1 ${noun}` : `${count} ${noun}s`;
}

export function formatAmount(amount: Money): string {
  const major = (Math.abs(amount.amount) / 100).toFixed(2);
  return `${amount.amount < 0 ? '-' : ''}${major} ${amount.currency}`;
}

export function intervalName(interval: Interval): string {
  return interval === 'year' ? 'annual' : 'monthly';
}

const range = ({ periodStart, periodEnd }: TermParams) => `${periodStart} – ${periodEnd}`;
const daysOf = ({ daysRemaining, daysInPeriod }: ProrationParams) =>
  `${counted(daysRemaining, 'day')} of ${daysInPeriod}`;
const amountOf = (amount: number, currency: string) => formatAmount({ amount, currency });
/** "visa ending 4242", "ACH account ending 6789". */
export function paymentMethodName({ methodType, issuer, last4 }: PaymentMethodParams): string {
  return methodType === 'card'
    ? `${issuer} ending ${last4}`
    : `${methodType.toUpperCase()} account ending ${last4}`;
}

// ---------------------------------------------------------------- the catalog of reasons

type Templates<Params> = { [C in keyof Params]: (params: Params[C]) => string };

const lineTemplates: Templates<LineReasonParams> = {
  plan_period: (p) =>
    `${p.planName} (${intervalName(p.interval)}), ${range(p)}, ${counted(p.seats, 'seat')}`,
  plan_period_members: (p) =>
    `${p.planName} (${intervalName(p.interval)}), ${range(p)}, ${counted(p.members, 'member')}`,
  members_above_seats: (p) =>
    `${counted(p.extraMembers, 'member')} above the scheduled ${counted(p.seats, 'seat')}`,
  auto_flex_extra_seats: (p) =>
    `${counted(p.extraMembers, 'auto-flex member')} above ${counted(p.seats, 'seat')} become purchased seats`,
  auto_flex_co_termed: (p) =>
    `Auto-flex: ${counted(p.extraMembers, 'extra member')} kept on ${p.keptOn}, co-termed ${daysOf(p)}`,
  add_on_period: (p) => `${p.addOnName} × ${p.blocks}, ${range(p)}`,
  true_up_member_added: (p) =>
    `True-up: ${counted(p.members, 'member')} added on ${p.joinedOn}, ${daysOf(p)}`,
  upgrade_proration: (p) =>
    `Upgrade ${p.fromPlanName} → ${p.toPlanName}: price difference for the remaining ${daysOf(p)}, ${counted(p.seats, 'seat')}`,
  upgrade_full_period: (p) =>
    `${p.planName} (${intervalName(p.interval)}) from ${p.periodStart}, ${counted(p.seats, 'seat')}`,
  seats_added_prorated: (p) => `${counted(p.seats, 'seat')} added for the remaining ${daysOf(p)}`,
  add_on_added_prorated: (p) => `${p.addOnName} × ${p.blocks} for the remaining ${daysOf(p)}`,
  unused_time_credit: (p) =>
    `Unused ${daysOf(p)} of ${p.planName} (${intervalName(p.interval)}), ${counted(p.seats, 'seat')}`,
  unused_add_on_credit: (p) => `Unused ${daysOf(p)} of ${p.addOnName} × ${p.blocks}`,
  overage_blocks: (p) =>
    `${p.resourceName}: ${p.used} used, ${p.included} included; ${p.blocks} × ${p.blockSize} over`,
};

/** The invoice line kind each line reason explains (one kind per code). */
const lineKinds: Record<LineReasonCode, QuoteLineKind> = {
  plan_period: 'plan',
  plan_period_members: 'plan',
  members_above_seats: 'seats',
  auto_flex_extra_seats: 'auto_flex',
  auto_flex_co_termed: 'auto_flex',
  add_on_period: 'add_on',
  true_up_member_added: 'true_up',
  upgrade_proration: 'proration',
  upgrade_full_period: 'plan',
  seats_added_prorated: 'seats',
  add_on_added_prorated: 'add_on',
  unused_time_credit: 'credit',
  unused_add_on_credit: 'credit',
  overage_blocks: 'overage',
};

const creditTemplates: Templates<CreditReasonParams> = {
  seat_removal_credit: (p) =>
    `Credit for ${counted(p.members, 'member')} removed on ${p.removedOn}: unused ${daysOf(p)}`,
  credit_applied: (p) => `Credit applied to invoice ${p.invoiceNumber}`,
  invoice_net_credit: (p) => `Net credit from invoice ${p.invoiceNumber}`,
  refund_issued: (p) =>
    `Refunded ${amountOf(p.amount, p.currency)} of ${p.invoiceNumber} to the ${
      p.destination === 'credit_balance' ? 'credit balance' : 'payment method'
    }`,
  credits_contributed: (p) => `Personal credits contributed by ${p.memberName}`,
  opening_balance: () => 'Opening credit balance',
};

/** The credit entry kind each credit reason explains. */
const creditKinds: Record<CreditReasonCode, CreditEntry['kind']> = {
  seat_removal_credit: 'seat_removal',
  credit_applied: 'applied',
  invoice_net_credit: 'adjustment',
  refund_issued: 'refund',
  credits_contributed: 'contribution',
  opening_balance: 'adjustment',
};

const noticeTemplates: Templates<NoticeParams> = {
  seat_order_expiring: (p) =>
    `The seat order of ${counted(p.seats, 'seat')} expires on ${p.expiresOn}; without a renewal the team moves to Free.`,
  auto_flex_billing_soon: (p) =>
    `${counted(p.extraMembers, 'extra member')} will be billed ${amountOf(p.amount, p.currency)} on ${p.billingDate} if still on the team.`,
  trial_ending: (p) =>
    p.afterTrial === 'moves_to_free'
      ? `The ${p.planName} trial ends on ${p.trialEnd}; the team then moves to Free.`
      : `The ${p.planName} trial ends on ${p.trialEnd}; the first payment is taken then.`,
  payment_failed: (p) =>
    `Payment of ${amountOf(p.amount, p.currency)} for invoice ${p.invoiceNumber} failed (attempt ${p.attempt} of ${p.maxAttempts}); the team will be deactivated on ${p.graceEndsAt} unless paid.`,
  grace_period: (p) =>
    `Payment overdue: the team will be deactivated on ${p.graceEndsAt} unless the balance is paid.`,
  deactivated: () =>
    'The team is deactivated for non-payment. Data is kept; pay the open invoices to reactivate.',
  usage_near_limit: (p) =>
    `${p.resourceName}: ${p.used} of ${p.included} included used this period.`,
  usage_capped: (p) =>
    `${p.resourceName} reached the included ${p.included}; further usage is refused until ${p.until}.`,
  scheduled_change: (p) => `A ${p.source.replace('_', ' ')} takes effect on ${p.effectiveDate}.`,
};

const eventTemplates: Templates<EventReasonParams> = {
  auto_flex_extra_seats: lineTemplates.auto_flex_extra_seats,
  auto_flex_co_termed: lineTemplates.auto_flex_co_termed,
  ...creditTemplates,
  trial_started: (p) => `${p.planName} trial until ${p.trialEnd}`,
  trial_ended: (p) => `Trial ended on ${p.endedOn}`,
  trial_ended_by_seat_order: (p) => `Trial ended by a seat order on ${p.endedOn}`,
  subscription_renewed: (p) => `Renewed until ${p.periodEnd}`,
  subscription_canceled: (p) => `Cancelled: moves to ${p.toPlanName} on ${p.effectiveDate}`,
  plan_changed: (p) => `${p.fromPlanName} → ${p.toPlanName}`,
  plan_ended: (p) => `${p.fromPlanName} ended; moved to ${p.toPlanName}`,
  seat_order_expired: (p) => `Seat order expired; moved to ${p.toPlanName}`,
  interval_changed: (p) => `${intervalName(p.fromInterval)} → ${intervalName(p.toInterval)}`,
  seats_changed: (p) => `${counted(p.fromSeats, 'seat')} → ${counted(p.toSeats, 'seat')}`,
  seat_order_placed: (p) => `Seat order of ${counted(p.seats, 'seat')} until ${p.expiresOn}`,
  member_joined: (p) => `${p.memberName} joined as ${p.role}; ${counted(p.members, 'member')}`,
  member_left: (p) => `${p.memberName} left; ${counted(p.members, 'member')}`,
  auto_flex_enabled: (p) => `Auto-flex terms ${p.termsVersion} accepted`,
  invoice_issued: (p) => `Invoice ${p.invoiceNumber} issued`,
  charge_created: (p) => `Charges on invoice ${p.invoiceNumber}`,
  invoice_paid: (p) => `Paid invoice ${p.invoiceNumber}`,
  payment_attempt_failed: (p) =>
    `Payment attempt ${p.attempt} of ${p.maxAttempts} failed for ${p.invoiceNumber}`,
  payment_failed: (p) => `Payment failed for ${p.invoiceNumber}`,
  status_changed: (p) => `Status ${p.fromStatus} → ${p.toStatus}`,
  default_payment_method_set: (p) => `Default payment method ${p.paymentMethodId}`,
  default_payment_method_cleared: () => 'Default payment method removed',
  overage_policy_changed: (p) => `${p.resourceName} overages ${p.policy}`,
  // A notice_sent event reads as the notice it sent (see `eventSummary`).
  notice_sent: (p) => `Notice ${p.noticeCode} sent`,
  payment_method_added: (p) => `Added ${paymentMethodName(p)}`,
  payment_method_removed: (p) => `Removed ${paymentMethodName(p)}`,
  payment_method_made_default: (p) => `${paymentMethodName(p)} is now the default`,
  billing_details_updated: () => 'Billing details updated (they apply to future invoices)',
  quote_created: (p) => `Quote ${p.quoteNumber} created`,
  quote_accepted: (p) => `Quote ${p.quoteNumber} accepted`,
};

/** The history event type each event reason explains (one type per code). */
const eventTypes: Record<EventReasonCode, BillingEventType> = {
  auto_flex_extra_seats: 'auto_flex_billed',
  auto_flex_co_termed: 'auto_flex_billed',
  seat_removal_credit: 'credit_added',
  credit_applied: 'credit_applied',
  invoice_net_credit: 'credit_added',
  refund_issued: 'refund_issued',
  credits_contributed: 'credit_added',
  opening_balance: 'credit_added',
  trial_started: 'trial_started',
  trial_ended: 'trial_ended',
  trial_ended_by_seat_order: 'trial_ended',
  subscription_renewed: 'subscription_renewed',
  subscription_canceled: 'subscription_canceled',
  plan_changed: 'plan_changed',
  plan_ended: 'plan_changed',
  seat_order_expired: 'plan_changed',
  interval_changed: 'interval_changed',
  seats_changed: 'seats_changed',
  seat_order_placed: 'seats_changed',
  member_joined: 'seats_changed',
  member_left: 'seats_changed',
  auto_flex_enabled: 'auto_flex_enabled',
  invoice_issued: 'invoice_issued',
  charge_created: 'charge_created',
  invoice_paid: 'payment_succeeded',
  payment_attempt_failed: 'payment_failed',
  payment_failed: 'payment_failed',
  status_changed: 'status_changed',
  default_payment_method_set: 'default_payment_method_changed',
  default_payment_method_cleared: 'payment_method_removed',
  overage_policy_changed: 'overage_policy_changed',
  notice_sent: 'notice_sent',
  payment_method_added: 'payment_method_added',
  payment_method_removed: 'payment_method_removed',
  payment_method_made_default: 'default_payment_method_changed',
  billing_details_updated: 'billing_details_updated',
  quote_created: 'quote_created',
  quote_accepted: 'quote_accepted',
};

/** How serious each notice is and who is told. */
const noticeKinds: Record<NoticeCode, { severity: NoticeSeverity; audience: NoticeAudience }> = {
  seat_order_expiring: { severity: 'warning', audience: 'billing_and_admins' },
  auto_flex_billing_soon: { severity: 'info', audience: 'billing_and_admins' },
  trial_ending: { severity: 'info', audience: 'billing_and_admins' },
  payment_failed: { severity: 'critical', audience: 'billing' },
  grace_period: { severity: 'critical', audience: 'billing_and_admins' },
  deactivated: { severity: 'critical', audience: 'everyone' },
  usage_near_limit: { severity: 'info', audience: 'billing_and_admins' },
  usage_capped: { severity: 'warning', audience: 'billing_and_admins' },
  scheduled_change: { severity: 'info', audience: 'billing_and_admins' },
};

/** Every code, for clients and tests that check a translation catalog covers them all. */
export const lineReasonCodes = Object.keys(lineTemplates) as LineReasonCode[];
export const creditReasonCodes = Object.keys(creditTemplates) as CreditReasonCode[];
export const eventReasonCodes = Object.keys(eventTemplates) as EventReasonCode[];
export const noticeCodes = Object.keys(noticeTemplates) as NoticeCode[];

/** Applies the template of `reason.code` (the correlation of code and params is the union's). */
function word<Params>(
  templates: Templates<Params>,
  reason: { code: keyof Params; params: unknown },
): string {
  return (templates[reason.code] as (params: unknown) => string)(reason.params);
}

// ---------------------------------------------------------------- the English words

/** The English `description` of a quote or invoice line. */
export function lineDescription(reason: LineReason): string {
  return word(lineTemplates, reason);
}

/** The English `description` of a credit entry. */
export function creditDescription(reason: CreditReason): string {
  return word(creditTemplates, reason);
}

/** The English `message` of a notice. */
export function noticeMessage(notice: { code: NoticeCode; params: unknown }): string {
  return word(noticeTemplates, notice);
}

/**
 * The English `summary` of a history event: its reason's template, or for `notice_sent` the
 * message of the notice it sent.
 */
export function eventSummary(
  reason: EventReason,
  notice: { code: NoticeCode; params: unknown } | null = null,
): string {
  return reason.code === 'notice_sent' && notice
    ? noticeMessage(notice)
    : word(eventTemplates, reason);
}

// ---------------------------------------------------------------- constructors

/**
 * What a history event's reason decides: its type, its English summary, and the notice it
 * sent (`notice_sent` only). The engine's events and the API's own (payment methods, billing
 * details, quotes) are all made with it.
 */
export function explainEvent(
  reason: EventReason,
  notice: SentNotice | null = null,
): { type: BillingEventType; reason: EventReason; summary: string; notice: SentNotice | null } {
  return { type: eventTypes[reason.code], reason, summary: eventSummary(reason, notice), notice };
}

export function lineReason<C extends LineReasonCode>(
  code: C,
  params: LineReasonParams[C],
): ReasonOf<LineReasonParams, C> {
  return { code, params } as ReasonOf<LineReasonParams, C>;
}

export function creditReason<C extends CreditReasonCode>(
  code: C,
  params: CreditReasonParams[C],
): ReasonOf<CreditReasonParams, C> {
  return { code, params } as ReasonOf<CreditReasonParams, C>;
}

export function eventReason<C extends EventReasonCode>(
  code: C,
  params: EventReasonParams[C],
): ReasonOf<EventReasonParams, C> {
  return { code, params } as ReasonOf<EventReasonParams, C>;
}

export function lineKindOf(reason: LineReason): QuoteLineKind {
  return lineKinds[reason.code];
}

export function creditKindOf(reason: CreditReason): CreditEntry['kind'] {
  return creditKinds[reason.code];
}

/** A notice: its params, English message, severity and audience, all from its code. */
export function notice<C extends NoticeCode>(code: C, params: NoticeParams[C]): NoticeContent {
  return {
    code,
    ...noticeKinds[code],
    message: noticeMessage({ code, params }),
    params,
  } as NoticeContent;
}
