import type {
  HttpMethod,
  OperationRequestBodyContent,
  SuccessResponseJSON,
} from 'openapi-typescript-helpers';
import type { operations, paths } from './schema.js';

export type OperationId = keyof operations;

/** Names of the header parameters the spec declares for an operation. */
type HeaderNames<Operation> = Operation extends { parameters: { header?: infer Header } }
  ? [NonNullable<Header>] extends [never]
    ? never
    : keyof NonNullable<Header>
  : never;

/** Every `{ method, path }` of `paths` whose operation is `Operation`. */
type RoutesOf<Operation> = {
  [Path in keyof paths]: {
    [Method in HttpMethod & keyof paths[Path]]: [NonNullable<paths[Path][Method]>] extends [
      Operation,
    ]
      ? [Operation] extends [NonNullable<paths[Path][Method]>]
        ? { method: Method; path: Path }
        : never
      : never;
  }[HttpMethod & keyof paths[Path]];
}[keyof paths];

/**
 * What the SDK needs at runtime about an operation. The method and path must be the spec's
 * (checked against `paths`), and the header flags must match the header parameters the spec
 * declares, so a change to the spec that the table does not follow fails the type check.
 */
type OperationRoute<Id extends OperationId> = RoutesOf<operations[Id]> &
  ('Idempotency-Key' extends HeaderNames<operations[Id]>
    ? { idempotencyKey: true }
    : { idempotencyKey?: never }) &
  ('If-Match' extends HeaderNames<operations[Id]> ? { ifMatch: true } : { ifMatch?: never }) & {
    /** A POST that changes nothing (it only computes), so it is retried like a GET. */
    safe?: true;
    /** The success body is a file, returned as a `Blob`. */
    binary?: true;
  };

export const operationRoutes = {
  listPlans: { method: 'get', path: '/teams/{teamId}/plans' },
  getBillingOverview: { method: 'get', path: '/teams/{teamId}/billing/overview' },
  getSubscription: { method: 'get', path: '/teams/{teamId}/subscription' },
  previewSubscriptionChange: {
    method: 'post',
    path: '/teams/{teamId}/subscription/preview',
    safe: true,
  },
  applySubscriptionChange: {
    method: 'post',
    path: '/teams/{teamId}/subscription/changes',
    idempotencyKey: true,
    ifMatch: true,
  },
  getStandingInstructions: {
    method: 'get',
    path: '/teams/{teamId}/subscription/standing-instructions',
  },
  setStandingInstructions: {
    method: 'put',
    path: '/teams/{teamId}/subscription/standing-instructions',
    ifMatch: true,
  },
  getAutoFlex: { method: 'get', path: '/teams/{teamId}/auto-flex' },
  enableAutoFlex: {
    method: 'post',
    path: '/teams/{teamId}/auto-flex/enable',
    idempotencyKey: true,
  },
  listUsage: { method: 'get', path: '/teams/{teamId}/usage' },
  getUsageDetail: { method: 'get', path: '/teams/{teamId}/usage/{resourceId}' },
  setOveragePolicy: { method: 'put', path: '/teams/{teamId}/usage/{resourceId}/overage-policy' },
  listInvoices: { method: 'get', path: '/teams/{teamId}/invoices' },
  getInvoice: { method: 'get', path: '/teams/{teamId}/invoices/{invoiceId}' },
  getInvoicePdf: { method: 'get', path: '/teams/{teamId}/invoices/{invoiceId}/pdf', binary: true },
  payInvoice: {
    method: 'post',
    path: '/teams/{teamId}/invoices/{invoiceId}/pay',
    idempotencyKey: true,
  },
  refundInvoice: {
    method: 'post',
    path: '/teams/{teamId}/invoices/{invoiceId}/refunds',
    idempotencyKey: true,
  },
  listPaymentMethods: { method: 'get', path: '/teams/{teamId}/payment-methods' },
  createPaymentMethodSetup: {
    method: 'post',
    path: '/teams/{teamId}/payment-methods/setup',
    idempotencyKey: true,
  },
  attachPaymentMethod: {
    method: 'post',
    path: '/teams/{teamId}/payment-methods',
    idempotencyKey: true,
  },
  deletePaymentMethod: {
    method: 'delete',
    path: '/teams/{teamId}/payment-methods/{paymentMethodId}',
  },
  setDefaultPaymentMethod: {
    method: 'post',
    path: '/teams/{teamId}/payment-methods/{paymentMethodId}/default',
  },
  getBillingDetails: { method: 'get', path: '/teams/{teamId}/billing-details' },
  updateBillingDetails: { method: 'put', path: '/teams/{teamId}/billing-details' },
  listBillingEvents: { method: 'get', path: '/teams/{teamId}/events' },
  getCredits: { method: 'get', path: '/teams/{teamId}/credits' },
  contributeCredits: {
    method: 'post',
    path: '/teams/{teamId}/credits/contributions',
    idempotencyKey: true,
  },
  createQuote: { method: 'post', path: '/teams/{teamId}/quotes', idempotencyKey: true },
  listQuotes: { method: 'get', path: '/teams/{teamId}/quotes' },
  getQuote: { method: 'get', path: '/teams/{teamId}/quotes/{quoteId}' },
  acceptQuote: {
    method: 'post',
    path: '/teams/{teamId}/quotes/{quoteId}/accept',
    idempotencyKey: true,
  },
} as const satisfies { [Id in OperationId]: OperationRoute<Id> };

