/**
 * Every contract operation, on the engine. Routing, roles, validation,
 * If-Match and idempotency are the route helper's job (app.ts); these handlers
 * only do the operation itself.
 */
import {
  type AddOnSelection,
  AmountChangedError,
  type AppliedOutcome,
  addCredit,
  addDays,
  applyChange,
  BillingError,
  type ChangeQuote,
  creditReason,
  enableAutoFlex,
  eventReason,
  findPlan,
  type Interval,
  type IsoDate,
  type Money,
  type PaymentMethodParams,
  payInvoice,
  paymentMethodName,
  placeSeatOrder,
  quoteChange,
  quoteSeatOrder,
  type RefundDestination,
  refundInvoice,
  requirePossible,
  type SeatOrderRequest,
  type SubscriptionChange,
  setOveragePolicy,
  setStandingInstructions,
  usageSummary,
} from '@billkit/engine';
import type { OperationContext, OperationTable } from './app.js';
import { toIsoInstant } from './clock.js';
import { formatMoney, renderInvoicePdf } from './invoice-pdf.js';
import { fieldProblem, ProblemError } from './problem.js';
import {
  commitOutcome,
  defaultPersonalCredits,
  type MockTeam,
  makeDefaultPaymentMethod,
  nextId,
  type QuoteRequest,
  recordEvent,
  type StoredQuote,
} from './store.js';
import type { BillingDetails, PaymentMethod, PaymentMethodType } from './types.js';
import { isValidVatId, normalizeVatId } from './vat.js';
import {
  autoFlexResource,
  autoFlexTermsVersion,
  creditEntryResource,
  dateTime,
  invoiceBillingDetails,
  invoiceResource,
  overviewResource,
  planResource,
  quoteResource,
  standingInstructionsResource,
  storedQuoteResource,
  subscriptionResource,
  usageResource,
} from './views.js';

/** Who issues the mock's invoices (the SaaS vendor; the team is the customer). */
const invoiceSeller = 'Billkit Demo SaaS, Inc.';

/**
 * Opaque cursors name the last item of the page before (base64 of its id), so items added in
 * front meanwhile (a new invoice, a new event) neither repeat nor hide an item on later pages.
 */
function paginate<T extends { id: string }>(
  items: T[],
  query: Record<string, unknown>,
): { data: T[]; nextCursor: string | null } {
  const limit = typeof query.limit === 'number' ? query.limit : 25;
  let offset = 0;
  if (typeof query.cursor === 'string') {
    const afterId = decodeCursor(query.cursor);
    const index = items.findIndex((item) => item.id === afterId);
    if (index < 0) {
      throw fieldProblem(
        '#/query/cursor',
        'invalid_cursor',
        'is not a cursor of this list (or its item is gone); start again without one',
      );
    }
    offset = index + 1;
  }
  const data = items.slice(offset, offset + limit);
  const last = data.at(-1);
  return {
    data,
    nextCursor: last && offset + limit < items.length ? btoa(last.id) : null,
  };
}

/** The item id a cursor names, or undefined when it is not base64 at all. */
function decodeCursor(cursor: string): string | undefined {
  try {
    return atob(cursor);
  } catch {
    return undefined;
  }
}

const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

function engineOf({ runtime }: OperationContext) {
  return runtime.store.engine;
}

function subscriptionJson(context: OperationContext) {
  return subscriptionResource(context.team, context.today, engineOf(context));
}

function etag(team: MockTeam): Record<string, string> {
  return { etag: `"${team.version}"` };
}

function notFound(code: string, detail: string): ProblemError {
  return new ProblemError(404, code, { detail });
}

function findInvoice({ team, path }: OperationContext) {
  const invoice = team.state.invoices.find((candidate) => candidate.id === path.invoiceId);
  if (!invoice)
    throw notFound('invoice_not_found', `No invoice ${path.invoiceId} on team ${team.id}`);
  return invoice;
}

