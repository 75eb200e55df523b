import { addDays } from './dates.js';
import { Draft, linesTotal } from './internal.js';
import {
  addMoney,
  BillingError,
  minMoney,
  money,
  negate,
  subtractMoney,
  sumMoney,
  zero,
} from './money.js';
import { gracePeriodNotice, paymentFailedNotice } from './notices.js';
import type {
  CollectionMethod,
  CreditEntry,
  EngineContext,
  Invoice,
  IsoDate,
  Money,
  Outcome,
  Period,
  QuoteLine,
  RefundDestination,
  TeamState,
} from './types.js';
import {
  type CreditReason,
  type CreditReasonParams,
  creditDescription,
  creditKindOf,
  creditReason,
  eventReason,
  formatAmount,
  type ReasonOf,
} from './wording.js';

export interface CreditInput {
  amount: Money;
  /**
   * Why the credit is given; its kind follows (`contribution`, `adjustment`). Refunds credit
   * the balance through `refundInvoice`, which holds them to what was paid.
   */
  reason: ReasonOf<CreditReasonParams, 'credits_contributed' | 'opening_balance'>;
}

/**
 * What the credit `balance` covers of an invoice whose lines add up to `total` (never more than
 * the total) and what is left to pay. A total below zero is a net credit: nothing is covered
 * and nothing is due (the invoice adds it to the balance). Quotes and invoices both use it, so
 * a quote's `creditApplied` and `amountDueNow` are its invoice's `creditApplied` and `amountDue`.
 */
export function applyCredit(
  balance: Money,
  total: Money,
): { creditApplied: Money; amountDue: Money } {
  if (total.amount <= 0) {
    return { creditApplied: zero(total.currency), amountDue: zero(total.currency) };
  }
  const creditApplied = balance.amount > 0 ? minMoney(balance, total) : zero(total.currency);
  return { creditApplied, amountDue: subtractMoney(total, creditApplied) };
}

/** Adds an entry to the credit ledger: its kind and English description follow from `reason`. */
export function recordCredit(
  draft: Draft,
  reason: CreditReason,
  amount: Money,
  createdAt: IsoDate,
  invoiceId: string | null,
): CreditEntry {
  const credit: CreditEntry = {
    id: draft.nextId('cre'),
    kind: creditKindOf(reason),
    amount,
    reason,
    description: creditDescription(reason),
    createdAt,
    invoiceId,
  };
  const credits = draft.edit('credits');
  draft.child(credits, 'entries').push(credit);
  credits.balance = addMoney(credits.balance, amount);
  return credit;
}

/**
 * Issues an invoice for `lines` on `issueDate`: its total is the sum of the lines; the credit
 * balance covers what it can, and the rest is collected (an automatic charge, or an open
 * invoice with payment terms for invoice-paying teams).
 */
export function issueInvoice(
  draft: Draft,
  lines: QuoteLine[],
  issueDate: IsoDate,
  period: Period | null,
  ctx: EngineContext,
  collectionMethod: CollectionMethod = draft.state.subscription.collectionMethod,
): Invoice {
  const invoiceSequence = draft.state.invoiceSequence + 1;
  draft.set({ invoiceSequence });
  const { state } = draft;
  const currency = state.credits.balance.currency;
  const id = draft.nextId('inv');
  const number = `${state.teamId.toUpperCase()}-${String(invoiceSequence).padStart(4, '0')}`;
  const total = linesTotal(lines, currency);
  const { creditApplied, amountDue } = applyCredit(state.credits.balance, total);
  const invoice: Invoice = {
    id,
    number,
    status: amountDue.amount === 0 ? 'paid' : 'open',
    issueDate,
    dueDate:
      collectionMethod === 'send_invoice'
        ? addDays(issueDate, state.subscription.policy.invoiceDueDays)
        : issueDate,
    period,
    lines,
    // Nothing is added to or taken from the lines (no tax, no invoice-level discount).
    subtotal: total,
    creditApplied,
    total,
    amountPaid: zero(currency),
    amountDue,
    collectionMethod,
    attempts: 0,
    nextAttemptDate: null,
    paymentMethodId: state.payment.methodId,
    paidAt: amountDue.amount === 0 ? issueDate : null,
    refunds: [],
  };
  draft.edit('invoices').push(draft.own(invoice));
  draft.touchInvoice(id);
  const ofInvoice = { invoiceNumber: number };
  draft.emit(issueDate, eventReason('invoice_issued', ofInvoice), total, id);
  if (total.amount !== 0) {
    draft.emit(issueDate, eventReason('charge_created', ofInvoice), total, id);
  }
  if (creditApplied.amount > 0) {
    const reason = creditReason('credit_applied', ofInvoice);
    recordCredit(draft, reason, negate(creditApplied), issueDate, id);
    draft.emit(issueDate, reason, creditApplied, id);
  }
  if (total.amount < 0) {
    // More credited than charged (e.g. a change that mostly credits unused time): keep it.
    const credit = negate(total);
    const reason = creditReason('invoice_net_credit', ofInvoice);
    recordCredit(draft, reason, credit, issueDate, id);
    draft.emit(issueDate, reason, credit, id);
  }
  if (invoice.status === 'open' && collectionMethod === 'charge_automatically') {
    attemptCharge(draft, invoice.id, issueDate, ctx);
  }
  return invoice;
}

