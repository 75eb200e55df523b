import { requirePlan } from './catalog.js';
import {
  type AppliedOutcome,
  newTermLines,
  type PlannedChange,
  quoteOf,
  requirePossible,
} from './changes.js';
import {
  Draft,
  requireBillableQuantities,
  requireNonNegativeInteger,
  seatPrice,
  withinAmountLimit,
} from './internal.js';
import { activeMembers } from './members.js';
import { BillingError } from './money.js';
import { issueInvoice } from './payments.js';
import type {
  ChangeQuote,
  CollectionMethod,
  EngineContext,
  IsoDate,
  Restriction,
  SubscriptionChange,
  TeamState,
} from './types.js';
import { counted, eventReason } from './wording.js';

export interface SeatOrderRequest {
  seats: number;
  /** Defaults to the current plan. */
  planId?: string;
  /** `send_invoice` = invoice first (budget approval), paid later by card or transfer. */
  collectionMethod?: CollectionMethod;
}

/** The one code path behind `quoteSeatOrder` and `placeSeatOrder`. */
function planSeatOrder(
  state: TeamState,
  request: SeatOrderRequest,
  today: IsoDate,
  ctx: EngineContext,
): PlannedChange {
  return withinAmountLimit(() => priceSeatOrder(state, request, today, ctx));
}

function priceSeatOrder(
  state: TeamState,
  request: SeatOrderRequest,
  today: IsoDate,
  ctx: EngineContext,
): PlannedChange {
  const { subscription } = state;
  if (!subscription.policy.seatOrders) {
    throw new BillingError('seat_orders_unavailable', 'Seat orders are for term-credit teams');
  }
  if (subscription.seatOrder) {
    throw new BillingError(
      'seat_order_active',
      `A seat order runs until ${subscription.seatOrder.period.end}; add seats to it or set its renewal instead`,
    );
  }
  requireNonNegativeInteger(request.seats, '/seats');
  const plan = requirePlan(ctx.catalog, request.planId ?? subscription.planId);
  const unitPrice = seatPrice(state, plan.id, 'year', ctx);
  if (!unitPrice || unitPrice.amount === 0) {
    throw new BillingError(
      'plan_not_orderable',
      `${plan.name} cannot be ordered by seat`,
      '/planId',
    );
  }
  requireBillableQuantities([
    { quantity: request.seats, unitAmount: unitPrice.amount, pointer: '/seats' },
  ]);
  const change: SubscriptionChange = {
    planId: plan.id,
    interval: 'year',
    seats: request.seats,
    timing: 'immediately',
  };
  const draft = new Draft(state);
  const members = activeMembers(state, today).length;
  if (request.seats < members) {
    const restriction: Restriction = {
      code: 'seats_below_members',
      message: `${members} members need seats; order at least ${counted(members, 'seat')}.`,
      allowedTiming: null,
    };
    return { quote: quoteOf(draft, change, today, [], restriction, ctx), draft };
  }
  const target = {
    planId: plan.id,
    interval: 'year' as const,
    seats: request.seats,
    addOns: subscription.addOns,
  };
  const lines = newTermLines(draft, target, today, ctx, true);
  const ordered = draft.edit('subscription');
  // An order ends a trial; it does not settle overdue invoices (only paying them does).
  if (ordered.status === 'trialing') {
    ordered.status = 'active';
    draft.emit(today, eventReason('trial_ended_by_seat_order', { endedOn: today }));
  }
  // Seat orders expire to Free unless the team sets its renewal.
  ordered.standingInstructions = { action: 'cancel', source: 'cancel' };
  return { quote: quoteOf(draft, change, today, lines, null, ctx), draft };
}

/** Prices a new yearly seat order starting `today` (term-credit teams); the "invoice first" quote. */
export function quoteSeatOrder(
  state: TeamState,
  request: SeatOrderRequest,
  today: IsoDate,
  ctx: EngineContext,
): ChangeQuote {
  return planSeatOrder(state, request, today, ctx).quote;
}

/** Places the order priced by `quoteSeatOrder`; its invoice has exactly the quote's lines. */
export function placeSeatOrder(
  state: TeamState,
  request: SeatOrderRequest,
  today: IsoDate,
  ctx: EngineContext,
): AppliedOutcome {
  const { quote, draft } = planSeatOrder(state, request, today, ctx);
  requirePossible(quote);
  const order = draft.state.subscription.seatOrder;
  if (!order) throw new Error('A placed seat order has no order');
  draft.emit(
    today,
    eventReason('seat_order_placed', { seats: order.seats, expiresOn: order.period.end }),
  );
  const invoice = issueInvoice(
    draft,
    quote.lines,
    today,
    order.period,
    ctx,
    request.collectionMethod ?? draft.state.subscription.collectionMethod,
  );
  return { ...draft.outcome(), quote, invoice, scheduledChange: null };
}
