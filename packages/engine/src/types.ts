/**
 * Public data types of the engine. Field names follow `docs/api-design.md` so the
 * mock backend can return engine output (quotes, invoices, events, notices) almost as is.
 * Every type here is plain JSON: a `TeamState` can be stored and restored with
 * `JSON.parse(JSON.stringify(state))`.
 */
import type {
  CreditReason,
  EventReason,
  LineReason,
  NoticeCode,
  NoticeContent,
  SentNotice,
} from './wording.js';

/** A UTC calendar day, `YYYY-MM-DD`. */
export type IsoDate = string;

/** An integer count of minor units plus an ISO 4217 currency. */
export interface Money {
  amount: number;
  currency: string;
}

/** A half-open range of days `[start, end)`. */
export interface Period {
  start: IsoDate;
  end: IsoDate;
}

export type Interval = 'month' | 'year';
export type Role = 'admin' | 'billing' | 'member' | 'visitor';
export type Timing = 'immediately' | 'at_renewal';
export type CollectionMethod = 'charge_automatically' | 'send_invoice';
export type SubscriptionStatus = 'trialing' | 'active' | 'past_due' | 'deactivated' | 'canceled';

// ---------------------------------------------------------------- catalog

/** A metered resource. `counter`s reset every usage period; `gauge`s (domains) are a level. */
export interface Resource {
  id: string;
  name: string;
  unit: string;
  kind: 'counter' | 'gauge';
  /** Price of one overage block of `overageBlockSize` units; null = overage impossible (hard cap). */
  overagePrice: Money | null;
  overageBlockSize: number;
}

export interface Quota {
  resourceId: string;
  name: string;
  unit: string;
  included: number;
}

export interface AddOn {
  id: string;
  resourceId: string;
  name: string;
  blockSize: number;
  /** Per block per month; annual subscriptions pay 12 × this per term. */
  price: Money;
}

export interface Plan {
  id: string;
  name: string;
  description: string;
  /** Per seat per interval (annual = the yearly amount); null = contact sales. */
  prices: { month: Money | null; year: Money | null };
  contactSales: boolean;
  /** Enterprise teams pay by invoice (card, ACH, wire). */
  invoicePaying: boolean;
  maxMembers: number | null;
  quotas: Quota[];
  addOns: AddOn[];
  features: string[];
}

export interface Catalog {
  currency: string;
  resources: Resource[];
  plans: Plan[];
}

// ---------------------------------------------------------------- policy

export type PolicyName = 'prorate' | 'term-credit';

/** The knobs of the billing rules' policy table, plus the timing knobs. */
export interface BillingPolicy {
  name: PolicyName;
  /** `price_difference`: (p_new − p_old) × n × remaining/period. `full_period_with_credit`: p_new × n − p_old × n × remaining/period. */
  upgrade: 'price_difference' | 'full_period_with_credit';
  /** `prorated_now`: charged at once, co-termed. `true_up_at_review`: settled at the next monthly review. */
  seatsAdded: 'prorated_now' | 'true_up_at_review';
  /** `auto_flex`: extra members billed by auto-flex cycles. `true_up`: counted in the true-up. */
  membersAboveSeats: 'auto_flex' | 'true_up';
  /** `next_cycle_only`: lower the count for the next cycle. `credit_unused`: unused days credited. */
  seatsRemoved: 'next_cycle_only' | 'credit_unused';
  seatOrders: boolean;
  graceDays: number;
  maxPaymentAttempts: number;
  /** Days between automatic payment attempts. */
  retrySpacingDays: number;
  trialDays: number;
  trialEndingNoticeDays: number;
  autoFlexNoticeDays: { month: number; year: number };
  /** Auto-flex cycle length in months for annual plans (monthly plans cycle with the renewal). */
  autoFlexAnnualCycleMonths: number;
  seatOrderExpiryNoticeDays: number;
  /** Payment terms of invoice-paying teams (`send_invoice`). */
  invoiceDueDays: number;
  /** Share of the included quantity (in percent) from which `usage_near_limit` is raised. */
  usageWarningPercent: number;
}

// ---------------------------------------------------------------- team state

export interface Member {
  id: string;
  name: string;
  role: Role;
  joinedOn: IsoDate;
  leftOn: IsoDate | null;
}

export interface AddOnSelection {
  addOnId: string;
  blocks: number;
}

export interface SeatOrder {
  seats: number;
  unitPrice: Money;
  period: Period;
}

/** What happens at the end of the current period. */
export interface StandingInstructions {
  action: 'renew' | 'change' | 'cancel';
  planId?: string;
  interval?: Interval;
  seats?: number;
  addOns?: AddOnSelection[];
  /** Why the instructions were set; becomes `ScheduledChange.source`. */
  source: ScheduledChange['source'];
}

