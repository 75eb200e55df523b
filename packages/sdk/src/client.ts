import type {
  OperationOptions as Options,
  PageItem,
  PaginatedOperationId,
  PathParams,
  QueryParams,
  RequestBody,
} from './operations.js';
import { type Page, paginate } from './pagination.js';
import { type BillingClientConfig, createTransport } from './transport.js';

/** `invoices.pay`'s one optional argument: the payment's fields and the request options. */
export type PayInvoiceOptions = NonNullable<RequestBody<'payInvoice'>> & Options<'payInvoice'>;

/** Query of a paginated operation without its cursor, which `all()` manages. */
type PageQuery<Id extends PaginatedOperationId> = Omit<NonNullable<QueryParams<Id>>, 'cursor'>;

/**
 * A client for one team's billing. Every method sends one operation of the spec (named in its
 * comment) and resolves with its typed success body, or rejects with a `BillingApiError`,
 * `BillingNetworkError`, `BillingTimeoutError`, or the reason of an aborted `signal`.
 */
export function createBillingClient(config: BillingClientConfig) {
  const request = createTransport(config);

  /** Every item of every page, fetched page by page as the loop consumes them. */
  const all = <Id extends PaginatedOperationId>(
    operationId: Id,
    query: PageQuery<Id> | undefined,
    options: Options<Id> | undefined,
  ): AsyncGenerator<PageItem<Id>, void, undefined> =>
    paginate(async (cursor) => {
      const page = await request(operationId, { query: { ...query, cursor } }, options);
      // PaginatedOperationId guarantees the shape; TypeScript cannot see it through `Id`.
      return page as Page<PageItem<Id>>;
    }, options?.signal);

  return {
    plans: {
      /** listPlans */
      list: (options?: Options<'listPlans'>) => request('listPlans', {}, options),
    },
    overview: {
      /** getBillingOverview: everything a billing page shows, in one request. */
      get: (options?: Options<'getBillingOverview'>) => request('getBillingOverview', {}, options),
    },
    subscription: {
      /** getSubscription: its `version` is what `apply` needs as `ifMatch`. */
      get: (options?: Options<'getSubscription'>) => request('getSubscription', {}, options),
      /** previewSubscriptionChange: what the change would cost, without making it. */
      preview: (
        change: RequestBody<'previewSubscriptionChange'>,
        options?: Options<'previewSubscriptionChange'>,
      ) => request('previewSubscriptionChange', { body: change }, options),
      /**
       * applySubscriptionChange: pass the preview's `amountDueNow` as `change.expectedAmountDue`
       * to charge exactly that or nothing (`409 amount_changed`, see `isAmountChangedError`).
       */
      apply: (
        change: RequestBody<'applySubscriptionChange'>,
        options: Options<'applySubscriptionChange'>,
      ) => request('applySubscriptionChange', { body: change }, options),
    },
    standingInstructions: {
      /** getStandingInstructions */
      get: (options?: Options<'getStandingInstructions'>) =>
        request('getStandingInstructions', {}, options),
      /** setStandingInstructions */
      set: (
        instructions: RequestBody<'setStandingInstructions'>,
        options: Options<'setStandingInstructions'>,
      ) => request('setStandingInstructions', { body: instructions }, options),
    },
    autoFlex: {
      /** getAutoFlex */
      get: (options?: Options<'getAutoFlex'>) => request('getAutoFlex', {}, options),
      /** enableAutoFlex: accepts the auto-flex terms. */
      enable: (acceptance: RequestBody<'enableAutoFlex'>, options?: Options<'enableAutoFlex'>) =>
        request('enableAutoFlex', { body: acceptance }, options),
    },
    usage: {
      /** listUsage: the current usage period, or the one starting on `query.period`. */
      list: (query?: QueryParams<'listUsage'>, options?: Options<'listUsage'>) =>
        request('listUsage', { query }, options),
      /** getUsageDetail: the usage and what consumed it. */
      get: (
        resourceId: PathParams<'getUsageDetail'>['resourceId'],
        options?: Options<'getUsageDetail'>,
      ) => request('getUsageDetail', { path: { resourceId } }, options),
      /** setOveragePolicy */
      setOveragePolicy: (
        resourceId: PathParams<'setOveragePolicy'>['resourceId'],
        policy: RequestBody<'setOveragePolicy'>['policy'],
        options?: Options<'setOveragePolicy'>,
      ) => request('setOveragePolicy', { path: { resourceId }, body: { policy } }, options),
    },
    invoices: {
      /** listInvoices: one page. */
      list: (query?: QueryParams<'listInvoices'>, options?: Options<'listInvoices'>) =>
        request('listInvoices', { query }, options),
      /** listInvoices, every page: `for await (const invoice of client.invoices.all())`. */
      all: (query?: PageQuery<'listInvoices'>, options?: Options<'listInvoices'>) =>
        all('listInvoices', query, options),
      /** getInvoice */
      get: (invoiceId: PathParams<'getInvoice'>['invoiceId'], options?: Options<'getInvoice'>) =>
        request('getInvoice', { path: { invoiceId } }, options),
      /** getInvoicePdf */
      getPdf: (
        invoiceId: PathParams<'getInvoicePdf'>['invoiceId'],
        options?: Options<'getInvoicePdf'>,
      ) => request('getInvoicePdf', { path: { invoiceId } }, options),
      /**
       * payInvoice: with the default payment method unless `paymentMethodId` names one. The
       * body is optional, so its field sits beside the request options:
       * `pay(id, { paymentMethodId, idempotencyKey, signal })`, each of them optional.
       */
      pay: (
        invoiceId: PathParams<'payInvoice'>['invoiceId'],
        { signal, idempotencyKey, ...payment }: PayInvoiceOptions = {},
      ) =>
        request(
          'payInvoice',
          // No fields, no body: the API then pays with the default payment method.
          { path: { invoiceId }, body: Object.keys(payment).length > 0 ? payment : undefined },
          { signal, idempotencyKey },
        ),
      /** refundInvoice: all of `refundable.available` unless `body.amount` says less. */
      refund: (
        invoiceId: PathParams<'refundInvoice'>['invoiceId'],
        body: RequestBody<'refundInvoice'>,
        options?: Options<'refundInvoice'>,
      ) => request('refundInvoice', { path: { invoiceId }, body }, options),
    },
    paymentMethods: {
      /** listPaymentMethods: one page. */
      list: (query?: QueryParams<'listPaymentMethods'>, options?: Options<'listPaymentMethods'>) =>
        request('listPaymentMethods', { query }, options),
      /** listPaymentMethods, every page. */
      all: (query?: PageQuery<'listPaymentMethods'>, options?: Options<'listPaymentMethods'>) =>
        all('listPaymentMethods', query, options),
      /** createPaymentMethodSetup: starts adding a method with the host's payment provider. */
      createSetup: (
        setup: RequestBody<'createPaymentMethodSetup'>,
        options?: Options<'createPaymentMethodSetup'>,
      ) => request('createPaymentMethodSetup', { body: setup }, options),
      /** attachPaymentMethod: stores the provider's token once the setup succeeded. */
      attach: (
        attachment: RequestBody<'attachPaymentMethod'>,
        options?: Options<'attachPaymentMethod'>,
      ) => request('attachPaymentMethod', { body: attachment }, options),
      /** deletePaymentMethod */
      delete: (
        paymentMethodId: PathParams<'deletePaymentMethod'>['paymentMethodId'],
        options?: Options<'deletePaymentMethod'>,
      ) => request('deletePaymentMethod', { path: { paymentMethodId } }, options),
      /** setDefaultPaymentMethod */
      setDefault: (
        paymentMethodId: PathParams<'setDefaultPaymentMethod'>['paymentMethodId'],
        options?: Options<'setDefaultPaymentMethod'>,
      ) => request('setDefaultPaymentMethod', { path: { paymentMethodId } }, options),
    },
    billingDetails: {
      /** getBillingDetails */
      get: (options?: Options<'getBillingDetails'>) => request('getBillingDetails', {}, options),
      /** updateBillingDetails: applies to future invoices only. */
      update: (
        details: RequestBody<'updateBillingDetails'>,
        options?: Options<'updateBillingDetails'>,
      ) => request('updateBillingDetails', { body: details }, options),
    },
    events: {
      /** listBillingEvents: one page, newest first. */
      list: (query?: QueryParams<'listBillingEvents'>, options?: Options<'listBillingEvents'>) =>
        request('listBillingEvents', { query }, options),
      /** listBillingEvents, every page, newest first. */
      all: (query?: PageQuery<'listBillingEvents'>, options?: Options<'listBillingEvents'>) =>
        all('listBillingEvents', query, options),
    },
    credits: {
      /** getCredits: the balance and its entries. */
      get: (options?: Options<'getCredits'>) => request('getCredits', {}, options),
      /** contributeCredits: moves the viewer's personal credits to the team. */
      contribute: (
        contribution: RequestBody<'contributeCredits'>,
        options?: Options<'contributeCredits'>,
      ) => request('contributeCredits', { body: contribution }, options),
    },
    quotes: {
      /** createQuote: a quote to approve before the change is made. */
      create: (quote: RequestBody<'createQuote'>, options?: Options<'createQuote'>) =>
        request('createQuote', { body: quote }, options),
      /** getQuote: its status and, once accepted, its invoice. */
      get: (quoteId: PathParams<'getQuote'>['quoteId'], options?: Options<'getQuote'>) =>
        request('getQuote', { path: { quoteId } }, options),
      /**
       * acceptQuote: applies the quoted change (or places the seat order) today and issues its
       * open invoice, to pay with `invoices.pay`. A price that moved since is `409 quote_outdated`.
       */
      accept: (quoteId: PathParams<'acceptQuote'>['quoteId'], options?: Options<'acceptQuote'>) =>
        request('acceptQuote', { path: { quoteId } }, options),
      /** listQuotes: one page. */
      list: (query?: QueryParams<'listQuotes'>, options?: Options<'listQuotes'>) =>
        request('listQuotes', { query }, options),
      /** listQuotes, every page. */
      all: (query?: PageQuery<'listQuotes'>, options?: Options<'listQuotes'>) =>
        all('listQuotes', query, options),
    },
  };
}

export type BillingClient = ReturnType<typeof createBillingClient>;
