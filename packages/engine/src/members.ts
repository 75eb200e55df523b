import { requirePlan } from './catalog.js';
import { requireIsoDate } from './dates.js';
import { Draft, seatPrice } from './internal.js';
import { BillingError } from './money.js';
import type {
  BillingPolicy,
  EngineContext,
  IsoDate,
  Member,
  Outcome,
  Role,
  SubscriptionState,
  TeamState,
} from './types.js';
import { eventReason } from './wording.js';

export interface NewMember {
  id: string;
  name: string;
  role: Role;
}

export interface SeatSummary {
  purchased: number;
  inUse: number;
  byRole: Record<Role, number>;
  /** Members above purchased seats not billed yet (auto-flex). */
  autoFlexExtra: number;
  available: number;
}

/** Members on the team on `date` (joined on or before, not yet left). */
export function activeMembers(state: TeamState, date: IsoDate): Member[] {
  return state.members.filter(
    (member) => member.joinedOn <= date && (member.leftOn === null || member.leftOn > date),
  );
}

/** term-credit style: the team is billed for its members rather than for bought seats. */
export function billsForMembers(policy: BillingPolicy): boolean {
  return policy.membersAboveSeats === 'true_up';
}

/** term-credit without a seat order: the seats follow the members (an order's seats are bought). */
export function seatsFollowMembers(subscription: SubscriptionState): boolean {
  return billsForMembers(subscription.policy) && !subscription.seatOrder;
}

/**
 * Seats the team is billed for on `date`: the seat order's seats, the members (term-credit),
 * or the purchased seats (prorate; auto-flex extras are billed at the cycle's billing date).
 */
export function billableSeats(state: TeamState, date: IsoDate): number {
  const { subscription } = state;
  if (subscription.seatOrder) return subscription.seatOrder.seats;
  if (billsForMembers(subscription.policy)) return activeMembers(state, date).length;
  return subscription.seats;
}

export function seatSummary(state: TeamState, date: IsoDate): SeatSummary {
  const members = activeMembers(state, date);
  const byRole: Record<Role, number> = { admin: 0, billing: 0, member: 0, visitor: 0 };
  for (const member of members) byRole[member.role] += 1;
  const purchased = billableSeats(state, date);
  const autoFlexExtra = state.autoFlex.enabled ? Math.max(0, members.length - purchased) : 0;
  return {
    purchased,
    inUse: members.length,
    byRole,
    autoFlexExtra,
    available: Math.max(0, purchased - members.length),
  };
}

/**
 * Queues a term-credit seat change for the next monthly review. Nothing is queued while
 * trialing (the trial end bills the members then) or on a free plan.
 */
function queueAdjustment(draft: Draft, delta: number, date: IsoDate, ctx: EngineContext): void {
  const { subscription } = draft.state;
  if (!seatsFollowMembers(subscription)) return;
  if (subscription.status === 'trialing') return;
  const unitPrice = seatPrice(draft.state, subscription.planId, subscription.interval, ctx);
  if (!unitPrice || unitPrice.amount === 0) return;
  draft.edit('pendingAdjustments').push({
    delta,
    on: date,
    unitPrice,
    period: subscription.currentPeriod,
    planId: subscription.planId,
  });
}

/**
 * Adds a member. Refused with a BillingError when the plan's member limit, the seat order or
 * the purchased seats (prorate without auto-flex) leave no room.
 */
export function addMember(
  state: TeamState,
  member: NewMember,
  today: IsoDate,
  ctx: EngineContext,
): Outcome {
  requireIsoDate(today);
  const draft = new Draft(state);
  const { subscription } = draft.state;
  const members = activeMembers(draft.state, today);
  if (
    draft.state.members.some((existing) => existing.id === member.id && existing.leftOn === null)
  ) {
    throw new BillingError('member_exists', `Member ${member.id} is already on the team`, '/id');
  }
  const plan = requirePlan(ctx.catalog, subscription.planId);
  if (plan.maxMembers !== null && members.length >= plan.maxMembers) {
    throw new BillingError(
      'member_limit_reached',
      `${plan.name} allows up to ${plan.maxMembers} members`,
    );
  }
  if (subscription.seatOrder && members.length >= subscription.seatOrder.seats) {
    throw new BillingError(
      'seat_order_full',
      `All ${subscription.seatOrder.seats} seats of the seat order are taken`,
    );
  }
  const prepaidSeats = !billsForMembers(subscription.policy) && plan.maxMembers === null;
  if (prepaidSeats && members.length >= subscription.seats && !draft.state.autoFlex.enabled) {
    throw new BillingError(
      'no_seats_available',
      `All ${subscription.seats} seats are taken; buy seats or enable auto-flex`,
    );
  }
  draft.edit('members').push({ ...member, joinedOn: today, leftOn: null });
  queueAdjustment(draft, 1, today, ctx);
  draft.emit(
    today,
    eventReason('member_joined', {
      memberId: member.id,
      memberName: member.name,
      role: member.role,
      members: members.length + 1,
    }),
  );
  return draft.outcome();
}

/** Removes a member (kept with `leftOn` for true-ups); term-credit queues the unused-days credit. */
export function removeMember(
  state: TeamState,
  memberId: string,
  today: IsoDate,
  ctx: EngineContext,
): Outcome {
  requireIsoDate(today);
  const draft = new Draft(state);
  const member = activeMembers(draft.state, today).find((candidate) => candidate.id === memberId);
  if (!member) throw new BillingError('member_not_found', `No active member ${memberId}`);
  const list = draft.edit('members');
  list[list.indexOf(member)] = { ...member, leftOn: today };
  queueAdjustment(draft, -1, today, ctx);
  const remaining = activeMembers(draft.state, today).length;
  draft.emit(
    today,
    eventReason('member_left', {
      memberId: member.id,
      memberName: member.name,
      members: remaining,
    }),
  );
  return draft.outcome();
}
