import type { BillingPolicy, PolicyName } from './types.js';

const timingDefaults = {
  graceDays: 10,
  maxPaymentAttempts: 3,
  retrySpacingDays: 3,
  trialDays: 14,
  trialEndingNoticeDays: 3,
  autoFlexNoticeDays: { month: 7, year: 14 },
  autoFlexAnnualCycleMonths: 3,
  seatOrderExpiryNoticeDays: 30,
  invoiceDueDays: 30,
  usageWarningPercent: 80,
} satisfies Partial<BillingPolicy>;

/** `prorate` preset: price differences for remaining days, seats prorated now, auto-flex. */
export const proratePolicy: BillingPolicy = {
  name: 'prorate',
  upgrade: 'price_difference',
  seatsAdded: 'prorated_now',
  membersAboveSeats: 'auto_flex',
  seatsRemoved: 'next_cycle_only',
  seatOrders: false,
  ...timingDefaults,
};

/** `term-credit` preset: full new period minus credit, true-ups at monthly reviews, seat orders. */
export const termCreditPolicy: BillingPolicy = {
  name: 'term-credit',
  upgrade: 'full_period_with_credit',
  seatsAdded: 'true_up_at_review',
  membersAboveSeats: 'true_up',
  seatsRemoved: 'credit_unused',
  seatOrders: true,
  ...timingDefaults,
};

export const billingPolicies: Record<PolicyName, BillingPolicy> = {
  prorate: proratePolicy,
  'term-credit': termCreditPolicy,
};

/** A preset with some knobs changed, e.g. `createPolicy('prorate', { graceDays: 21 })`. */
export function createPolicy(
  preset: PolicyName,
  overrides: Partial<Omit<BillingPolicy, 'name'>> = {},
): BillingPolicy {
  return { ...billingPolicies[preset], ...overrides };
}
