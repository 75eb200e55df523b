import type {
  AppliedChange,
  AutoFlex,
  BillingDetails,
  BillingEvent,
  BillingOverview,
  ChangeQuote,
  CreditEntry,
  Invoice,
  Money,
  PaymentMethod,
  PaymentMethodSetup,
  Plan,
  Quote,
  StandingInstructions,
  Subscription,
  SubscriptionChange,
  Usage,
  UsageDetail,
} from '../src/index.js';

export const usd = (amount: number): Money => ({ amount, currency: 'USD' });
const period = { start: '2026-06-20', end: '2026-07-20' };

export const basicPlan: Plan = {
  id: 'basic',
  name: 'Basic',
  description: 'For small teams',
  prices: { month: usd(1200), year: usd(10800) },
  contactSales: false,
  maxMembers: null,
  quotas: [
    {
      resourceId: 'monitoring_requests',
      name: 'Monitoring requests',
      unit: 'requests',
      included: 10_000,
    },
  ],
  addOns: [
    {
      id: 'addon_monitoring_10k',
      resourceId: 'monitoring_requests',
      name: '10k monitoring requests',
      blockSize: 10_000,
      price: usd(500),
    },
  ],
  features: ['Mock servers'],
};

export const subscription: Subscription = {
  id: 'sub_acme',
  version: '17',
  planId: 'basic',
  interval: 'month',
  status: 'active',
  policy: 'prorate',
  currentPeriod: period,
  trialEnd: null,
  seats: {
    purchased: 10,
    inUse: 9,
    byRole: { admin: 1, billing: 1, member: 6, visitor: 1 },
    autoFlexExtra: 0,
  },
  addOns: [],
  cancelAtPeriodEnd: false,
  seatOrder: null,
  scheduledChanges: [],
  collectionMethod: 'charge_automatically',
  createdAt: '2026-01-20T09:00:00Z',
};

export const upgrade: SubscriptionChange = { planId: 'professional', timing: 'immediately' };

export const changeQuote: ChangeQuote = {
  possible: true,
  timing: 'immediately',
  effectiveDate: '2026-06-25',
  lines: [
    {
      kind: 'proration',
      reason: {
        code: 'upgrade_proration',
        params: {
          fromPlanId: 'basic',
          fromPlanName: 'Basic',
          toPlanId: 'professional',
          toPlanName: 'Professional',
          seats: 10,
          daysRemaining: 25,
          daysInPeriod: 30,
          unitAmount: 1200,
          currency: 'USD',
        },
      },
      description:
        'Upgrade Basic → Professional: price difference for the remaining 25 days of 30, 10 seats',
      quantity: 10,
      unitAmount: usd(1200),
      period: { start: '2026-06-25', end: '2026-07-20' },
      amount: usd(10000),
    },
  ],
  subtotal: usd(10000),
  creditApplied: usd(0),
  amountDueNow: usd(10000),
  nextRenewal: { date: '2026-07-20', amount: usd(24000) },
  restriction: null,
  deferred: [],
};

export const billingDetails: BillingDetails = {
  companyName: 'Acme Inc.',
  email: 'billing@acme.example',
  address: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
  vatId: null,
};

export function invoice(id: string): Invoice {
  return {
    id,
    number: `ACME-${id}`,
    status: 'open',
    issueDate: '2026-06-25',
    dueDate: '2026-06-25',
    period,
    lines: changeQuote.lines,
    subtotal: usd(10000),
    creditApplied: usd(0),
    total: usd(10000),
    amountPaid: usd(0),
    amountDue: usd(10000),
    collectionMethod: 'charge_automatically',
    attempts: 0,
    nextAttemptDate: null,
    billingDetails,
    paymentMethodId: null,
    paidAt: null,
    refunds: [],
    amountRefunded: usd(0),
    refundable: { available: usd(0), until: null },
  };
}

export const appliedChange: AppliedChange = {
  subscription: { ...subscription, version: '18', planId: 'professional' },
  quote: changeQuote,
  invoice: invoice('inv_1'),
  scheduledChange: null,
};

