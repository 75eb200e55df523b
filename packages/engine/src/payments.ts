import { addDays } from './dates.js';
import { Draft, formatAmount, linesTotal } from './internal.js';
import { addMoney, BillingError, minMoney, money, negate, subtractMoney, zero } from './money.js';
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
  TeamState,
} from './types.js';

export interface CreditInput {
  amount: Money;
  kind: Exclude<CreditEntry['kind'], 'applied'>;
  description: string;
  /** For refunds: the paid invoice refunded; the credit cannot exceed what it was paid. */
  invoiceId?: string | null;
}

/**
 * What the credit `balance` covers on an invoice of `subtotal` (never more than the subtotal)
 * and the total left to pay (zero for a negative subtotal). Quotes and invoices both use it,
 * so a quote's `amountDueNow` is the invoice's total.
 */
export function applyCredit(
  balance: Money,
  subtotal: Money,
): { creditApplied: Money; total: Money } {
  if (subtotal.amount <= 0) {
    return { creditApplied: zero(subtotal.currency), total: zero(subtotal.currency) };
  }
  const creditApplied = balance.amount > 0 ? minMoney(balance, subtotal) : zero(subtotal.currency);
  return { creditApplied, total: subtractMoney(subtotal, creditApplied) };
}

export function recordCredit(draft: Draft, entry: Omit<CreditEntry, 'id'>): CreditEntry {
  const credit = { id: draft.nextId('cre'), ...entry };
  const credits = draft.edit('credits');
  draft.child(credits, 'entries').push(credit);
  credits.balance = addMoney(credits.balance, entry.amount);
  return credit;
}

/**
 * Issues an invoice for `lines` on `issueDate`: applies the credit balance, then collects
 * (an automatic charge, or an open invoice with payment terms for invoice-paying teams).
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
  const subtotal = linesTotal(lines, currency);
  const { creditApplied, total } = applyCredit(state.credits.balance, subtotal);
  const invoice: Invoice = {
    id,
    number,
    status: total.amount === 0 ? 'paid' : 'open',
    issueDate,
    dueDate:
      collectionMethod === 'send_invoice'
        ? addDays(issueDate, state.subscription.policy.invoiceDueDays)
        : issueDate,
    period,
    lines,
    subtotal,
    creditApplied,
    total,
    amountPaid: zero(currency),
    amountDue: total,
    collectionMethod,
    attempts: 0,
    nextAttemptDate: null,
    paymentMethodId: state.payment.methodId,
    paidAt: total.amount === 0 ? issueDate : null,
  };
  draft.edit('invoices').push(draft.own(invoice));
  draft.touchInvoice(id);
  draft.emit('invoice_issued', issueDate, `Invoice ${number} issued`, subtotal, id);
  if (subtotal.amount !== 0) {
    draft.emit('charge_created', issueDate, `Charges on invoice ${number}`, subtotal, id);
  }
  if (creditApplied.amount > 0) {
    recordCredit(draft, {
      kind: 'applied',
      amount: negate(creditApplied),
      description: `Applied to invoice ${number}`,
      createdAt: issueDate,
      invoiceId: id,
    });
    draft.emit('credit_applied', issueDate, `Credit applied to ${number}`, creditApplied, id);
  }
  if (subtotal.amount < 0) {
    // More credited than charged (e.g. a change that mostly credits unused time): keep it.
    const credit = negate(subtotal);
    recordCredit(draft, {
      kind: 'adjustment',
      amount: credit,
      description: `Net credit from invoice ${number}`,
      createdAt: issueDate,
      invoiceId: id,
    });
    draft.emit('credit_added', issueDate, `Net credit from ${number}`, credit, id);
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
    'payment_succeeded',
    date,
    `Paid invoice ${invoice.number}`,
    invoice.amountPaid,
    invoice.id,
  );
  const { state } = draft;
  if (state.payment.failingSince !== null && !hasUnpaidInvoices(state, date)) {
    Object.assign(draft.edit('payment'), { failingSince: null, graceEndsAt: null });
    const { status } = state.subscription;
    if (status === 'past_due' || status === 'deactivated') {
      draft.emit('status_changed', date, `Status ${status} → active`);
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
    draft.emit('status_changed', since, `Status ${subscription.status} → past_due`);
    draft.edit('subscription').status = 'past_due';
  }
  draft.notify(
    {
      code: 'grace_period',
      severity: 'critical',
      date: since,
      message: `Payment overdue: the team will be deactivated on ${graceEndsAt} unless the balance is paid.`,
      params: { graceEndsAt, graceDays: subscription.policy.graceDays },
      audience: 'billing_and_admins',
    },
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
    'payment_failed',
    date,
    `Payment attempt ${invoice.attempts} of ${policy.maxPaymentAttempts} failed for ${invoice.number}`,
    invoice.amountDue,
    invoice.id,
  );
  draft.notify(
    {
      code: 'payment_failed',
      severity: 'critical',
      date,
      message: `Payment of ${formatAmount(invoice.amountDue)} for invoice ${invoice.number} failed (attempt ${invoice.attempts} of ${policy.maxPaymentAttempts}).`,
      params: {
        invoiceNumber: invoice.number,
        attempt: invoice.attempts,
        maxAttempts: policy.maxPaymentAttempts,
        amount: invoice.amountDue.amount,
        nextAttemptDate: invoice.nextAttemptDate ?? '',
      },
      audience: 'billing',
    },
    `payment_failed:${invoice.id}:${invoice.attempts}`,
  );
  enterDunning(draft, date);
}

function requireInvoice(state: TeamState, invoiceId: string): Invoice {
  const invoice = state.invoices.find((candidate) => candidate.id === invoiceId);
  if (!invoice) throw new BillingError('invoice_not_found', `No invoice ${invoiceId}`);
  return invoice;
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
      'payment_failed',
      today,
      `Payment failed for ${invoice.number}`,
      invoice.amountDue,
      invoice.id,
    );
    enterDunning(draft, today);
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
      method.methodId === null ? 'payment_method_removed' : 'default_payment_method_changed',
      today,
      method.methodId === null
        ? 'Payment method removed'
        : `Default payment method ${method.methodId}`,
    );
  }
  return draft.outcome();
}

/**
 * Last day a paid invoice can be refunded: 72 hours (3 days) after payment, plus 14 days in
 * regions with mandatory refund rules (EU, UK). Null when the invoice is not paid.
 */
export function refundDeadline(
  invoice: Invoice,
  options: { mandatoryRefundRules: boolean },
): IsoDate | null {
  if (invoice.status !== 'paid' || invoice.paidAt === null) return null;
  return addDays(invoice.paidAt, options.mandatoryRefundRules ? 3 + 14 : 3);
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
  if (credit.kind === 'refund') {
    const invoice = requireInvoice(draft.state, credit.invoiceId ?? '');
    const alreadyRefunded = draft.state.credits.entries
      .filter((entry) => entry.kind === 'refund' && entry.invoiceId === invoice.id)
      .reduce((sum, entry) => sum + entry.amount.amount, 0);
    if (alreadyRefunded + credit.amount.amount > invoice.amountPaid.amount) {
      throw new BillingError(
        'credit_exceeds_paid',
        `Refunds cannot exceed what ${invoice.number} was paid`,
        '/amount',
      );
    }
  }
  recordCredit(draft, {
    kind: credit.kind,
    amount: money(credit.amount.amount, credit.amount.currency),
    description: credit.description,
    createdAt: today,
    invoiceId: credit.invoiceId ?? null,
  });
  draft.emit('credit_added', today, credit.description, credit.amount, credit.invoiceId ?? null);
  return draft.outcome();
}
