import { findResource, requirePlan } from './catalog.js';
import { addMonths } from './dates.js';
import {
  blocksOf,
  Draft,
  quoteLine,
  requireBillableQuantities,
  requireNonNegativeInteger,
  seatPrice,
  termParams,
} from './internal.js';
import { BillingError, multiply, zero } from './money.js';
import { usageCappedNotice, usageNearLimitNotice } from './notices.js';
import type {
  BillingPolicy,
  EngineContext,
  IsoDate,
  Money,
  Outcome,
  Period,
  QuoteLine,
  Resource,
  TeamState,
  UsageCounter,
} from './types.js';
import { eventReason, lineReason } from './wording.js';

export interface UsageCheck {
  allowed: boolean;
  used: number;
  included: number;
  /** Included quantity left (0 when over). */
  remaining: number;
  /** Units above the included quantity after the increment. */
  overageQuantity: number;
}

export interface UsageRecord {
  resourceId: string;
  /** Units consumed (negative frees a gauge, e.g. a removed custom domain). */
  quantity: number;
  consumerId?: string;
  consumerName?: string;
}

/** The API's `Usage` / `UsageDetail` for one resource. */
export interface UsageView {
  resourceId: string;
  name: string;
  unit: string;
  period: Period;
  used: number;
  included: number;
  planQuota: number;
  addOnBlocks: number;
  overagePolicy: 'allowed' | 'disallowed';
  overageUnitPrice: Money;
  overageQuantity: number;
  projectedOverage: Money;
  capped: boolean;
  consumers: { id: string; name: string; quantity: number }[];
}

function requireResource(ctx: EngineContext, resourceId: string): Resource {
  const resource = findResource(ctx.catalog, resourceId);
  if (!resource) {
    throw new BillingError('unknown_resource', `Unknown resource ${resourceId}`, '/resourceId');
  }
  return resource;
}

function counterOf(state: TeamState, resourceId: string): UsageCounter {
  return (
    state.usage.counters.find((counter) => counter.resourceId === resourceId) ?? {
      resourceId,
      used: 0,
      consumers: [],
    }
  );
}

/** A writable counter of `resourceId` in the draft's usage (a new one when none is there yet). */
function editCounter(draft: Draft, resourceId: string): UsageCounter {
  const counters = draft.child(draft.edit('usage'), 'counters');
  const index = counters.findIndex((counter) => counter.resourceId === resourceId);
  if (index >= 0) return draft.child(counters, index);
  const counter = draft.own({ resourceId, used: 0, consumers: [] });
  counters.push(counter);
  return counter;
}

/** What the plan's quota and the purchased add-on blocks include of `resourceId` per usage period. */
function allowance(
  state: TeamState,
  resourceId: string,
  ctx: EngineContext,
): { planQuota: number; addOnBlocks: number; included: number } {
  const plan = requirePlan(ctx.catalog, state.subscription.planId);
  const planQuota = plan.quotas.find((quota) => quota.resourceId === resourceId)?.included ?? 0;
  let addOnBlocks = 0;
  let included = planQuota;
  for (const addOn of plan.addOns) {
    if (addOn.resourceId !== resourceId) continue;
    const blocks = blocksOf(state.subscription.addOns, addOn.id);
    addOnBlocks += blocks;
    included += blocks * addOn.blockSize;
  }
  return { planQuota, addOnBlocks, included };
}

/** Plan quota + purchased add-on blocks × block size. */
export function includedQuantity(state: TeamState, resourceId: string, ctx: EngineContext): number {
  requireResource(ctx, resourceId);
  return allowance(state, resourceId, ctx).included;
}

function onPaidPlan(state: TeamState, ctx: EngineContext): boolean {
  const price = seatPrice(state, state.subscription.planId, state.subscription.interval, ctx);
  return (price?.amount ?? 0) > 0;
}

/**
 * Overage policy of a resource: disallowed on a free plan (nothing to pay overages with, and
 * usage above Free's quotas is restricted, even after a paid plan that allowed them);
 * otherwise as set by the team, else allowed for billable counters.
 */
function overagePolicyOf(
  state: TeamState,
  resource: Resource,
  ctx: EngineContext,
): 'allowed' | 'disallowed' {
  if (!resource.overagePrice || !onPaidPlan(state, ctx)) return 'disallowed';
  const explicit = state.usage.overagePolicies.find((entry) => entry.resourceId === resource.id);
  return explicit?.policy ?? 'allowed';
}

/** Whether `used` reached the policy's warning share of a non-zero `included` quantity. */
export function isNearLimit(used: number, included: number, policy: BillingPolicy): boolean {
  return included > 0 && used * 100 >= included * policy.usageWarningPercent;
}

/** Whether `quantity` more units may be used now (false only under a hard cap). */
export function checkUsage(
  state: TeamState,
  resourceId: string,
  quantity: number,
  ctx: EngineContext,
): UsageCheck {
  if (!Number.isSafeInteger(quantity)) {
    throw new BillingError('invalid_quantity', 'Usage must be an integer', '/quantity');
  }
  const resource = requireResource(ctx, resourceId);
  const used = counterOf(state, resourceId).used;
  const included = allowance(state, resourceId, ctx).included;
  const after = used + quantity;
  if (quantity > 0) {
    // Usage a period cannot count, or whose overage no invoice can bill, is refused now,
    // not when the period ends.
    if (!Number.isSafeInteger(after)) {
      throw new BillingError(
        'invalid_quantity',
        `A period's usage stays below ${Number.MAX_SAFE_INTEGER}`,
        '/quantity',
      );
    }
    requireBillableQuantities([
      {
        quantity: overageBlocks(resource, after, included),
        unitAmount: resource.overagePrice?.amount ?? 0,
        pointer: '/quantity',
      },
    ]);
  }
  const withinIncluded = after <= included;
  const allowed =
    quantity <= 0
      ? after >= 0
      : withinIncluded || overagePolicyOf(state, resource, ctx) === 'allowed';
  return {
    allowed,
    used,
    included,
    remaining: Math.max(0, included - used),
    overageQuantity: Math.max(0, after - included),
  };
}