export const standingInstructions: StandingInstructions = {
  version: '17',
  action: 'renew',
  effectiveDate: '2026-07-20',
};

export const autoFlex: AutoFlex = {
  enabled: true,
  termsVersion: '2026-01',
  termsAcceptedAt: '2026-06-21T10:00:00Z',
  cycle: { start: '2026-06-20', billingDate: '2026-07-20', noticeDate: '2026-07-13' },
  extraMembers: 0,
  estimatedCharge: usd(0),
  billedExtraSeats: 0,
};

export const usage: Usage = {
  resourceId: 'monitoring_requests',
  name: 'Monitoring requests',
  unit: 'requests',
  period,
  used: 12_000,
  included: 10_000,
  planQuota: 10_000,
  addOnBlocks: 0,
  overagePolicy: 'allowed',
  overageUnitPrice: usd(1),
  overageQuantity: 2_000,
  projectedOverage: usd(2000),
  capped: false,
};

export const usageDetail: UsageDetail = {
  ...usage,
  consumers: [{ id: 'monitor_1', name: 'Checkout monitor', quantity: 12_000 }],
};

export const card: PaymentMethod = {
  id: 'pm_card',
  type: 'card',
  isDefault: true,
  createdAt: '2026-01-20T09:00:00Z',
  card: { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 },
  bank: null,
};

export const paymentMethodSetup: PaymentMethodSetup = {
  id: 'setup_1',
  type: 'card',
  provider: 'stripe',
  clientSecret: 'seti_secret',
  expiresAt: '2026-06-25T10:30:00Z',
};

export function billingEvent(id: string): BillingEvent {
  return {
    id,
    type: 'plan_changed',
    occurredAt: '2026-06-25T10:00:00Z',
    actor: { id: 'user_1', name: 'Ada', role: 'admin' },
    reason: {
      code: 'plan_changed',
      params: {
        fromPlanId: 'basic',
        fromPlanName: 'Basic',
        toPlanId: 'professional',
        toPlanName: 'Professional',
      },
    },
    summary: 'Basic → Professional',
    notice: null,
    amount: usd(10000),
    invoiceId: 'inv_1',
  };
}

export const contribution: CreditEntry = {
  id: 'credit_1',
  kind: 'contribution',
  amount: usd(2500),
  reason: { code: 'credits_contributed', params: { memberId: 'user_1', memberName: 'Ada' } },
  description: 'Personal credits contributed by Ada',
  createdAt: '2026-06-25T10:00:00Z',
  invoiceId: null,
};

export function quote(id: string): Quote {
  return {
    id,
    number: `Q-${id}`,
    status: 'open',
    createdAt: '2026-06-25T10:00:00Z',
    validUntil: '2026-07-25',
    change: upgrade,
    seatOrder: null,
    lines: changeQuote.lines,
    subtotal: usd(10000),
    creditApplied: usd(0),
    total: usd(10000),
    amountDue: usd(10000),
    billingDetails,
    invoiceId: null,
  };
}

export const overview: BillingOverview = {
  viewer: {
    role: 'admin',
    permissions: {
      viewInvoices: true,
      manageBilling: true,
      managePaymentMethods: true,
      addMembers: true,
      contributeCredits: true,
    },
  },
  today: '2026-07-13',
  subscription,
  plan: basicPlan,
  seats: { ...subscription.seats, available: 1 },
  nextInvoice: { date: '2026-07-20', amount: usd(12000), lines: [] },
  credits: { balance: usd(0) },
  payment: { status: 'ok', failedAttempts: 0, graceEndsAt: null, defaultPaymentMethod: card },
  autoFlex,
  scheduledChanges: [],
  notices: [
    {
      code: 'usage_near_limit',
      severity: 'warning',
      date: null,
      message: 'Monitoring requests are at 90% of the included quantity.',
      params: { resourceId: 'monitoring_requests', percent: 90 },
    },
  ],
};