function chargeSucceeds(
  draft: Draft,
  invoice: Invoice,
  date: IsoDate,
  ctx: EngineContext,
): boolean {
  const { state } = draft;
  if (ctx.charge) {
    return ctx.charge({ invoice, attemptNumber: invoice.attempts, date, state });
  }
  const hasMethod = state.payment.methodId !== null || invoice.collectionMethod === 'send_invoice';
  return hasMethod && !state.payment.failCharges;
}

/**
 * Whether an open invoice is overdue on `date`: a charge attempt failed, or its due date
 * passed. This is what keeps a team in dunning.
 */
export function hasUnpaidInvoices(state: TeamState, date: IsoDate): boolean {
  return state.invoices.some(
    (invoice) => invoice.status === 'open' && (invoice.attempts > 0 || invoice.dueDate < date),
  );
}

/** Marks `invoice` (writable, from `draft.invoice`) paid in full. */
function markPaid(draft: Draft, invoice: Invoice, date: IsoDate): void {
  invoice.status = 'paid';
  invoice.amountPaid = addMoney(invoice.amountPaid, invoice.amountDue);
  invoice.amountDue = zero(invoice.amountDue.currency);
  invoice.nextAttemptDate = null;
  invoice.paidAt = date;
  draft.touchInvoice(invoice.id);
  draft.emit(
    date,
    eventReason('invoice_paid', { invoiceNumber: invoice.number }),
    invoice.amountPaid,
    invoice.id,
  );
  const { state } = draft;
  if (state.payment.failingSince !== null && !hasUnpaidInvoices(state, date)) {
    Object.assign(draft.edit('payment'), { failingSince: null, graceEndsAt: null });
    const { status } = state.subscription;
    if (status === 'past_due' || status === 'deactivated') {
      draft.emit(date, eventReason('status_changed', { fromStatus: status, toStatus: 'active' }));
      draft.edit('subscription').status = 'active';
    }
  }
}

/** Starts (or continues) dunning: `past_due` for the grace period counted from `since`. */
export function enterDunning(draft: Draft, since: IsoDate): void {
  const { payment, subscription } = draft.state;
  if (payment.failingSince !== null) return;
  const graceEndsAt = addDays(since, subscription.policy.graceDays);
  Object.assign(draft.edit('payment'), { failingSince: since, graceEndsAt });
  if (subscription.status !== 'past_due') {
    draft.emit(
      since,
      eventReason('status_changed', { fromStatus: subscription.status, toStatus: 'past_due' }),
    );
    draft.edit('subscription').status = 'past_due';
  }
  draft.notify(
    gracePeriodNotice(graceEndsAt, subscription.policy.graceDays),
    since,
    `grace:${since}`,
  );
}