/** A path parameter names a method (404 when unknown); a body field does too (422 on `pointer`). */
function findPaymentMethod(
  team: MockTeam,
  paymentMethodId: string,
  pointer?: string,
): PaymentMethod {
  const method = team.paymentMethods.find((candidate) => candidate.id === paymentMethodId);
  if (method) return method;
  const message = `No payment method ${paymentMethodId} on this team`;
  throw pointer
    ? fieldProblem(pointer, 'unknown_payment_method', message)
    : notFound('payment_method_not_found', message);
}

function findUsage(context: OperationContext) {
  const usage = usageSummary(context.team.state, engineOf(context)).find(
    (candidate) => candidate.resourceId === context.path.resourceId,
  );
  if (!usage)
    throw notFound('resource_not_found', `No metered resource ${context.path.resourceId}`);
  return usage;
}

function isInvoicePaying(context: OperationContext): boolean {
  const { subscription } = context.team.state;
  const plan = findPlan(engineOf(context).catalog, subscription.planId);
  return subscription.collectionMethod === 'send_invoice' || plan?.invoicePaying === true;
}

function assertKnownPlan(context: OperationContext, planId: string | undefined): void {
  if (planId !== undefined && !findPlan(engineOf(context).catalog, planId)) {
    throw fieldProblem('/planId', 'unknown_plan', `No plan named ${planId}`);
  }
}

/** The subscription, the applied quote, its invoice and scheduled change: an `AppliedChange`. */
function appliedChangeJson(context: OperationContext, outcome: AppliedOutcome) {
  return {
    subscription: subscriptionJson(context),
    quote: quoteResource(outcome.quote),
    invoice: outcome.invoice && invoiceResource(context.team, outcome.invoice, context.today),
    scheduledChange: outcome.scheduledChange,
  };
}

/**
 * The engine refuses a change that would charge other than the amount shown; the answer is a
 * 409 carrying the change priced now, so the client can show it without previewing again.
 */
function refusingChangedAmount<T>(apply: () => T): T {
  try {
    return apply();
  } catch (error) {
    if (!(error instanceof AmountChangedError)) throw error;
    throw new ProblemError(409, 'amount_changed', {
      detail: error.message,
      extensions: { quote: quoteResource(error.quote) },
    });
  }
}

function describePrice({ subtotal, amountDueNow }: ChangeQuote): string {
  return `${formatMoney(subtotal)} (${formatMoney(amountDueNow)} due now)`;
}

/** A quote is open through its `validUntil` day; the clock, not a job, expires it. */
function refreshQuoteStatus(quote: StoredQuote, today: IsoDate): StoredQuote {
  if (quote.status === 'open' && quote.validUntil < today) quote.status = 'expired';
  return quote;
}

function findQuote({ team, path, today }: OperationContext): StoredQuote {
  const quote = team.quotes.find((candidate) => candidate.id === path.quoteId);
  if (!quote) throw notFound('quote_not_found', `No quote ${path.quoteId} on team ${team.id}`);
  return refreshQuoteStatus(quote, today);
}

/** A quoted seat order as the engine takes it: invoice first, on the quoted plan or the current one. */
function seatOrderRequest(seats: number, change: SubscriptionChange): SeatOrderRequest {
  return {
    seats,
    ...(change.planId === undefined ? {} : { planId: change.planId }),
    collectionMethod: 'send_invoice',
  };
}

/** Prices a quote's request today. */
function priceQuote(context: OperationContext, { change, seatOrder }: QuoteRequest): ChangeQuote {
  const { team, today } = context;
  return seatOrder
    ? quoteSeatOrder(
        team.state,
        seatOrderRequest(seatOrder.seats, change),
        today,
        engineOf(context),
      )
    : quoteChange(team.state, change, today, engineOf(context));
}

/**
 * The engine points into its own request; a quote's body nests the change under `change` and
 * the order under `seatOrder`, so its refusals are re-pointed there.
 */
function inQuoteBody<T>({ seatOrder }: QuoteRequest, price: () => T): T {
  try {
    return price();
  } catch (error) {
    if (!(error instanceof BillingError)) throw error;
    throw new BillingError(error.code, error.message, quoteBodyPointer(error.pointer, seatOrder));
  }
}

