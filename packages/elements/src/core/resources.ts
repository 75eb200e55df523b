import type {
  AutoFlex,
  BillingClient,
  BillingOverview,
  Credits,
  Invoice,
  PaymentMethod,
  Plan,
  StandingInstructions,
  Subscription,
  Usage,
  UsageDetail,
} from '@billkit/sdk';

/**
 * What the store caches: the API reads the elements show. `kind` says which mutations change
 * it (see `mutationEffects`); `key` tells two resources of one kind apart (one per usage
 * resource, one per invoice query).
 */
export type ResourceKind =
  | 'overview'
  | 'plans'
  | 'subscription'
  | 'standingInstructions'
  | 'autoFlex'
  | 'usage'
  | 'invoices'
  | 'paymentMethods'
  | 'credits'
  | 'events';

export interface Resource<T> {
  readonly key: string;
  readonly kind: ResourceKind;
  load(client: BillingClient, signal: AbortSignal): Promise<T>;
}

export const overviewResource: Resource<BillingOverview> = {
  key: 'overview',
  kind: 'overview',
  load: (client, signal) => client.overview.get({ signal }),
};

export const plansResource: Resource<Plan[]> = {
  key: 'plans',
  kind: 'plans',
  load: async (client, signal) => (await client.plans.list({ signal })).data,
};

export const subscriptionResource: Resource<Subscription> = {
  key: 'subscription',
  kind: 'subscription',
  load: (client, signal) => client.subscription.get({ signal }),
};

export const standingInstructionsResource: Resource<StandingInstructions> = {
  key: 'standingInstructions',
  kind: 'standingInstructions',
  load: (client, signal) => client.standingInstructions.get({ signal }),
};

export const autoFlexResource: Resource<AutoFlex> = {
  key: 'autoFlex',
  kind: 'autoFlex',
  load: (client, signal) => client.autoFlex.get({ signal }),
};

/** The current usage period's resources. */
export const usageResource: Resource<Usage[]> = {
  key: 'usage',
  kind: 'usage',
  load: async (client, signal) => (await client.usage.list(undefined, { signal })).data,
};

/** One resource's usage and what consumed it. */
export function usageDetailResource(resourceId: string): Resource<UsageDetail> {
  return {
    key: `usage:${resourceId}`,
    kind: 'usage',
    load: (client, signal) => client.usage.get(resourceId, { signal }),
  };
}

/** The query of one page of invoices (`status`, `cursor`, `limit`). */
export type InvoicePageQuery = NonNullable<Parameters<BillingClient['invoices']['list']>[0]>;

/**
 * One page of invoices. Each page is its own resource (keyed by its query), so a "load more"
 * list keeps its pages, and every loaded page is reloaded after a change that issues or pays
 * invoices (cursors name the last item of the page before, so reloading one is stable).
 */
export function invoicePageResource(
  query: InvoicePageQuery = {},
): Resource<{ data: Invoice[]; nextCursor: string | null }> {
  const { status, cursor, limit } = query;
  return {
    key: `invoices:${JSON.stringify([status ?? null, cursor ?? null, limit ?? null])}`,
    kind: 'invoices',
    load: (client, signal) => client.invoices.list(query, { signal }),
  };
}

export const paymentMethodsResource: Resource<PaymentMethod[]> = {
  key: 'paymentMethods',
  kind: 'paymentMethods',
  load: async (client, signal) => (await client.paymentMethods.list(undefined, { signal })).data,
};

export const creditsResource: Resource<Credits> = {
  key: 'credits',
  kind: 'credits',
  load: (client, signal) => client.credits.get({ signal }),
};

/**
 * The mutations elements make, and every kind of resource each one changes: after a mutation
 * the store reloads exactly these (those loaded on this page), so every element agrees.
 * A new mutation is one row here; `BillingStore.mutate` takes its name.
 */
export const mutationEffects = {
  applySubscriptionChange: [
    'overview',
    'subscription',
    'standingInstructions',
    'autoFlex',
    'usage',
    'invoices',
    'credits',
    'events',
  ],
  setStandingInstructions: ['overview', 'subscription', 'standingInstructions', 'events'],
  enableAutoFlex: ['overview', 'autoFlex', 'subscription', 'events'],
  setOveragePolicy: ['overview', 'usage', 'events'],
  payInvoice: ['overview', 'invoices', 'subscription', 'credits', 'events'],
  acceptQuote: [
    'overview',
    'subscription',
    'standingInstructions',
    'autoFlex',
    'usage',
    'invoices',
    'credits',
    'events',
  ],
  // A refused change whose subscription version was stale: reload what the version covers.
  versionConflict: ['overview', 'subscription', 'standingInstructions'],
} as const satisfies Record<string, readonly ResourceKind[]>;

export type MutationName = keyof typeof mutationEffects;
