import { BillingError } from './money.js';
import type { AddOn, Catalog, Money, Plan, Quota, Resource } from './types.js';

const usd = (amount: number): Money => ({ amount, currency: 'USD' });

const resources: Resource[] = [
  {
    id: 'monitoring_requests',
    name: 'Monitoring requests',
    unit: 'request',
    kind: 'counter',
    overagePrice: usd(100),
    overageBlockSize: 1_000,
  },
  {
    id: 'mock_server_calls',
    name: 'Mock server calls',
    unit: 'call',
    kind: 'counter',
    overagePrice: usd(50),
    overageBlockSize: 1_000,
  },
  {
    id: 'api_calls',
    name: 'API calls',
    unit: 'call',
    kind: 'counter',
    overagePrice: usd(100),
    overageBlockSize: 10_000,
  },
  // Domains and integrations are levels, not flows: there is nothing to bill pay-as-you-go.
  {
    id: 'custom_domains',
    name: 'Custom domains',
    unit: 'domain',
    kind: 'gauge',
    overagePrice: null,
    overageBlockSize: 1,
  },
  {
    id: 'integrations',
    name: 'Integrations',
    unit: 'integration',
    kind: 'gauge',
    overagePrice: null,
    overageBlockSize: 1,
  },
];

function quotas(included: Record<string, number>): Quota[] {
  return resources.map((resource) => ({
    resourceId: resource.id,
    name: resource.name,
    unit: resource.unit,
    included: included[resource.id] ?? 0,
  }));
}

const addOns: AddOn[] = [
  {
    id: 'monitoring_requests_10k',
    resourceId: 'monitoring_requests',
    name: '10,000 monitoring requests',
    blockSize: 10_000,
    price: usd(500),
  },
  {
    id: 'mock_server_calls_10k',
    resourceId: 'mock_server_calls',
    name: '10,000 mock server calls',
    blockSize: 10_000,
    price: usd(300),
  },
  {
    id: 'api_calls_100k',
    resourceId: 'api_calls',
    name: '100,000 API calls',
    blockSize: 100_000,
    price: usd(500),
  },
  {
    id: 'custom_domain',
    resourceId: 'custom_domains',
    name: 'Custom domain',
    blockSize: 1,
    price: usd(500),
  },
  {
    id: 'integrations_5',
    resourceId: 'integrations',
    name: '5 integrations',
    blockSize: 5,
    price: usd(500),
  },
];

/** The demo catalog of the billing rules (USD). Quotas and add-on prices are demo choices. */
export const demoCatalog: Catalog = {
  currency: 'USD',
  resources,
  plans: [
    {
      id: 'free',
      name: 'Free',
      description: 'For individuals and small teams getting started.',
      prices: { month: usd(0), year: usd(0) },
      contactSales: false,
      invoicePaying: false,
      maxMembers: 3,
      quotas: quotas({
        monitoring_requests: 1_000,
        mock_server_calls: 1_000,
        api_calls: 1_000,
        custom_domains: 0,
        integrations: 2,
      }),
      addOns: [],
      features: ['Up to 3 members', 'Community support'],
    },
    {
      id: 'basic',
      name: 'Basic',
      description: 'For growing teams.',
      prices: { month: usd(1_200), year: usd(10_800) },
      contactSales: false,
      invoicePaying: false,
      maxMembers: null,
      quotas: quotas({
        monitoring_requests: 10_000,
        mock_server_calls: 10_000,
        api_calls: 100_000,
        custom_domains: 1,
        integrations: 10,
      }),
      addOns,
      features: ['Unlimited members', 'Email support'],
    },
    {
      id: 'professional',
      name: 'Professional',
      description: 'For teams that ship APIs every day.',
      prices: { month: usd(2_400), year: usd(21_600) },
      contactSales: false,
      invoicePaying: false,
      maxMembers: null,
      quotas: quotas({
        monitoring_requests: 100_000,
        mock_server_calls: 100_000,
        api_calls: 500_000,
        custom_domains: 5,
        integrations: 50,
      }),
      addOns,
      features: ['Unlimited members', 'Roles and permissions', 'Priority support'],
    },
    {
      id: 'enterprise',
      name: 'Enterprise',
      description: 'Custom terms, invoicing and support.',
      prices: { month: null, year: null },
      contactSales: true,
      invoicePaying: true,
      maxMembers: null,
      quotas: quotas({
        monitoring_requests: 1_000_000,
        mock_server_calls: 1_000_000,
        api_calls: 5_000_000,
        custom_domains: 25,
        integrations: 200,
      }),
      addOns,
      features: ['SSO', 'Audit logs', 'Invoice payment (card, ACH, wire)', 'Dedicated support'],
    },
  ],
};

export function findPlan(catalog: Catalog, planId: string): Plan | undefined {
  return catalog.plans.find((plan) => plan.id === planId);
}

export function requirePlan(catalog: Catalog, planId: string): Plan {
  const plan = findPlan(catalog, planId);
  if (!plan) throw new BillingError('unknown_plan', `Unknown plan: ${planId}`, '/planId');
  return plan;
}

export function findResource(catalog: Catalog, resourceId: string): Resource | undefined {
  return catalog.resources.find((resource) => resource.id === resourceId);
}

export function findAddOn(plan: Plan, addOnId: string): AddOn | undefined {
  return plan.addOns.find((addOn) => addOn.id === addOnId);
}
