import type { EngineContext, IsoDate, Member, Outcome, Role, TeamState } from './types.js';

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
export function activeMembers(_state: TeamState, _date: IsoDate): Member[] {
  throw new Error('not implemented yet');
}

/** Seats the team is billed for on `date`: purchased seats, or max(seats, members) for term-credit. */
export function billableSeats(_state: TeamState, _date: IsoDate): number {
  throw new Error('not implemented yet');
}

export function seatSummary(_state: TeamState, _date: IsoDate): SeatSummary {
  throw new Error('not implemented yet');
}

/** Adds a member; refused (BillingError `no_seats_available`) when no seat is free and auto-flex is off. */
export function addMember(
  _state: TeamState,
  _member: NewMember,
  _today: IsoDate,
  _ctx: EngineContext,
): Outcome {
  throw new Error('not implemented yet');
}

/** Removes a member (kept with `leftOn` for true-ups); term-credit queues the unused-days credit. */
export function removeMember(
  _state: TeamState,
  _memberId: string,
  _today: IsoDate,
  _ctx: EngineContext,
): Outcome {
  throw new Error('not implemented yet');
}