export interface SubscriptionChange {
  planId?: string;
  interval?: Interval;
  seats?: number;
  addOns?: AddOnSelection[];
  timing: Timing;
}

export interface ScheduledChange {
  id: string;
  effectiveDate: IsoDate;
  change: SubscriptionChange;
  source: 'standing_instructions' | 'downgrade' | 'interval_change' | 'cancel';
}

export interface SubscriptionState {
  id: string;
  planId: string;
  interval: Interval;
  status: SubscriptionStatus;
  policy: BillingPolicy;
  /** The billing period (the trial while trialing, the annual term for annual plans). */
  currentPeriod: Period;
  /** Day of month periods are anchored to (1–31, clamped to short months). */
  anchorDay: number;
  trialEnd: IsoDate | null;
  /**
   * Purchased seats (`prorate`, and seat orders); for `term-credit` the members billed at the
   * last settlement: the team is billed for its members (see `billableSeats`), not for this.
   */
  seats: number;
  addOns: AddOnSelection[];
  standingInstructions: StandingInstructions;
  seatOrder: SeatOrder | null;
  collectionMethod: CollectionMethod;
  /** Negotiated per-seat prices (Enterprise); override the catalog's. */
  negotiatedPrices: { month: Money | null; year: Money | null } | null;
  createdAt: IsoDate;
}

/** A `term-credit` change in billable seats waiting for the next monthly review. */
export interface PendingSeatAdjustment {
  /** + seats added, − seats removed. */
  delta: number;
  on: IsoDate;
  /** Per-seat price of the period at the time (annual price for annual plans). */
  unitPrice: Money;
  period: Period;
  planId: string;
}

export interface AutoFlexState {
  enabled: boolean;
  termsVersion: string | null;
  termsAcceptedAt: IsoDate | null;
  /** Seats billed by auto-flex in this term; they cannot be removed until the term renews. */
  billedExtraSeats: number;
}

export interface UsageCounter {
  resourceId: string;
  used: number;
  consumers: { id: string; name: string; quantity: number }[];
}

export interface UsageState {
  /** The current monthly usage period. */
  period: Period;
  counters: UsageCounter[];
  overagePolicies: { resourceId: string; policy: 'allowed' | 'disallowed' }[];
}

export interface CreditEntry {
  id: string;
  kind: 'seat_removal' | 'refund' | 'contribution' | 'applied' | 'adjustment';
  amount: Money;
  /** Why: a code and params to localize; `description` is its English wording. */
  reason: CreditReason;
  description: string;
  createdAt: IsoDate;
  invoiceId: string | null;
}

export interface CreditState {
  balance: Money;
  entries: CreditEntry[];
}

export interface PaymentState {
  /** The primary payment method, or null when none is on file. */
  methodId: string | null;
  /** Simulation input: when true every automatic charge fails (a declined card). */
  failCharges: boolean;
  /** First failed charge (or missed due date) of the current dunning episode. */
  failingSince: IsoDate | null;
  graceEndsAt: IsoDate | null;
}

export interface TeamState {
  teamId: string;
  subscription: SubscriptionState;
  members: Member[];
  credits: CreditState;
  autoFlex: AutoFlexState;
  usage: UsageState;
  pendingAdjustments: PendingSeatAdjustment[];
  invoices: Invoice[];
  payment: PaymentState;
  /** Dates of notices already sent, so `advance` sends each once. */
  sentNotices: { code: NoticeCode; date: IsoDate; key: string }[];
  /** Last processed day; `advance` handles dates after it. */
  processedThrough: IsoDate;
  /** Counters for deterministic ids and invoice numbers. */
  sequence: number;
  invoiceSequence: number;
}

// ---------------------------------------------------------------- outputs

export type QuoteLineKind =
  | 'plan'
  | 'seats'
  | 'proration'
  | 'credit'
  | 'auto_flex'
  | 'overage'
  | 'add_on'
  | 'true_up';

export interface QuoteLine {
  kind: QuoteLineKind;
  /** Why the line exists: a code and params to localize (see `wording.ts`). */
  reason: LineReason;
  /** The English wording of `reason`. */
  description: string;
  quantity: number;
  unitAmount: Money;
  period: Period | null;
  amount: Money;
}

export type RestrictionCode =
  | 'seat_decrease_at_renewal'
  | 'annual_to_monthly_at_renewal'
  | 'downgrade_at_renewal'
  | 'seats_below_members'
  | 'seat_order_locked'
  | 'contact_sales';