/** One automatic payment attempt on `date` for the open invoice `invoiceId`. */
export function attemptCharge(
  draft: Draft,
  invoiceId: string,
  date: IsoDate,
  ctx: EngineContext,
): void {
  const { policy } = draft.state.subscription;
  const invoice = draft.invoice(invoiceId);
  invoice.attempts += 1;
  draft.touchInvoice(invoice.id);
  if (chargeSucceeds(draft, invoice, date, ctx)) {
    markPaid(draft, invoice, date);
    return;
  }
  invoice.nextAttemptDate =
    invoice.attempts < policy.maxPaymentAttempts ? addDays(date, policy.retrySpacingDays) : null;
  draft.emit(
    date,
    eventReason('payment_attempt_failed', {
      invoiceNumber: invoice.number,
      attempt: invoice.attempts,
      maxAttempts: policy.maxPaymentAttempts,
    }),
    invoice.amountDue,
    invoice.id,
  );
  // The grace period runs from the first failure of a dunning episode (see `enterDunning`).
  const graceEndsAt = draft.state.payment.graceEndsAt ?? addDays(date, policy.graceDays);
  draft.notify(
    paymentFailedNotice(invoice, policy.maxPaymentAttempts, graceEndsAt),
    date,
    `payment_failed:${invoice.id}:${invoice.attempts}`,
  );
  enterDunning(draft, date);
}

/** Pays an open invoice now (a manual payment, or a bank transfer received). */
export function payInvoice(
  state: TeamState,
  invoiceId: string,
  today: IsoDate,
  ctx: EngineContext,
  options: { succeeded?: boolean; paymentMethodId?: string } = {},
): Outcome {
  const draft = new Draft(state);
  const invoice = draft.invoice(invoiceId);
  if (invoice.status !== 'open') {
    throw new BillingError('invoice_not_open', `Invoice ${invoice.number} is ${invoice.status}`);
  }
  if (options.paymentMethodId) invoice.paymentMethodId = options.paymentMethodId;
  const succeeded = options.succeeded ?? chargeSucceeds(draft, invoice, today, ctx);
  draft.touchInvoice(invoice.id);
  if (succeeded) {
    markPaid(draft, invoice, today);
  } else {
    draft.emit(
      today,
      eventReason('payment_failed', { invoiceNumber: invoice.number }),
      invoice.amountDue,
      invoice.id,
    );
    // A declined charge starts the grace period; an invoice paid by invoice has until its due
    // date, and its grace counts from then (a declined early payment changes nothing).
    if (invoice.collectionMethod === 'charge_automatically') enterDunning(draft, today);
    else if (invoice.dueDate < today) enterDunning(draft, invoice.dueDate);
  }
  return draft.outcome();
}

/** Sets the primary payment method and whether its charges succeed (simulation input). */
export function setPaymentMethod(
  state: TeamState,
  method: { methodId: string | null; failCharges?: boolean },
  today: IsoDate,
): Outcome {
  const draft = new Draft(state);
  const previous = state.payment.methodId;
  const failCharges = method.failCharges ?? state.payment.failCharges;
  if (previous !== method.methodId || failCharges !== state.payment.failCharges) {
    Object.assign(draft.edit('payment'), { methodId: method.methodId, failCharges });
  }
  if (previous !== method.methodId) {
    draft.emit(
      today,
      method.methodId === null
        ? eventReason('default_payment_method_cleared', {})
        : eventReason('default_payment_method_set', { paymentMethodId: method.methodId }),
    );
  }
  return draft.outcome();
}

/**
 * Countries with mandatory refund rules (the EU's member states and the UK), where a charge
 * can be refunded for 14 more days after the usual 72 hours.
 */
const mandatoryRefundCountries = new Set([
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
  'GB',
]);

/** Days after the payment day during which a charge can be refunded (72 hours, as days). */
const refundDays = 3;
const mandatoryRefundExtraDays = 14;

/** What the refunds of `invoice` gave back, in the invoice's currency. */
export function amountRefunded(invoice: Invoice): Money {
  return sumMoney(
    invoice.refunds.map((refund) => refund.amount),
    invoice.amountPaid.currency,
  );
}

export interface RefundWindow {
  /** What can still be refunded on the day asked: zero when nothing can. */
  available: Money;
  /** The last day a refund can be asked for; null when the invoice was never paid. */
  until: IsoDate | null;
}

/**
 * How much of `invoice` can be refunded on `today` for a customer billed in `country`
 * (ISO 3166-1 alpha-2; null when unknown): what was paid less what was refunded, until the
 * last day of the window.
 */