function quoteBodyPointer(pointer: string | null, seatOrder: QuoteRequest['seatOrder']) {
  if (seatOrder && (pointer === null || pointer === '/seats')) return `/seatOrder${pointer ?? ''}`;
  return pointer === null ? null : `/change${pointer}`;
}

/**
 * Applies a quote's request today, invoice first: what is due now becomes an open
 * `send_invoice` invoice, whatever the team's collection method.
 */
function applyQuote(
  context: OperationContext,
  { change, seatOrder }: QuoteRequest,
): AppliedOutcome {
  const { team, today } = context;
  return seatOrder
    ? placeSeatOrder(
        team.state,
        seatOrderRequest(seatOrder.seats, change),
        today,
        engineOf(context),
      )
    : applyChange(team.state, change, today, engineOf(context), {
        collectionMethod: 'send_invoice',
      });
}

/** Test tokens of the mock payment provider; `tok_chargeDeclined` stores a card that declines. */
const cardsByToken: Record<string, [brand: string, last4: string]> = {
  tok_visa: ['visa', '4242'],
  tok_mastercard: ['mastercard', '4444'],
  tok_amex: ['amex', '8431'],
  tok_chargeDeclined: ['visa', '0341'],
};

function paymentMethodFromToken(
  id: string,
  type: PaymentMethodType,
  token: string,
  now: Date,
): PaymentMethod {
  const [brand, last4] = cardsByToken[token] ?? ['visa', '4242'];
  return {
    id,
    type,
    isDefault: false,
    createdAt: toIsoInstant(now),
    card:
      type === 'card' ? { brand, last4, expMonth: 12, expYear: now.getUTCFullYear() + 3 } : null,
    bank:
      type === 'card'
        ? null
        : { bankName: type === 'ach' ? 'First Demo Bank' : 'Demo Wire Bank', last4: '6789' },
  };
}

/** A payment method as history events name it: its type, brand or bank, and last four digits. */
function methodParams(method: PaymentMethod): PaymentMethodParams {
  return {
    paymentMethodId: method.id,
    methodType: method.type,
    issuer: method.card?.brand ?? method.bank?.bankName ?? '',
    last4: method.card?.last4 ?? method.bank?.last4 ?? '',
  };
}

