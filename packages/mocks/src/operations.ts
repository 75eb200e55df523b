/**
 * Every contract operation, on the engine. Routing, roles, validation,
 * If-Match and idempotency are the route helper's job (app.ts); these handlers
 * only do the operation itself.
 */
import {
  type AddOnSelection,
  addCredit,
  addDays,
  applyChange,
  autoFlexStatus,
  type ChangeQuote,
  enableAutoFlex,
  type Interval,
  type Money,
  payInvoice,
  quoteChange,
  quoteSeatOrder,
  type SubscriptionChange,
  setOveragePolicy,
  setPaymentMethod,
  setStandingInstructions,
  usageSummary,
} from '@billkit/engine';
import type { OperationContext, OperationTable } from './app.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { fieldProblem, ProblemError } from './problem.js';
import { commitOutcome, type MockTeam, nextId, recordEvent } from './store.js';
import type { BillingDetails, PaymentMethod, PaymentMethodType } from './types.js';
import { isValidVatId, normalizeVatId } from './vat.js';
import {
  autoFlexResource,
  creditEntryResource,
  dateTime,
  invoiceResource,
  overviewResource,
  planResource,
  quoteResource,
  standingInstructionsResource,
  storedQuoteResource,
  subscriptionResource,
  usageResource,
} from './views.js';

/** Opaque cursors are base64 offsets into the (stable, newest-first) list. */
function paginate<T>(
  items: T[],
  query: Record<string, unknown>,
): { data: T[]; nextCursor: string | null } {
  const limit = typeof query.limit === 'number' ? query.limit : 25;
  let offset = 0;
  if (typeof query.cursor === 'string') {
    offset = Number.parseInt(atob(query.cursor.replace(/[^A-Za-z0-9+/=]/g, '')) || 'NaN', 10);
    if (!Number.isSafeInteger(offset) || offset < 0) {
      throw new ProblemError(422, 'validation_failed', {
        detail: 'Unknown cursor',
        errors: [
          {
            pointer: '#/query/cursor',
            code: 'invalid_cursor',
            message: 'is not a cursor of this list',
          },
        ],
      });
    }
  }
  const data = items.slice(offset, offset + limit);
  return { data, nextCursor: offset + limit < items.length ? btoa(String(offset + limit)) : null };
}

function engineOf({ runtime }: OperationContext) {
  return runtime.store.engine;
}

function subscriptionJson(context: OperationContext) {
  return subscriptionResource(context.team, context.today, engineOf(context));
}

function findInvoice({ team, path }: OperationContext) {
  const invoice = team.state.invoices.find((candidate) => candidate.id === path.invoiceId);
  if (!invoice)
    throw new ProblemError(404, 'invoice_not_found', { detail: `No invoice ${path.invoiceId}` });
  return invoice;
}

function findPaymentMethod(
  team: MockTeam,
  paymentMethodId: string,
  pointer?: string,
): PaymentMethod {
  const method = team.paymentMethods.find((candidate) => candidate.id === paymentMethodId);
  if (method) return method;
  if (pointer)
    throw fieldProblem(pointer, 'unknown_payment_method', `No payment method ${paymentMethodId}`);
  throw new ProblemError(404, 'payment_method_not_found', {
    detail: `No payment method ${paymentMethodId}`,
  });
}

function findUsage(context: OperationContext) {
  const usage = usageSummary(context.team.state, engineOf(context)).find(
    (candidate) => candidate.resourceId === context.path.resourceId,
  );
  if (!usage)
    throw new ProblemError(404, 'resource_not_found', {
      detail: `No metered resource ${context.path.resourceId}`,
    });
  return usage;
}

function isInvoicePaying(context: OperationContext): boolean {
  const { subscription } = context.team.state;
  const plan = engineOf(context).catalog.plans.find(
    (candidate) => candidate.id === subscription.planId,
  );
  return subscription.collectionMethod === 'send_invoice' || plan?.invoicePaying === true;
}

/**
 * Business-rule checks the schema cannot express, with the field they concern.
 * Quotes that are merely not possible *now* stay 200 previews with a restriction.
 */
function assertChangeAcceptable(context: OperationContext, change: SubscriptionChange): void {
  if (
    change.planId === undefined &&
    change.interval === undefined &&
    change.seats === undefined &&
    change.addOns === undefined
  ) {
    throw fieldProblem(
      '/',
      'empty_change',
      'Give at least one of planId, interval, seats or addOns',
    );
  }
  if (
    change.planId !== undefined &&
    !engineOf(context).catalog.plans.some((plan) => plan.id === change.planId)
  ) {
    throw fieldProblem('/planId', 'unknown_plan', `Unknown plan ${change.planId}`);
  }
}