export interface Restriction {
  code: RestrictionCode;
  message: string;
  allowedTiming: 'at_renewal' | null;
}

export interface ChangeQuote {
  possible: boolean;
  timing: Timing;
  effectiveDate: IsoDate;
  lines: QuoteLine[];
  /** Sum of the lines: the `total` of the invoice applying the change issues. */
  subtotal: Money;
  /** What the credit balance would cover: the invoice's `creditApplied`. */
  creditApplied: Money;
  /** subtotal − creditApplied, never below zero: what the invoice leaves due (`amountDue`), charged now. */
  amountDueNow: Money;
  nextRenewal: { date: IsoDate; amount: Money };
  restriction: Restriction | null;
  /**
   * Engine addition: term-credit true-ups already queued (members added since the last review),
   * charged on `date`, the next review; not part of `amountDueNow`. Null when none.
   */
  deferred: { date: IsoDate; lines: QuoteLine[] } | null;
}

export type InvoiceStatus = 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';

export interface Invoice {
  id: string;
  number: string;
  status: InvoiceStatus;
  issueDate: IsoDate;
  dueDate: IsoDate;
  period: Period | null;
  lines: QuoteLine[];
  /** Sum of the lines, the same as `total` (nothing is added to or taken from the lines). */
  subtotal: Money;
  /** What the credit balance covered when the invoice was issued: at most `total`, zero when `total` ≤ 0. */
  creditApplied: Money;
  /**
   * Sum of the lines: what the invoice asks for, before credit and payments, and still after
   * it is paid. Below zero it is a net credit, added to the credit balance (nothing is due).
   */
  total: Money;
  /** What payments covered (card or transfer); refunds do not lower it (see `refunds`). */
  amountPaid: Money;
  /** What is left to pay: total − creditApplied − amountPaid, never below zero. */
  amountDue: Money;
  collectionMethod: CollectionMethod;
  attempts: number;
  nextAttemptDate: IsoDate | null;
  paymentMethodId: string | null;
  paidAt: IsoDate | null;
  /** Money given back from what was paid, oldest first (see `refundInvoice`). */
  refunds: InvoiceRefund[];
}

/** Where refunded money goes: back to the payment method charged, or to the team's credit balance. */
export type RefundDestination = 'payment_method' | 'credit_balance';

export interface InvoiceRefund {
  id: string;
  amount: Money;
  destination: RefundDestination;
  reason: string | null;
  createdAt: IsoDate;
}

export type BillingEventType =
  | 'plan_changed'
  | 'seats_changed'
  | 'interval_changed'
  | 'subscription_renewed'
  | 'subscription_canceled'
  | 'trial_started'
  | 'trial_ended'
  | 'auto_flex_enabled'
  | 'auto_flex_billed'
  | 'payment_method_added'
  | 'payment_method_removed'
  | 'default_payment_method_changed'
  | 'payment_succeeded'
  | 'payment_failed'
  | 'charge_created'
  | 'credit_added'
  | 'credit_applied'
  | 'refund_issued'
  | 'invoice_issued'
  | 'status_changed'
  | 'billing_details_updated'
  | 'overage_policy_changed'
  | 'quote_created'
  | 'quote_accepted'
  | 'notice_sent';

/** A BillingEvent without `actor` (the mock knows who acted). */
export interface BillingEvent {
  id: string;
  type: BillingEventType;
  /** RFC 3339, midnight UTC of the day it happened. */
  occurredAt: string;
  /** What happened: a code and params to localize (see `wording.ts`). */
  reason: EventReason;
  /** The English wording of `reason` (of `notice` for `notice_sent`). */
  summary: string;
  /** The notice a `notice_sent` event sent, with who was told; null for other events. */
  notice: SentNotice | null;
  amount: Money | null;
  invoiceId: string | null;
}

/** A notice as sent or shown: its content (see `wording.ts`) and the date it is about. */
export type Notice = NoticeContent & {
  /** For notices `advance` sends, the day it was sent; for `activeNotices`, the date it is about. */
  date: IsoDate | null;
};

/** What every state-changing function returns. */
export interface Outcome {
  state: TeamState;
  /** Invoices issued or updated by the call. */
  invoices: Invoice[];
  events: BillingEvent[];
  /** Notices sent by the call. */
  notices: Notice[];
}

/** Decides whether an automatic charge succeeds; defaults to `!state.payment.failCharges`. */
export type ChargeDecider = (attempt: {
  invoice: Invoice;
  attemptNumber: number;
  date: IsoDate;
  state: TeamState;
}) => boolean;

export interface EngineContext {
  catalog: Catalog;
  charge?: ChargeDecider;
}
