/** Helpers shared by the modules; not part of the public API. */
import { findAddOn, findPlan, requirePlan } from './catalog.js';
import { daysBetween, intervalMonths, periodDays, startOfDay } from './dates.js';
import { BillingError, type Fraction, multiply, negate, prorate, sumMoney } from './money.js';
import type {
  AddOnSelection,
  BillingEvent,
  EngineContext,
  Interval,
  Invoice,
  IsoDate,
  Money,
  Notice,
  Outcome,
  Period,
  Plan,
  QuoteLine,
  TeamState,
} from './types.js';
import {
  type EventReason,
  eventReason,
  explainEvent,
  type LineReason,
  lineDescription,
  lineKindOf,
  type NoticeContent,
  type SentNotice,
} from './wording.js';

/** The parts of a `TeamState` a draft copies on first write. */
type StatePart = {
  [K in keyof TeamState]: TeamState[K] extends object ? K : never;
}[keyof TeamState];

/**
 * Collects what a call produces while it works on a copy-on-write view of the state, so
 * callers never see their input mutated and unchanged parts (most of all the invoices) are
 * shared, not copied.
 *
 * `state` is the current state: read it freely, but change it only through `set`, `edit`,
 * `child` and `invoice`, which copy an object (shallowly) the first time it is written and
 * hand back the copy. Read through `draft.state` (or a handle from `edit`) after a write:
 * a reference taken before it may point to the input's unchanged object.
 */
export class Draft {
  readonly events: BillingEvent[] = [];
  readonly notices: Notice[] = [];
  private readonly base: TeamState;
  private root: TeamState | null = null;
  /** Objects this draft made (copies and new values): the only ones it may mutate. */
  private readonly owned = new WeakSet<object>();
  private readonly touchedInvoiceIds: string[] = [];

  constructor(state: TeamState) {
    this.base = state;
  }

  get state(): TeamState {
    return this.root ?? this.base;
  }

  private writable(): TeamState {
    if (!this.root) {
      this.root = { ...this.base };
      this.owned.add(this.root);
    }
    return this.root;
  }

  /** Replaces top-level fields (counters, dates, or whole new values of a part). */
  set(fields: Partial<TeamState>): void {
    Object.assign(this.writable(), fields);
  }

  /** A writable `state[key]` (copied on the first write). */
  edit<K extends StatePart>(key: K): TeamState[K] {
    return this.child(this.writable(), key);
  }

  /** A writable `parent[key]` of a writable `parent`: an object or array, copied on the first write. */
  child<P extends object, K extends keyof P>(parent: P, key: K): P[K] {
    const value = parent[key] as P[K] & object;
    if (this.owned.has(value)) return value;
    const copy = (Array.isArray(value) ? [...value] : { ...value }) as P[K] & object;
    this.owned.add(copy);
    parent[key] = copy;
    return copy;
  }

  /** Marks a value this draft made as writable (e.g. a new invoice). */
  own<T extends object>(value: T): T {
    this.owned.add(value);
    return value;
  }

  /** A writable copy of the invoice `invoiceId`, in place of the state's. */
  invoice(invoiceId: string): Invoice {
    const index = this.state.invoices.findLastIndex((invoice) => invoice.id === invoiceId);
    if (index < 0) throw new BillingError('invoice_not_found', `No invoice ${invoiceId}`);
    return this.child(this.edit('invoices'), index);
  }

  nextId(prefix: string): string {
    const sequence = this.state.sequence + 1;
    this.set({ sequence });
    return `${prefix}_${this.state.teamId}_${sequence}`;
  }

  /** Records a history event: its type and English summary follow from `reason`. */
  emit(
    date: IsoDate,
    reason: EventReason,
    amount: Money | null = null,
    invoiceId: string | null = null,
    notice: SentNotice | null = null,
  ): void {
    this.events.push({
      id: this.nextId('evt'),
      occurredAt: startOfDay(date),
      ...explainEvent(reason, notice),
      amount,
      invoiceId,
    });
  }

  /** Sends `content` on `date` unless a notice with its code and `key` was sent before. */
  notify(content: NoticeContent, date: IsoDate, key: string): void {
    const alreadySent = this.state.sentNotices.some(
      (sent) => sent.code === content.code && sent.key === key,
    );
    if (alreadySent) return;
    this.edit('sentNotices').push({ code: content.code, date, key });
    this.notices.push({ ...content, date });
    const { code, params, audience } = content;
    const sent = { code, params, audience } as SentNotice;
    this.emit(date, eventReason('notice_sent', { noticeCode: code }), null, null, sent);
  }