/** Records usage; refused (`accepted: false`, state unchanged) beyond a hard cap. */
export function recordUsage(
  state: TeamState,
  record: UsageRecord,
  today: IsoDate,
  ctx: EngineContext,
): Outcome & { accepted: boolean; check: UsageCheck } {
  // Usage only grows within a period; a correction is not a negative record.
  requireNonNegativeInteger(record.quantity, '/quantity');
  const check = checkUsage(state, record.resourceId, record.quantity, ctx);
  const draft = new Draft(state);
  if (!check.allowed) {
    const resource = requireResource(ctx, record.resourceId);
    draft.notify(
      usageCappedNotice(resource, check.included, state.usage.period.end),
      today,
      `capped:${resource.id}:${state.usage.period.start}`,
    );
    return { ...draft.outcome(), accepted: false, check };
  }
  const counter = editCounter(draft, record.resourceId);
  counter.used += record.quantity;
  const consumerId = record.consumerId ?? 'unattributed';
  const consumers = draft.child(counter, 'consumers');
  const index = consumers.findIndex((candidate) => candidate.id === consumerId);
  if (index >= 0) draft.child(consumers, index).quantity += record.quantity;
  else {
    consumers.push({
      id: consumerId,
      name: record.consumerName ?? 'Unattributed',
      quantity: record.quantity,
    });
  }
  if (isNearLimit(counter.used, check.included, draft.state.subscription.policy)) {
    const resource = requireResource(ctx, record.resourceId);
    draft.notify(
      usageNearLimitNotice(resource, counter.used, check.included),
      today,
      `near:${resource.id}:${draft.state.usage.period.start}`,
    );
  }
  return { ...draft.outcome(), accepted: true, check };
}

export function setOveragePolicy(
  state: TeamState,
  resourceId: string,
  policy: 'allowed' | 'disallowed',
  today: IsoDate,
  ctx: EngineContext,
): Outcome {
  const resource = requireResource(ctx, resourceId);
  if (policy === 'allowed' && !resource.overagePrice) {
    throw new BillingError(
      'overage_not_available',
      `${resource.name} has no pay-as-you-go price`,
      '/policy',
    );
  }
  if (policy === 'allowed' && !onPaidPlan(state, ctx)) {
    throw new BillingError(
      'overage_not_available',
      `Pay-as-you-go ${resource.name} needs a paid plan; upgrade to use more than the quota`,
      '/policy',
    );
  }
  const draft = new Draft(state);
  draft.edit('usage').overagePolicies = [
    ...draft.state.usage.overagePolicies.filter((entry) => entry.resourceId !== resourceId),
    { resourceId, policy },
  ];
  draft.emit(
    today,
    eventReason('overage_policy_changed', {
      resourceId: resource.id,
      resourceName: resource.name,
      policy,
    }),
  );
  return draft.outcome();
}

function overageBlocks(resource: Resource, used: number, included: number): number {
  return Math.ceil(Math.max(0, used - included) / resource.overageBlockSize);
}

export function usageSummary(state: TeamState, ctx: EngineContext): UsageView[] {
  const currency = state.credits.balance.currency;
  return ctx.catalog.resources.map((resource) => {
    const counter = counterOf(state, resource.id);
    const { planQuota, addOnBlocks, included } = allowance(state, resource.id, ctx);
    const overagePolicy = overagePolicyOf(state, resource, ctx);
    const overageUnitPrice = resource.overagePrice ?? zero(currency);
    return {
      resourceId: resource.id,
      name: resource.name,
      unit: resource.unit,
      period: state.usage.period,
      used: counter.used,
      included,
      planQuota,
      addOnBlocks,
      overagePolicy,
      overageUnitPrice,
      overageQuantity: Math.max(0, counter.used - included),
      projectedOverage: multiply(overageUnitPrice, overageBlocks(resource, counter.used, included)),
      capped: overagePolicy === 'disallowed' && counter.used >= included,
      consumers: counter.consumers,
    };
  });
}

/** Pay-as-you-go lines for the usage period ending `end`: counters above their included quantity. */
export function overageLines(state: TeamState, end: IsoDate, ctx: EngineContext): QuoteLine[] {
  const period = { start: state.usage.period.start, end };
  const lines: QuoteLine[] = [];
  for (const resource of ctx.catalog.resources) {
    if (resource.kind !== 'counter' || !resource.overagePrice) continue;
    const { used } = counterOf(state, resource.id);
    const included = allowance(state, resource.id, ctx).included;
    const blocks = overageBlocks(resource, used, included);
    if (blocks === 0) continue;
    lines.push(
      quoteLine(
        lineReason('overage_blocks', {
          resourceId: resource.id,
          resourceName: resource.name,
          used,
          included,
          blocks,
          blockSize: resource.overageBlockSize,
          ...termParams(period),
        }),
        resource.overagePrice,
        blocks,
        period,
      ),
    );
  }
  return lines;
}

/** Starts a usage period on `start` (anchored like the billing period): counters reset, gauges kept. */
export function startUsagePeriod(draft: Draft, start: IsoDate, ctx: EngineContext): void {
  const usage = draft.edit('usage');
  usage.counters = usage.counters.filter(
    (counter) => requireResource(ctx, counter.resourceId).kind === 'gauge',
  );
  usage.period = { start, end: addMonths(start, 1, draft.state.subscription.anchorDay) };
}