export const operations: OperationTable = {
  listPlans: {
    permission: 'view',
    handle: (context) =>
      context.ok({ data: engineOf(context).catalog.plans.map(planResource), nextCursor: null }),
  },

  getBillingOverview: {
    permission: 'view',
    handle: (context) =>
      context.ok(overviewResource(context.team, context.viewer, context.today, engineOf(context))),
  },

  getSubscription: {
    permission: 'view',
    handle: (context) => context.ok(subscriptionJson(context), etag(context.team)),
  },

  previewSubscriptionChange: {
    permission: 'manageBilling',
    handle: (context) => {
      const change = context.body as SubscriptionChange;
      assertKnownPlan(context, change.planId);
      const quote = quoteChange(context.team.state, change, context.today, engineOf(context));
      return context.ok(quoteResource(quote));
    },
  },

  applySubscriptionChange: {
    permission: 'manageBilling',
    handle: (context) => {
      const { expectedAmountDue, ...change } = context.body as SubscriptionChange & {
        expectedAmountDue?: Money;
      };
      const { team, today, viewer } = context;
      assertKnownPlan(context, change.planId);
      const outcome = refusingChangedAmount(() =>
        applyChange(team.state, change, today, engineOf(context), {
          ...(expectedAmountDue === undefined ? {} : { expectedAmountDue }),
        }),
      );
      const declined =
        outcome.invoice !== null &&
        outcome.invoice.collectionMethod === 'charge_automatically' &&
        outcome.invoice.amountDue.amount > 0;
      // A declined charge leaves the subscription unchanged (the outcome is dropped).
      if (declined && !team.paymentMethods.some((method) => method.isDefault)) {
        throw new ProblemError(409, 'no_payment_method', {
          detail: 'This change is charged now: add a payment method first; nothing was changed',
        });
      }
      if (declined) {
        throw new ProblemError(402, 'payment_failed', {
          detail: 'The charge for this change was declined; nothing was changed',
        });
      }
      commitOutcome(team, outcome, viewer, context.now);
      return context.ok(appliedChangeJson(context, outcome), etag(team));
    },
  },

  getStandingInstructions: {
    permission: 'view',
    handle: (context) => context.ok(standingInstructionsResource(context.team)),
  },

  setStandingInstructions: {
    permission: 'manageBilling',
    handle: (context) => {
      const instructions = context.body as {
        action: 'renew' | 'change' | 'cancel';
        planId?: string;
        interval?: Interval;
        seats?: number;
        addOns?: AddOnSelection[];
      };
      assertKnownPlan(context, instructions.planId);
      const { team, today } = context;
      commitOutcome(
        team,
        setStandingInstructions(team.state, instructions, today, engineOf(context)),
        context.viewer,
        context.now,
      );
      return context.ok(standingInstructionsResource(team), etag(team));
    },
  },

  getAutoFlex: {
    permission: 'view',
    handle: (context) =>
      context.ok(autoFlexResource(context.team, context.today, engineOf(context))),
  },

  enableAutoFlex: {
    permission: 'manageBilling',
    handle: (context) => {
      const { team, today } = context;
      const { termsVersion } = context.body as { acceptTerms: true; termsVersion: string };
      if (team.state.subscription.policy.membersAboveSeats !== 'auto_flex') {
        throw new ProblemError(409, 'auto_flex_not_available', {
          detail: `Auto-flex is only available on prorate billing; this team is billed by ${team.state.subscription.policy.name}.`,
        });
      }
      if (termsVersion !== autoFlexTermsVersion) {
        throw fieldProblem(
          '/termsVersion',
          'terms_version_outdated',
          `The current terms version is ${autoFlexTermsVersion}.`,
        );
      }
      if (!team.state.autoFlex.enabled) {
        const outcome = enableAutoFlex(team.state, { termsVersion }, today, engineOf(context));
        commitOutcome(team, outcome, context.viewer, context.now);
      }
      return context.ok(autoFlexResource(team, today, engineOf(context)));
    },
  },

  listUsage: {
    permission: 'view',
    handle: (context) => {
      const { team, query } = context;
      const requested = query.period;
      const usage =
        requested === undefined || requested === team.state.usage.period.start
          ? usageSummary(team.state, engineOf(context))
          : team.usageHistory.get(String(requested));
      if (!usage)
        throw notFound('usage_period_not_found', `No usage period starts on ${String(requested)}`);
      return context.ok({ data: usage.map(usageResource), nextCursor: null });
    },
  },

  getUsageDetail: {
    permission: 'view',
    handle: (context) => context.ok(findUsage(context)),
  },

  setOveragePolicy: {
    permission: 'manageBilling',
    handle: (context) => {
      const resourceId = findUsage(context).resourceId;
      const { policy } = context.body as { policy: 'allowed' | 'disallowed' };
      const outcome = setOveragePolicy(
        context.team.state,
        resourceId,
        policy,
        context.today,
        engineOf(context),
      );
      commitOutcome(context.team, outcome, context.viewer, context.now);
      return context.ok(usageResource(findUsage(context)));
    },
  },

  listInvoices: {
    permission: 'viewInvoices',
    handle: (context) => {
      const { team, query } = context;
      const invoices = [...team.state.invoices]
        .filter((invoice) => query.status === undefined || invoice.status === query.status)
        .reverse()
        .sort((a, b) => newestFirst(a.issueDate, b.issueDate));
      const page = paginate(invoices, query);
      return context.ok({
        ...page,
        data: page.data.map((invoice) => invoiceResource(team, invoice, context.today)),
      });
    },
  },

  getInvoice: {
    permission: 'viewInvoices',
    handle: (context) =>
      context.ok(invoiceResource(context.team, findInvoice(context), context.today)),
  },

  getInvoicePdf: {
    permission: 'viewInvoices',
    handle: async (context) => {
      const invoice = invoiceResource(context.team, findInvoice(context), context.today);
      if (invoice.status === 'draft')
        throw notFound('invoice_not_found', `Draft invoice ${invoice.number} has no PDF yet`);
      return new Response(await renderInvoicePdf(invoice, invoiceSeller), {
        status: 200,
        headers: {
          'content-type': 'application/pdf',
          'content-disposition': `inline; filename="${invoice.number}.pdf"`,
        },
      });
    },
  },

  payInvoice: {
    permission: 'manageBilling',
    handle: (context) => {
      const { team, today, viewer } = context;
      const invoice = findInvoice(context);
      if (invoice.status !== 'open') {
        throw new ProblemError(409, 'invoice_not_open', {
          detail: `Invoice ${invoice.number} is ${invoice.status}`,
        });
      }
      const { paymentMethodId } = (context.body ?? {}) as { paymentMethodId?: string };
      const method =
        paymentMethodId === undefined
          ? team.paymentMethods.find((candidate) => candidate.isDefault)
          : findPaymentMethod(team, paymentMethodId, '/paymentMethodId');
      if (!method) {
        throw fieldProblem('/paymentMethodId', 'no_payment_method', 'Add a payment method first');
      }
      const succeeded = !team.decliningMethodIds.has(method.id);
      const outcome = payInvoice(team.state, invoice.id, today, engineOf(context), {
        succeeded,
        paymentMethodId: method.id,
      });
      commitOutcome(team, outcome, viewer, context.now);
      if (!succeeded) {
        throw new ProblemError(402, 'payment_failed', {
          detail: `The ${paymentMethodName(methodParams(method))} was declined`,
        });
      }
      return context.ok(invoiceResource(team, findInvoice(context), today));
    },
  },

  refundInvoice: {
    permission: 'manageBilling',
    handle: (context) => {
      const { team, today, viewer } = context;
      const invoice = findInvoice(context);
      const request = context.body as {
        amount?: Money;
        destination: RefundDestination;
        reason?: string;
      };
      const { country } = invoiceBillingDetails(team, invoice).address;
      const outcome = refundInvoice(
        team.state,
        { ...request, invoiceId: invoice.id, country },
        today,
      );
      commitOutcome(team, outcome, viewer, context.now);
      return context.ok(invoiceResource(team, findInvoice(context), today));
    },
  },

  listPaymentMethods: {
    permission: 'managePaymentMethods',
    handle: (context) => {
      const methods = [...context.team.paymentMethods].sort(
        (a, b) => Number(b.isDefault) - Number(a.isDefault),
      );
      return context.ok(paginate(methods, context.query));
    },
  },

  createPaymentMethodSetup: {
    permission: 'managePaymentMethods',
    handle: (context) => {
      const { type } = context.body as { type: PaymentMethodType };
      if (type !== 'card' && !isInvoicePaying(context)) {
        throw fieldProblem(
          '/type',
          'payment_method_not_allowed',
          'Bank payments are available to invoice-paying Enterprise teams only',
        );
      }
      const id = nextId(context.team, 'seti');
      const setup = {
        id,
        type,
        provider: 'mockpay',
        clientSecret: `${id}_secret_${context.team.sequence}`,
        expiresAt: toIsoInstant(new Date(context.now.getTime() + 3_600_000)),
      };
      context.team.setups.push(setup);
      return context.ok(setup);
    },
  },

  attachPaymentMethod: {
    permission: 'managePaymentMethods',
    handle: (context) => {
      const { team, now, today, viewer } = context;
      const { setupId, providerToken, makeDefault } = context.body as {
        setupId: string;
        providerToken: string;
        makeDefault?: boolean;
      };
      if (team.usedSetupIds.has(setupId)) {
        throw new ProblemError(409, 'setup_already_used', {
          detail: `Setup ${setupId} was already attached`,
        });
      }
      const setup = team.setups.find((candidate) => candidate.id === setupId);
      if (!setup)
        throw fieldProblem('/setupId', 'unknown_setup', `No payment method setup ${setupId}`);
      if (setup.expiresAt < toIsoInstant(now)) {
        throw fieldProblem('/setupId', 'setup_expired', 'The setup expired; start a new one');
      }
      team.usedSetupIds.add(setupId);
      const method = paymentMethodFromToken(nextId(team, 'pm'), setup.type, providerToken, now);
      if (providerToken === 'tok_chargeDeclined') team.decliningMethodIds.add(method.id);
      team.paymentMethods.push(method);
      recordEvent(
        team,
        {
          reason: eventReason('payment_method_added', methodParams(method)),
          actor: viewer,
        },
        now,
      );
      if (makeDefault === true || !team.paymentMethods.some((candidate) => candidate.isDefault)) {
        makeDefaultPaymentMethod(team, method.id, today);
      }
      return context.ok(method);
    },
  },

  deletePaymentMethod: {
    permission: 'managePaymentMethods',
    handle: (context) => {
      const { team, now, today, viewer } = context;
      const method = findPaymentMethod(team, context.path.paymentMethodId ?? '');
      if (method.isDefault && team.state.subscription.planId !== 'free') {
        throw new ProblemError(409, 'default_payment_method', {
          detail: 'A paid plan keeps a default payment method: make another one the default first',
        });
      }
      team.paymentMethods = team.paymentMethods.filter((candidate) => candidate !== method);
      if (method.isDefault) makeDefaultPaymentMethod(team, null, today);
      recordEvent(
        team,
        {
          reason: eventReason('payment_method_removed', methodParams(method)),
          actor: viewer,
        },
        now,
      );
      return context.ok();
    },
  },

  setDefaultPaymentMethod: {
    permission: 'managePaymentMethods',
    handle: (context) => {
      const { team, now, today, viewer } = context;
      const method = findPaymentMethod(team, context.path.paymentMethodId ?? '');
      if (!method.isDefault) {
        makeDefaultPaymentMethod(team, method.id, today);
        recordEvent(
          team,
          {
            reason: eventReason('payment_method_made_default', methodParams(method)),
            actor: viewer,
          },
          now,
        );
      }
      return context.ok(method);
    },
  },

  getBillingDetails: {
    permission: 'managePaymentMethods',
    handle: (context) => context.ok(context.team.billingDetails),
  },

  updateBillingDetails: {
    permission: 'managePaymentMethods',
    handle: (context) => {
      const details = context.body as BillingDetails;
      const vatId = details.vatId ?? null;
      if (vatId !== null && !isValidVatId(vatId)) {
        throw fieldProblem(
          '/vatId',
          'invalid_vat_id',
          `${vatId} is not a valid EU VAT ID (country prefix, then the national number)`,
        );
      }
      context.team.billingDetails = { ...details, vatId: vatId && normalizeVatId(vatId) };
      recordEvent(
        context.team,
        {
          reason: eventReason('billing_details_updated', {}),
          actor: context.viewer,
        },
        context.now,
      );
      return context.ok(context.team.billingDetails);
    },
  },

  listBillingEvents: {
    permission: 'viewInvoices',
    handle: (context) => {
      const events = [...context.team.events]
        .filter((event) => context.query.type === undefined || event.type === context.query.type)
        .map((event) => ({ ...event, occurredAt: dateTime(event.occurredAt) }))
        .reverse()
        .sort((a, b) => newestFirst(a.occurredAt, b.occurredAt));
      return context.ok(paginate(events, context.query));
    },
  },

  getCredits: {
    permission: 'viewInvoices',
    handle: (context) => {
      const { balance, entries } = context.team.state.credits;
      return context.ok({ balance, entries: [...entries].reverse().map(creditEntryResource) });
    },
  },

  contributeCredits: {
    permission: 'contributeCredits',
    handle: (context) => {
      const { team, viewer } = context;
      const { amount } = context.body as { amount: Money };
      const currency = engineOf(context).catalog.currency;
      if (amount.currency !== currency) {
        throw fieldProblem(
          '/amount/currency',
          'unsupported_currency',
          `Credits are in ${currency}`,
        );
      }
      if (amount.amount <= 0) {
        throw fieldProblem('/amount/amount', 'not_positive', 'Contribute a positive amount');
      }
      const personal = team.personalCredits.get(viewer.id) ?? defaultPersonalCredits;
      if (amount.amount > personal) {
        throw fieldProblem(
          '/amount/amount',
          'insufficient_personal_credits',
          `Your personal balance is ${formatMoney({ amount: personal, currency: amount.currency })}`,
        );
      }
      const outcome = addCredit(
        team.state,
        {
          amount,
          reason: creditReason('credits_contributed', {
            memberId: viewer.id,
            memberName: viewer.name,
          }),
        },
        context.today,
      );
      commitOutcome(team, outcome, viewer, context.now);
      team.personalCredits.set(viewer.id, personal - amount.amount);
      const entry = outcome.state.credits.entries.at(-1);
      if (!entry) throw new Error('addCredit recorded no credit entry');
      return context.ok(creditEntryResource(entry));
    },
  },

  createQuote: {
    permission: 'manageBilling',
    handle: (context) => {
      const { team, today, now, viewer } = context;
      const body = context.body as { change: SubscriptionChange; seatOrder?: { seats: number } };
      const request: QuoteRequest = { change: body.change, seatOrder: body.seatOrder ?? null };
      assertKnownPlan(context, request.change.planId);
      if (request.seatOrder && !team.state.subscription.policy.seatOrders) {
        throw fieldProblem(
          '/seatOrder',
          'seat_order_not_available',
          'Yearly seat orders are for term-credit teams',
        );
      }
      const quote = inQuoteBody(request, () => {
        const priced = priceQuote(context, request);
        requirePossible(priced);
        return priced;
      });
      const stored: StoredQuote = {
        id: nextId(team, 'quo'),
        number: `Q-${today.slice(0, 4)}-${String(team.quotes.length + 1).padStart(4, '0')}`,
        status: 'open',
        createdAt: toIsoInstant(now),
        validUntil: addDays(today, 30),
        ...request,
        quote,
        billingDetails: structuredClone(team.billingDetails),
        invoiceId: null,
      };
      team.quotes.push(stored);
      recordEvent(
        team,
        {
          reason: eventReason('quote_created', { quoteNumber: stored.number }),
          actor: viewer,
          amount: quote.amountDueNow,
        },
        now,
      );
      return context.ok(storedQuoteResource(stored));
    },
  },

  listQuotes: {
    permission: 'manageBilling',
    handle: (context) => {
      const quotes = [...context.team.quotes]
        .reverse()
        .map((quote) => storedQuoteResource(refreshQuoteStatus(quote, context.today)));
      return context.ok(paginate(quotes, context.query));
    },
  },

  getQuote: {
    permission: 'manageBilling',
    handle: (context) => context.ok(storedQuoteResource(findQuote(context))),
  },

  acceptQuote: {
    permission: 'manageBilling',
    handle: (context) => {
      const { team, viewer } = context;
      const stored = findQuote(context);
      if (stored.status === 'accepted') {
        throw new ProblemError(409, 'quote_not_open', {
          detail: `Quote ${stored.number} was already accepted`,
        });
      }
      if (stored.status === 'expired') {
        throw new ProblemError(409, 'quote_expired', {
          detail: `Quote ${stored.number} was valid until ${stored.validUntil}; create a new quote`,
        });
      }
      // Applied (not yet committed) on today's prices; refused below if they moved.
      const outcome = applyQuote(context, stored);
      const { quote: repriced } = outcome;
      const { quote } = stored;
      if (
        repriced.subtotal.amount !== quote.subtotal.amount ||
        repriced.amountDueNow.amount !== quote.amountDueNow.amount
      ) {
        throw new ProblemError(409, 'quote_outdated', {
          detail: `Quote ${stored.number} was priced at ${describePrice(quote)} on ${stored.createdAt.slice(0, 10)}; today it comes to ${describePrice(repriced)}. Create a new quote.`,
        });
      }
      commitOutcome(team, outcome, viewer, context.now);
      stored.status = 'accepted';
      stored.invoiceId = outcome.invoice?.id ?? null;
      recordEvent(
        team,
        {
          reason: eventReason('quote_accepted', { quoteNumber: stored.number }),
          actor: viewer,
          amount: quote.amountDueNow,
          invoiceId: stored.invoiceId,
        },
        context.now,
      );
      return context.ok(appliedChangeJson(context, outcome), etag(team));
    },
  },
};