/** An impossible change asked to be applied: 422 on the field that makes it impossible. */
function refuseImpossible(quote: ChangeQuote): never {
  const restriction = quote.restriction;
  const code = restriction?.code ?? 'change_not_possible';
  const message = restriction?.message ?? 'This change is not possible';
  const pointer: Record<string, string> = {
    seats_below_members: '/seats',
    seat_decrease_at_renewal: '/timing',
    annual_to_monthly_at_renewal: '/timing',
    downgrade_at_renewal: '/timing',
    seat_order_locked: '/seats',
    contact_sales: '/planId',
  };
  throw fieldProblem(pointer[code] ?? '/', code, message);
}

function paymentMethodFromToken(
  id: string,
  type: PaymentMethodType,
  token: string,
  now: Date,
): PaymentMethod {
  const last4ByToken: Record<string, [string, string]> = {
    tok_visa: ['visa', '4242'],
    tok_mastercard: ['mastercard', '4444'],
    tok_amex: ['amex', '8431'],
    tok_chargeDeclined: ['visa', '0341'],
  };
  const [brand, last4] = last4ByToken[token] ?? ['visa', '4242'];
  return {
    id,
    type,
    isDefault: false,
    createdAt: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    card:
      type === 'card' ? { brand, last4, expMonth: 12, expYear: now.getUTCFullYear() + 3 } : null,
    bank:
      type === 'card'
        ? null
        : { bankName: type === 'ach' ? 'First Demo Bank' : 'Demo Wire Bank', last4: '6789' },
  };
}

/** Makes a method the primary one, in the mock and in the engine's payment state. */
export function makeDefaultPaymentMethod(
  team: MockTeam,
  methodId: string | null,
  today: string,
): void {
  for (const method of team.paymentMethods) method.isDefault = method.id === methodId;
  commitOutcome(
    team,
    setPaymentMethod(
      team.state,
      { methodId, failCharges: methodId !== null && team.decliningMethodIds.has(methodId) },
      today,
    ),
    null,
  );
}