type Routes = typeof operationRoutes;

/** Path parameters of an operation, without `teamId`, which the client fills in. */
export type PathParams<Id extends OperationId> = Omit<
  NonNullable<operations[Id]['parameters']['path']>,
  'teamId'
>;

export type QueryParams<Id extends OperationId> = operations[Id]['parameters']['query'];

export type RequestBody<Id extends OperationId> = OperationRequestBodyContent<operations[Id]>;

export type ResponseBody<Id extends OperationId> = Routes[Id] extends { binary: true }
  ? Blob
  : SuccessResponseJSON<operations[Id]>;

/** The parts of a request that come from the method's arguments. */
export interface OperationInput<Id extends OperationId> {
  path?: PathParams<Id>;
  query?: QueryParams<Id>;
  body?: RequestBody<Id>;
}

export interface RequestOptions {
  /** Aborts the request, including any wait before a retry; the promise rejects with its reason. */
  signal?: AbortSignal;
}

export interface IdempotentRequestOptions extends RequestOptions {
  /**
   * Sent as `Idempotency-Key`. The SDK generates one when omitted; pass your own to make a
   * repeated call (e.g. after a page reload) a replay of the first instead of a second charge.
   */
  idempotencyKey?: string;
}

export interface ConditionalRequestOptions extends RequestOptions {
  /** The subscription `version` the change is based on, sent as `If-Match: "<version>"`. */
  ifMatch: string;
}

/** The options an operation accepts, from the headers the spec declares for it. */
export type OperationOptions<Id extends OperationId> = RequestOptions &
  (Routes[Id] extends { idempotencyKey: true } ? IdempotentRequestOptions : unknown) &
  (Routes[Id] extends { ifMatch: true } ? ConditionalRequestOptions : unknown);

/** Operations that take a `cursor` and answer with a page: `{ data: [...], nextCursor }`. */
export type PaginatedOperationId = {
  [Id in OperationId]: [NonNullable<QueryParams<Id>>] extends [never]
    ? never
    : NonNullable<QueryParams<Id>> extends { cursor?: string }
      ? ResponseBody<Id> extends { data: unknown[]; nextCursor: string | null }
        ? Id
        : never
      : never;
}[OperationId];

export type PageItem<Id extends PaginatedOperationId> =
  ResponseBody<Id> extends {
    data: (infer Item)[];
  }
    ? Item
    : never;
