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
} from './types.js';

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
  collectionMethod?: CollectionMethod;
  paymentMethodId?: string | null;
  negotiatedPrices?: { month: Money | null; year: Money | null } | null;
}

/** A new team; issues (and charges) the first period's invoice unless it is trialing or free. */
export function createTeam(_input: CreateTeamInput, _ctx: EngineContext): Outcome {
  throw new Error('not implemented yet');
}
