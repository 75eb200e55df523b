import { FREE_PLAN_ID, termLines } from './billing.js';
import { requirePlan } from './catalog.js';
import { addDays, addMonths, dayOfMonth, periodStarting, requireIsoDate } from './dates.js';
import { Draft, requireNonNegativeInteger, requireSeatPrice } from './internal.js';
import { BillingError, zero } from './money.js';
import { issueInvoice } from './payments.js';
import { billingPolicies } from './policy.js';
import type {
  AddOnSelection,
  BillingPolicy,
  CollectionMethod,
  EngineContext,
  Interval,
  IsoDate,
  Money,
  Outcome,
  PolicyName,
  Role,
  TeamState,
} from './types.js';
import { eventReason } from './wording.js';

export interface CreateTeamInput {
  teamId: string;
  planId: string;
  interval: Interval;
  /** A preset name or a full policy object (see `createPolicy`). */
  policy: PolicyName | BillingPolicy;
  /** Purchased seats; defaults to the number of members. */
  seats?: number;
  /** Subscription start; the first period (or trial) starts here and sets the anchor day. */
  start: IsoDate;
  members: { id: string; name: string; role: Role }[];
  /** Start with a trial of `policy.trialDays` (needs a payment method). */
  trial?: boolean;
  addOns?: AddOnSelection[];
  /** Defaults to `send_invoice` for invoice-paying plans (Enterprise), else `charge_automatically`. */
  collectionMethod?: CollectionMethod;
  paymentMethodId?: string | null;
  /** Simulation input: every automatic charge fails (a declined card). */
  failCharges?: boolean;
  negotiatedPrices?: { month: Money | null; year: Money | null } | null;
}

/** A new team; issues (and charges) the first period's invoice unless it is trialing or free. */
export function createTeam(input: CreateTeamInput, ctx: EngineContext): Outcome {
  const policy = typeof input.policy === 'string' ? billingPolicies[input.policy] : input.policy;
  const plan = requirePlan(ctx.catalog, input.planId);
  // Free has nothing to pay up front: it runs in monthly periods, as after a cancel.
  const interval = plan.id === FREE_PLAN_ID ? 'month' : input.interval;
  const seats = input.seats ?? input.members.length;
  requireNonNegativeInteger(seats, '/seats');
  requireIsoDate(input.start, '/start');
  input.addOns?.forEach((selection, index) => {
    requireNonNegativeInteger(selection.blocks, `/addOns/${index}/blocks`);
  });
  const paymentMethodId = input.paymentMethodId ?? null;
  if (input.trial && paymentMethodId === null) {
    throw new BillingError(
      'payment_method_required',
      'A trial needs a payment method on file',
      '/paymentMethodId',
    );
  }
  const trialEnd = input.trial ? addDays(input.start, policy.trialDays) : null;
  const anchorDay = dayOfMonth(trialEnd ?? input.start);
  const currentPeriod = trialEnd
    ? { start: input.start, end: trialEnd }
    : periodStarting(input.start, interval, anchorDay);
  const state: TeamState = {
    teamId: input.teamId,
    subscription: {
      id: `sub_${input.teamId}`,
      planId: plan.id,
      interval,
      status: trialEnd ? 'trialing' : 'active',
      policy,
      currentPeriod,
      anchorDay,
      trialEnd,
      seats,
      addOns: input.addOns ?? [],
      standingInstructions: { action: 'renew', source: 'standing_instructions' },
      seatOrder: null,
      collectionMethod:
        input.collectionMethod ?? (plan.invoicePaying ? 'send_invoice' : 'charge_automatically'),
      negotiatedPrices: input.negotiatedPrices ?? null,
      createdAt: input.start,
    },
    members: input.members.map((member) => ({ ...member, joinedOn: input.start, leftOn: null })),
    credits: { balance: zero(ctx.catalog.currency), entries: [] },
    autoFlex: {
      enabled: false,
      termsVersion: null,
      termsAcceptedAt: null,
      billedExtraSeats: 0,
    },
    usage: {
      period: { start: input.start, end: trialEnd ?? addMonths(input.start, 1, anchorDay) },
      counters: [],
      overagePolicies: [],
    },
    pendingAdjustments: [],
    invoices: [],
    payment: {
      methodId: paymentMethodId,
      failCharges: input.failCharges ?? false,
      failingSince: null,
      graceEndsAt: null,
    },
    sentNotices: [],
    processedThrough: input.start,
    sequence: 0,
    invoiceSequence: 0,
  };
  // The draft owns a copy, so the returned state shares nothing with `input` (or the presets).
  const draft = new Draft(structuredClone(state));
  // Validates the price up front: contact-sales plans need negotiated prices.
  const price = requireSeatPrice(draft.state, plan.id, interval, ctx);
  if (trialEnd) {
    draft.emit(
      input.start,
      eventReason('trial_started', { planId: plan.id, planName: plan.name, trialEnd }),
    );
  } else if (price.amount > 0) {
    const target = { planId: plan.id, interval, seats, addOns: input.addOns ?? [] };
    const { lines, seats: billed } = termLines(
      draft.state,
      target,
      currentPeriod,
      input.start,
      ctx,
    );
    draft.edit('subscription').seats = billed;
    if (lines.length > 0) issueInvoice(draft, lines, input.start, currentPeriod, ctx);
  }
  return draft.outcome();
}