  touchInvoice(invoiceId: string): void {
    if (!this.touchedInvoiceIds.includes(invoiceId)) this.touchedInvoiceIds.push(invoiceId);
  }

  outcome(): Outcome {
    const { state } = this;
    return {
      state,
      invoices: this.touchedInvoiceIds
        .map((id) => state.invoices.findLast((invoice) => invoice.id === id))
        .filter((invoice) => invoice !== undefined),
      events: this.events,
      notices: this.notices,
    };
  }
}

/** Whether `planId` costs this team nothing (Free); a contact-sales plan without a price is not. */
export function isFreePrice(state: TeamState, planId: string, ctx: EngineContext): boolean {
  return seatPrice(state, planId, 'month', ctx)?.amount === 0;
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

/** What is left of `period` from `from` on: the proration fraction, its days, and the range. */
export function restOfPeriod(
  period: Period,
  from: IsoDate,
): { fraction: Fraction; range: Period; days: { daysRemaining: number; daysInPeriod: number } } {
  const daysRemaining = daysBetween(from, period.end);
  const daysInPeriod = periodDays(period);
  return {
    fraction: { numerator: daysRemaining, denominator: daysInPeriod },
    range: { start: from, end: period.end },
    days: { daysRemaining, daysInPeriod },
  };
}

/** The params of a proration: its days and the full-period unit amount the fraction applies to. */
export function prorationParams(
  days: { daysRemaining: number; daysInPeriod: number },
  unitAmount: Money,
): { daysRemaining: number; daysInPeriod: number; unitAmount: number; currency: string } {
  return { ...days, unitAmount: unitAmount.amount, currency: unitAmount.currency };
}

/** The params of a term: its first and its end day. */
export function termParams(period: Period): { periodStart: IsoDate; periodEnd: IsoDate } {
  return { periodStart: period.start, periodEnd: period.end };
}

/** The fraction of a full period: a full line is a prorated line over all of it. */
const WHOLE_PERIOD: Fraction = { numerator: 1, denominator: 1 };

/**
 * A line charging `unitAmount × quantity × fraction` (the whole period by default); its kind
 * and English description follow from `reason`.
 */
export function quoteLine(
  reason: LineReason,
  unitAmount: Money,
  quantity: number,
  period: Period | null,
  fraction: Fraction = WHOLE_PERIOD,
): QuoteLine {
  return {
    kind: lineKindOf(reason),
    reason,
    description: lineDescription(reason),
    quantity,
    unitAmount,
    period,
    amount: prorate(unitAmount, quantity, fraction),
  };
}

/** A negative line crediting `unitAmount × quantity × fraction`, rounded like the charge it mirrors. */
export function creditLine(
  reason: Extract<LineReason, { code: 'unused_time_credit' | 'unused_add_on_credit' }>,
  unitAmount: Money,
  quantity: number,
  period: Period | null,
  fraction: Fraction,
): QuoteLine {
  const charge = quoteLine(reason, unitAmount, quantity, period, fraction);
  return { ...charge, unitAmount: negate(unitAmount), amount: negate(charge.amount) };
}

export function linesTotal(lines: readonly QuoteLine[], currency: string): Money {
  return sumMoney(
    lines.map((line) => line.amount),
    currency,
  );
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

/** A quantity a request asks for, the most one unit of it costs for a whole term, and its input. */
export interface RequestedQuantity {
  quantity: number;
  unitAmount: number;
  pointer: string;
}

/**
 * The engine's amount limit, checked on the request: every amount is a safe integer of minor
 * units, so the quantities a request asks for, each priced for a whole term, must add up to
 * one. Otherwise the request is refused (`amount_too_large`) on the quantity that passes the
 * limit, before any line is priced, like every other refusal of an input.
 */
export function requireBillableQuantities(quantities: readonly RequestedQuantity[]): void {
  let total = 0;
  for (const { quantity, unitAmount, pointer } of quantities) {
    total += quantity * Math.abs(unitAmount);
    if (!Number.isSafeInteger(total)) {
      throw new BillingError(
        'amount_too_large',
        `${pointer} asks for more than one invoice can bill (${Number.MAX_SAFE_INTEGER} minor units at most)`,
        pointer,
      );
    }
  }
}

/**
 * Prices a request; an amount past the limit that no single input explains (a plan's price
 * times the seats the team has, several quantities together) is refused on the whole request
 * (pointer `""`), still a 422 with a field error rather than an error without one.
 */
export function withinAmountLimit<T>(price: () => T): T {
  try {
    return price();
  } catch (error) {
    if (
      error instanceof BillingError &&
      error.code === 'invalid_amount' &&
      error.pointer === null
    ) {
      throw new BillingError('amount_too_large', error.message, '');
    }
    throw error;
  }
}
