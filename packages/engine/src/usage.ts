import type { EngineContext, IsoDate, Money, Outcome, Period, TeamState } from './types.js';

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

/** Plan quota + purchased add-on blocks × block size. */
export function includedQuantity(
  _state: TeamState,
  _resourceId: string,
  _ctx: EngineContext,
): number {
  throw new Error('not implemented yet');
}

/** Whether `quantity` more units may be used now (false only under a hard cap). */
export function checkUsage(
  _state: TeamState,
  _resourceId: string,
  _quantity: number,
  _ctx: EngineContext,
): UsageCheck {
  throw new Error('not implemented yet');
}

/** Records usage; refused (`accepted: false`, state unchanged) beyond a hard cap. */
export function recordUsage(
  _state: TeamState,
  _record: UsageRecord,
  _today: IsoDate,
  _ctx: EngineContext,
): Outcome & { accepted: boolean; check: UsageCheck } {
  throw new Error('not implemented yet');
}

export function setOveragePolicy(
  _state: TeamState,
  _resourceId: string,
  _policy: 'allowed' | 'disallowed',
  _today: IsoDate,
  _ctx: EngineContext,
): Outcome {
  throw new Error('not implemented yet');
}

export function usageSummary(_state: TeamState, _ctx: EngineContext): UsageView[] {
  throw new Error('not implemented yet');
}