function isoNow(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const operations: OperationTable = {
  listPlans: {
    permission: 'view',
    handle: (context) => context.ok({ data: engineOf(context).catalog.plans.map(planResource) }),
  },

  getBillingOverview: {
    permission: 'view',
    handle: (context) =>
      context.ok(overviewResource(context.team, context.viewer, context.today, engineOf(context))),
  },

  getSubscription: {
    permission: 'view',
    handle: (context) =>
      context.ok(subscriptionJson(context), { etag: `"${context.team.version}"` }),
  },

  previewSubscriptionChange: {
    permission: 'manageBilling',
    handle: (context) => {
      const change = context.body as SubscriptionChange;
      assertChangeAcceptable(context, change);
      return context.ok(
        quoteResource(quoteChange(context.team.state, change, context.today, engineOf(context))),
      );
    },
  },

  applySubscriptionChange: {
    permission: 'manageBilling',
    handle: (context) => {
      const change = context.body as SubscriptionChange;
      const { team, today, viewer } = context;
      assertChangeAcceptable(context, change);
      const quote = quoteChange(team.state, change, today, engineOf(context));
      if (!quote.possible) refuseImpossible(quote);
      const outcome = applyChange(team.state, change, today, engineOf(context));
      commitOutcome(team, outcome, viewer);
      return context.ok(
        {
          subscription: subscriptionJson(context),
          quote: quoteResource(outcome.quote),
          invoice: outcome.invoice && invoiceResource(team, outcome.invoice),
          scheduledChange: outcome.scheduledChange,
        },
        { etag: `"${team.version}"` },
      );
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
      if (
        instructions.planId !== undefined &&
        !engineOf(context).catalog.plans.some((plan) => plan.id === instructions.planId)
      ) {
        throw fieldProblem('/planId', 'unknown_plan', `Unknown plan ${instructions.planId}`);
      }
      commitOutcome(
        context.team,
        setStandingInstructions(context.team.state, instructions, context.today, engineOf(context)),
        context.viewer,
      );
      return context.ok(standingInstructionsResource(context.team), {
        etag: `"${context.team.version}"`,
      });
    },
  },

  getAutoFlex: {
    permission: 'view',
    handle: (context) =>
      context.ok(
        autoFlexResource(autoFlexStatus(context.team.state, context.today, engineOf(context))),
      ),
  },

  enableAutoFlex: {
    permission: 'manageBilling',
    handle: (context) => {
      const { termsVersion } = context.body as { acceptTerms: true; termsVersion: string };
      commitOutcome(
        context.team,
        enableAutoFlex(context.team.state, { termsVersion }, context.today, engineOf(context)),
        context.viewer,
      );
      return context.ok(
        autoFlexResource(autoFlexStatus(context.team.state, context.today, engineOf(context))),
      );
    },
  },

  listUsage: {
    permission: 'view',
    handle: (context) => {
      const current = usageSummary(context.team.state, engineOf(context));
      const requested = context.query.period;
      if (requested === undefined || requested === context.team.state.usage.period.start) {
        return context.ok({ data: current.map(usageResource) });
      }
      const archived = context.team.usageHistory.get(String(requested));
      if (!archived) {
        throw new ProblemError(404, 'usage_period_not_found', {
          detail: `No usage period starts on ${String(requested)}`,
        });
      }
      return context.ok({ data: archived.map(usageResource) });
    },
  },

  getUsageDetail: {
    permission: 'view',
    handle: (context) => context.ok(findUsage(context)),
  },

  setOveragePolicy: {
    permission: 'manageBilling',
    handle: (context) => {
      findUsage(context);
      const { policy } = context.body as { policy: 'allowed' | 'disallowed' };
      const resourceId = context.path.resourceId ?? '';
      commitOutcome(
        context.team,
        setOveragePolicy(context.team.state, resourceId, policy, context.today, engineOf(context)),
        context.viewer,
      );
      return context.ok(usageResource(findUsage(context)));
    },
  },

  listInvoices: {
    permission: 'viewInvoices',
    handle: (context) => {
      const { team, query } = context;
      const newestFirst = [...team.state.invoices]
        .filter((invoice) => query.status === undefined || invoice.status === query.status)
        .reverse()
        .sort((a, b) => (a.issueDate < b.issueDate ? 1 : a.issueDate > b.issueDate ? -1 : 0));
      const page = paginate(newestFirst, query);
      return context.ok({
        ...page,
        data: page.data.map((invoice) => invoiceResource(team, invoice)),
      });
    },
  },

  getInvoice: {
    permission: 'viewInvoices',
    handle: (context) => context.ok(invoiceResource(context.team, findInvoice(context))),
  },

  getInvoicePdf: {
    permission: 'viewInvoices',
    handle: (context) => {
      const invoice = invoiceResource(context.team, findInvoice(context));
      return new Response(renderInvoicePdf(invoice, context.team.name), {
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
      if (!method)
        throw fieldProblem('/paymentMethodId', 'no_payment_method', 'Add a payment method first');
      const succeeded = !team.decliningMethodIds.has(method.id);
      commitOutcome(
        team,
        payInvoice(team.state, invoice.id, today, engineOf(context), {
          succeeded,
          paymentMethodId: method.id,
        }),
        viewer,
      );
      const updated = findInvoice(context);
      if (!succeeded) {
        throw new ProblemError(402, 'payment_failed', {
          detail: `The ${method.card?.brand ?? method.type} ending ${method.card?.last4 ?? method.bank?.last4} was declined`,
        });
      }
      return context.ok(invoiceResource(team, updated));
    },
  },

  listPaymentMethods: {
    permission: 'managePaymentMethods',
    handle: (context) => context.ok({ data: context.team.paymentMethods }),
  },

  createPaymentMethodSetup: {
    permission: 'managePaymentMethods',
    handle: (context) => {
      const { type } = context.body as { type: PaymentMethodType };
      if (type !== 'card' && !isInvoicePaying(context)) {
        throw fieldProblem(
          '/type',
          'payment_method_not_allowed',
          'Bank transfer, ACH and wire are for invoice-paying Enterprise teams',
        );
      }
      const id = nextId(context.team, 'seti');
      const setup = {
        id,
        type,
        provider: 'mockpay',
        clientSecret: `${id}_secret_${context.team.sequence}`,
        expiresAt: isoNow(new Date(context.now.getTime() + 3_600_000)),
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
      const setup = team.setups.find((candidate) => candidate.id === setupId);
      if (!setup)
        throw fieldProblem('/setupId', 'unknown_setup', `No payment method setup ${setupId}`);
      if (setup.expiresAt < isoNow(now))
        throw fieldProblem('/setupId', 'setup_expired', 'The setup expired; start a new one');
      team.setups = team.setups.filter((candidate) => candidate !== setup);
      const method = paymentMethodFromToken(nextId(team, 'pm'), setup.type, providerToken, now);
      if (providerToken === 'tok_chargeDeclined') team.decliningMethodIds.add(method.id);
      team.paymentMethods.push(method);
      recordEvent(
        team,
        { type: 'payment_method_added', actor: viewer, summary: `Added ${describeMethod(method)}` },
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
          detail: 'Make another payment method the default before removing this one',
        });
      }
      team.paymentMethods = team.paymentMethods.filter((candidate) => candidate !== method);
      if (method.isDefault) makeDefaultPaymentMethod(team, null, today);
      recordEvent(
        team,
        {
          type: 'payment_method_removed',
          actor: viewer,
          summary: `Removed ${describeMethod(method)}`,
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
      makeDefaultPaymentMethod(team, method.id, today);
      recordEvent(
        team,
        {
          type: 'default_payment_method_changed',
          actor: viewer,
          summary: `${describeMethod(method)} is now the default`,
        },
        now,
      );
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
      if (vatId !== null && vatId !== '' && !isValidVatId(vatId)) {
        throw fieldProblem(
          '/vatId',
          'invalid_vat_id',
          `${vatId} is not a valid EU VAT ID (country prefix and number)`,
        );
      }
      context.team.billingDetails = { ...details, vatId: vatId ? normalizeVatId(vatId) : null };
      recordEvent(
        context.team,
        {
          type: 'billing_details_updated',
          actor: context.viewer,
          summary: 'Billing details updated (future invoices)',
        },
        context.now,
      );
      return context.ok(context.team.billingDetails);
    },
  },

  listBillingEvents: {
    permission: 'viewInvoices',
    handle: (context) => {
      const newestFirst = [...context.team.events]
        .filter((event) => context.query.type === undefined || event.type === context.query.type)
        .reverse()
        .sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : 0))
        .map((event) => ({ ...event, occurredAt: dateTime(event.occurredAt) }));
      return context.ok(paginate(newestFirst, context.query));
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
      const { amount } = context.body as { amount: Money };
      const currency = engineOf(context).catalog.currency;
      if (amount.currency !== currency)
        throw fieldProblem(
          '/amount/currency',
          'unsupported_currency',
          `Credits are in ${currency}`,
        );
      if (amount.amount <= 0)
        throw fieldProblem('/amount/amount', 'not_positive', 'Contribute a positive amount');
      const outcome = addCredit(
        context.team.state,
        {
          amount,
          kind: 'contribution',
          description: `Personal credits contributed by ${context.viewer.name}`,
        },
        context.today,
      );
      commitOutcome(context.team, outcome, context.viewer);
      const entry = outcome.state.credits.entries.at(-1);
      if (!entry) throw new Error('addCredit recorded no credit entry');
      return context.ok(creditEntryResource(entry));
    },
  },

  createQuote: {
    permission: 'manageBilling',
    handle: (context) => {
      const { team, today, now, viewer } = context;
      const { change, seatOrder } = context.body as {
        change: SubscriptionChange;
        seatOrder?: { seats: number };
      };
      if (!seatOrder) assertChangeAcceptable(context, change);
      const quote = seatOrder
        ? quoteSeatOrder(
            team.state,
            {
              seats: seatOrder.seats,
              ...(change.planId === undefined ? {} : { planId: change.planId }),
              collectionMethod: 'send_invoice',
            },
            today,
            engineOf(context),
          )
        : quoteChange(team.state, change, today, engineOf(context));
      const id = nextId(team, 'quo');
      const stored = {
        id,
        number: `Q-${team.id.toUpperCase().slice(-6)}-${String(team.quotes.length + 1).padStart(4, '0')}`,
        status: 'open' as const,
        createdAt: isoNow(now),
        validUntil: addDays(today, 30),
        change,
        quote,
        billingDetails: structuredClone(team.billingDetails),
        seatOrder: seatOrder ?? null,
      };
      team.quotes.push(stored);
      recordEvent(
        team,
        {
          type: 'quote_created',
          actor: viewer,
          summary: `Quote ${stored.number} created`,
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
      for (const quote of context.team.quotes) {
        if (quote.status === 'open' && quote.validUntil < context.today) quote.status = 'expired';
      }
      return context.ok(
        paginate([...context.team.quotes].reverse().map(storedQuoteResource), context.query),
      );
    },
  },
};

function describeMethod(method: PaymentMethod): string {
  return method.card
    ? `${method.card.brand} ending ${method.card.last4}`
    : `${method.type.toUpperCase()} account ending ${method.bank?.last4}`;
}