export function refundWindow(
  invoice: Invoice,
  today: IsoDate,
  country: string | null,
): RefundWindow {
  const currency = invoice.amountPaid.currency;
  if (invoice.status !== 'paid' || invoice.paidAt === null) {
    return { available: zero(currency), until: null };
  }
  const mandatory = country !== null && mandatoryRefundCountries.has(country.toUpperCase());
  const until = addDays(invoice.paidAt, refundDays + (mandatory ? mandatoryRefundExtraDays : 0));
  const available =
    today > until ? zero(currency) : subtractMoney(invoice.amountPaid, amountRefunded(invoice));
  return { available, until };
}

export interface RefundRequest {
  invoiceId: string;
  /** Defaults to everything still refundable. */
  amount?: Money;
  destination: RefundDestination;
  reason?: string | null;
  /** Where the customer is billed (ISO 3166-1 alpha-2): decides the refund window. */
  country: string | null;
}

/**
 * Refunds (part of) a paid invoice within its refund window, to the payment method charged or
 * to the team's credit balance. Never more than was paid, however many refunds are asked for.
 */
export function refundInvoice(state: TeamState, request: RefundRequest, today: IsoDate): Outcome {
  const draft = new Draft(state);
  const invoice = draft.invoice(request.invoiceId);
  if (invoice.status !== 'paid' || invoice.paidAt === null) {
    throw new BillingError(
      'invoice_not_paid',
      `Invoice ${invoice.number} is ${invoice.status}; only a paid invoice can be refunded`,
    );
  }
  const window = refundWindow(invoice, today, request.country);
  if (window.until !== null && today > window.until) {
    throw new BillingError(
      'refund_window_closed',
      `Refunds for ${invoice.number} could be asked for until ${window.until}`,
    );
  }
  if (window.available.amount === 0) {
    throw new BillingError(
      'nothing_to_refund',
      `Nothing of ${invoice.number} is left to refund (${formatAmount(invoice.amountPaid)} paid)`,
    );
  }
  const amount = request.amount ?? window.available;
  if (!Number.isSafeInteger(amount.amount) || amount.amount <= 0) {
    throw new BillingError(
      'invalid_amount',
      'A refund must be a positive integer amount',
      '/amount/amount',
    );
  }
  if (amount.currency !== invoice.amountPaid.currency) {
    throw new BillingError(
      'currency_mismatch',
      `${invoice.number} was paid in ${invoice.amountPaid.currency}`,
      '/amount/currency',
    );
  }
  if (amount.amount > window.available.amount) {
    throw new BillingError(
      'refund_exceeds_paid',
      `At most ${formatAmount(window.available)} of ${invoice.number} can be refunded`,
      '/amount/amount',
    );
  }
  const refund = {
    id: draft.nextId('ref'),
    amount: money(amount.amount, amount.currency),
    destination: request.destination,
    reason: request.reason ?? null,
    createdAt: today,
  };
  draft.child(invoice, 'refunds').push(refund);
  draft.touchInvoice(invoice.id);
  const reason = creditReason('refund_issued', {
    invoiceNumber: invoice.number,
    amount: refund.amount.amount,
    currency: refund.amount.currency,
    destination: request.destination,
  });
  if (request.destination === 'credit_balance') {
    recordCredit(draft, reason, refund.amount, today, invoice.id);
  }
  draft.emit(today, reason, refund.amount, invoice.id);
  return draft.outcome();
}

/** Adds to the credit balance (contributions, refunds, adjustments). */
export function addCredit(state: TeamState, credit: CreditInput, today: IsoDate): Outcome {
  const draft = new Draft(state);
  if (!Number.isSafeInteger(credit.amount.amount) || credit.amount.amount <= 0) {
    throw new BillingError(
      'invalid_amount',
      'A credit must be a positive integer amount',
      '/amount',
    );
  }
  if (credit.amount.currency !== draft.state.credits.balance.currency) {
    throw new BillingError(
      'currency_mismatch',
      'Credit currency differs from the team currency',
      '/amount/currency',
    );
  }
  const amount = money(credit.amount.amount, credit.amount.currency);
  recordCredit(draft, credit.reason, amount, today, null);
  draft.emit(today, credit.reason, amount);
  return draft.outcome();
}
