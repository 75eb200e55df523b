import {
  addMember,
  type CreateTeamInput,
  createTeam,
  creditReason,
  demoCatalog,
  type EngineContext,
  type Role,
  type TeamState,
} from '../src/index.js';

export const ctx: EngineContext = { catalog: demoCatalog };

/** A credit's reason for tests that only need some credit on the balance. */
export const gift = creditReason('credits_contributed', { memberId: 'u1', memberName: 'Ada' });

export function members(count: number, role: Role = 'member') {
  return Array.from({ length: count }, (_, index) => ({
    id: `m${index + 1}`,
    name: `Member ${index + 1}`,
    role: index === 0 ? 'admin' : role,
  }));
}

/** A team with `seats` members, created on `start` (its first invoice already paid). */
export function team(
  input: Partial<CreateTeamInput> &
    Pick<CreateTeamInput, 'planId' | 'interval' | 'policy' | 'start'>,
  seats = 10,
): TeamState {
  return createTeam(
    { teamId: 't1', members: members(seats), paymentMethodId: 'pm_card', ...input },
    ctx,
  ).state;
}

/** `state` after a member `id` joined on `date`. */
export function join(state: TeamState, id: string, date: string): TeamState {
  return addMember(state, { id, name: id, role: 'member' }, date, ctx).state;
}

/** Freezes `value` and everything reachable from it, so any write to it throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
