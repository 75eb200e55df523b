/** Helpers shared by the modules; not part of the public API. */
import { findAddOn, findPlan, requirePlan } from './catalog.js';
import { intervalMonths, startOfDay } from './dates.js';
import { BillingError, type Fraction, multiply, negate, prorate, sumMoney } from './money.js';
import type {
  AddOnSelection,
  BillingEvent,
  BillingEventType,
  EngineContext,
  Interval,
  IsoDate,
  Money,
  Notice,
  Outcome,
  Period,
  Plan,
  QuoteLine,
  QuoteLineKind,
  TeamState,
} from './types.js';

/**
 * Collects what a call produces while it works on its own copy of the state, so callers
 * never see their input mutated.
 */
export class Draft {
  readonly state: TeamState;
  readonly events: BillingEvent[] = [];
  readonly notices: Notice[] = [];
  private readonly touchedInvoiceIds: string[] = [];

  constructor(state: TeamState) {
    this.state = structuredClone(state);
  }

  nextId(prefix: string): string {
    this.state.sequence += 1;
    return `${prefix}_${this.state.teamId}_${this.state.sequence}`;
  }

  emit(
    type: BillingEventType,
    date: IsoDate,
    summary: string,
    amount: Money | null = null,
    invoiceId: string | null = null,
  ): void {
    this.events.push({
      id: this.nextId('evt'),
      type,
      occurredAt: startOfDay(date),
      summary,
      amount,
      invoiceId,
    });
  }

  notify(notice: Notice, key: string): void {
    const alreadySent = this.state.sentNotices.some(
      (sent) => sent.code === notice.code && sent.key === key,
    );
    if (alreadySent) return;
    this.state.sentNotices.push({ code: notice.code, date: notice.date ?? '', key });
    this.notices.push(notice);
    this.emit('notice_sent', notice.date ?? this.state.processedThrough, notice.message);
  }

  touchInvoice(invoiceId: string): void {
    if (!this.touchedInvoiceIds.includes(invoiceId)) this.touchedInvoiceIds.push(invoiceId);
  }

  outcome(): Outcome {
    return {
      state: this.state,
      invoices: this.touchedInvoiceIds
        .map((id) => this.state.invoices.find((invoice) => invoice.id === id))
        .filter((invoice) => invoice !== undefined),
      events: this.events,
      notices: this.notices,
    };
  }
}

/** Per-seat price of `planId` for one `interval`; negotiated prices replace contact-sales ones. */
export function seatPrice(
  state: TeamState,
  planId: string,
  interval: Interval,
  ctx: EngineContext,
): Money | null {
  const plan = requirePlan(ctx.catalog, planId);
  const negotiated = plan.contactSales ? state.subscription.negotiatedPrices : null;
  return negotiated ? negotiated[interval] : plan.prices[interval];
}

export function requireSeatPrice(
  state: TeamState,
  planId: string,
  interval: Interval,
  ctx: EngineContext,
): Money {
  const price = seatPrice(state, planId, interval, ctx);
  if (!price) {
    throw new BillingError('contact_sales', `Plan ${planId} is priced by sales`, '/planId');
  }
  return price;
}

export function planName(planId: string, ctx: EngineContext): string {
  return findPlan(ctx.catalog, planId)?.name ?? planId;
}

export function intervalName(interval: Interval): string {
  return interval === 'year' ? 'annual' : 'monthly';
}

/** Price of one add-on block for one `interval` (add-ons are priced per month). */
export function addOnPrice(plan: Plan, addOnId: string, interval: Interval): Money {
  const addOn = findAddOn(plan, addOnId);
  if (!addOn) {
    throw new BillingError('unknown_add_on', `Plan ${plan.id} has no add-on ${addOnId}`, '/addOns');
  }
  return multiply(addOn.price, intervalMonths(interval));
}

export function addOnName(plan: Plan, addOnId: string): string {
  return findAddOn(plan, addOnId)?.name ?? addOnId;
}

export function blocksOf(addOns: readonly AddOnSelection[], addOnId: string): number {
  return addOns.find((selection) => selection.addOnId === addOnId)?.blocks ?? 0;
}

export function fullLine(
  kind: QuoteLineKind,
  description: string,
  unitAmount: Money,
  quantity: number,
  period: Period | null,
): QuoteLine {
  return {
    kind,
    description,
    quantity,
    unitAmount,
    period,
    amount: multiply(unitAmount, quantity),
  };
}

export function proratedLine(
  kind: QuoteLineKind,
  description: string,
  unitAmount: Money,
  quantity: number,
  fraction: Fraction,
  period: Period | null,
): QuoteLine {
  return {
    kind,
    description,
    quantity,
    unitAmount,
    period,
    amount: prorate(unitAmount, quantity, fraction),
  };
}

/** A negative line crediting `unitAmount × quantity × fraction`, rounded like the charge it mirrors. */
export function creditLine(
  description: string,
  unitAmount: Money,
  quantity: number,
  fraction: Fraction,
  period: Period | null,
): QuoteLine {
  return {
    kind: 'credit',
    description,
    quantity,
    unitAmount: negate(unitAmount),
    period,
    amount: negate(prorate(unitAmount, quantity, fraction)),
  };
}

export function linesTotal(lines: readonly QuoteLine[], currency: string): Money {
  return sumMoney(
    lines.map((line) => line.amount),
    currency,
  );
}

export function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`;
}

export function seatsLabel(count: number): string {
  return count === 1 ? '1 seat' : `${count} seats`;
}

export function formatAmount(amount: Money): string {
  const major = (Math.abs(amount.amount) / 100).toFixed(2);
  return `${amount.amount < 0 ? '-' : ''}${major} ${amount.currency}`;
}

export function requireNonNegativeInteger(value: number, pointer: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new BillingError(
      'invalid_quantity',
      `${pointer} must be a non-negative integer`,
      pointer,
    );
  }
}
