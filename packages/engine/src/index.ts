/**
 * @billkit/engine — the billing rules as pure functions over a serialisable `TeamState`.
 * No I/O, no clock: every function takes the day it runs as an input.
 *
 * Module layout:
 * - `types`      plain-JSON data types (API field names)
 * - `money`      Money, exact proration with one half-up rounding, BillingError
 * - `dates`      UTC calendar days, anchored month arithmetic, periods
 * - `catalog`    plans, resources, add-ons; `demoCatalog`
 * - `policy`     the policy knobs and the `prorate` / `term-credit` presets
 * - `team`       `createTeam`
 * - `members`    members and seats
 * - `changes`    `quoteChange` / `applyChange` (one code path), standing instructions
 * - `seat-orders` yearly seat orders of term-credit teams
 * - `usage`      metering, overage policies, hard caps
 * - `payments`   invoices, payment attempts, dunning, credits
 * - `auto-flex`  auto-flex terms and cycle status
 * - `advance`    time passing: renewals, reviews, flex billing, retries, grace, notices
 * - `overview`   derived values for dashboards (next invoice, notices, subscription view)
 * - `wording`    reason and notice codes with their params, and their English words
 * - `notices`    what each notice says about a team (sent and shown alike)
 */

export { advance } from './advance.js';
export { type AutoFlexView, autoFlexStatus, enableAutoFlex } from './auto-flex.js';
export { demoCatalog, findAddOn, findPlan, findResource, requirePlan } from './catalog.js';
export {
  AmountChangedError,
  type AppliedOutcome,
  type ApplyOptions,
  applyChange,
  quoteChange,
  requirePossible,
  scheduledChanges,
  setStandingInstructions,
} from './changes.js';
export {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  isIsoDate,
  periodContains,
  periodDays,
  periodStarting,
} from './dates.js';
export {
  activeMembers,
  addMember,
  billableSeats,
  billsForMembers,
  type NewMember,
  removeMember,
  type SeatSummary,
  seatSummary,
} from './members.js';
export {
  addMoney,
  BillingError,
  type Fraction,
  money,
  multiply,
  negate,
  prorate,
  roundHalfUp,
  subtractMoney,
  sumMoney,
  zero,
} from './money.js';
export {
  activeNotices,
  type NextInvoice,
  nextInvoice,
  type PaymentStatusView,
  paymentStatus,
  type Restrictions,
  restrictions,
  type SubscriptionView,
  subscriptionView,
} from './overview.js';
export {
  addCredit,
  amountRefunded,
  type CreditInput,
  payInvoice,
  type RefundRequest,
  type RefundWindow,
  refundInvoice,
  refundWindow,
  setPaymentMethod,
} from './payments.js';
export { billingPolicies, createPolicy, proratePolicy, termCreditPolicy } from './policy.js';
export { placeSeatOrder, quoteSeatOrder, type SeatOrderRequest } from './seat-orders.js';
export { type CreateTeamInput, createTeam } from './team.js';
export * from './types.js';
export {
  checkUsage,
  includedQuantity,
  recordUsage,
  setOveragePolicy,
  type UsageCheck,
  type UsageRecord,
  type UsageView,
  usageSummary,
} from './usage.js';
export {
  type CreditReason,
  type CreditReasonCode,
  type CreditReasonParams,
  creditDescription,
  creditReason,
  creditReasonCodes,
  type EventReason,
  type EventReasonCode,
  type EventReasonParams,
  eventReason,
  eventReasonCodes,
  eventSummary,
  explainEvent,
  type LineReason,
  type LineReasonCode,
  type LineReasonParams,
  lineDescription,
  lineReason,
  lineReasonCodes,
  type NoticeAudience,
  type NoticeCode,
  type NoticeContent,
  type NoticeParams,
  type NoticeSeverity,
  noticeCodes,
  noticeMessage,
  type PaymentMethodParams,
  paymentMethodName,
  type ReasonOf,
  type ReasonParams,
  type SentNotice,
} from './wording.js';
