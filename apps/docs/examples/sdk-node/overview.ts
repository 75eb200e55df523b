import type { BillingClient } from '@billkit/sdk';

/** The plans on offer and where the team stands, fetched together and given up after 5 s. */
export async function teamSummary(billing: BillingClient) {
  const signal = AbortSignal.timeout(5_000);
  const [plans, overview] = await Promise.all([
    billing.plans.list({ signal }),
    billing.overview.get({ signal }),
  ]);
  return {
    plans: plans.data.map((plan) => plan.id),
    plan: overview.plan.id,
    seats: `${overview.subscription.seats.inUse} in use of ${overview.subscription.seats.purchased}`,
    // Money is integer minor units with its currency: 4900 USD is $49.00.
    nextInvoice: overview.nextInvoice && {
      date: overview.nextInvoice.date,
      ...overview.nextInvoice.amount,
    },
  };
}
