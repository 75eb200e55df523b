/**
 * The mock's control surface, kept out of the public contract: the test clock,
 * membership (the host product owns it; billing only counts it), metered usage,
 * a declining card, and faults. Each is a JS method and an endpoint under
 * `<baseUrl>/__mock/…`, the endpoints calling the methods.
 */
import {
  activeMembers,
  addMember,
  autoFlexStatus,
  BillingError,
  type BillingPolicy,
  type IsoDate,
  type Member,
  type NewMember,
  nextInvoice,
  type PolicyName,
  recordUsage,
  removeMember,
  type UsageCheck,
  type UsageRecord,
} from '@billkit/engine';
import { Hono } from 'hono';
import type { MockRuntime } from './app.js';
import { errorResponse, json } from './app.js';
import { readJsonBody } from './body.js';
import type { FaultKind, FaultOptions, FaultRule } from './faults.js';
import { fieldProblem, ProblemError, problemResponse } from './problem.js';
import { newTeamSchema } from './scenario-schema.js';
import {
  advanceTeam,
  isScenarioName,
  type Scenario,
  ScenarioError,
  type ScenarioName,
  scenarios,
} from './scenarios.js';
import {
  commitOutcome,
  declineDefaultCharges,
  isRole,
  type MockTeam,
  nextId,
  viewerFromToken,
} from './store.js';
import type { Actor } from './types.js';

/**
 * Who changed the membership, for the history: `by` names a current member (any role: the
 * host product decides who may invite; billing records it). Without it, the team's first
 * admin — the viewer a `role:admin` token stands for.
 */
export interface MembershipActor {
  by?: string;
}

export interface MemberControl {
  /** Current members (joined, not left). */
  list(): Member[];
  /** A member joins the team (auto-flex extra, true-up, or refused with `no_seats_available`). */
  add(member: { role: NewMember['role']; name?: string; id?: string } & MembershipActor): Member;
  /** A member leaves the team. */
  remove(memberId: string, options?: MembershipActor): void;
}

export interface AddTeamOptions {
  /** overrides the scenario's billing policy */
  policy?: PolicyName | BillingPolicy;
  /** the new team's id (default the scenario's `teamId`, else `team_acme`) */
  teamId?: string;
}

/** The teams a mock serves, for the control endpoints. */
export interface TeamDirectory {
  get(teamId: string): TeamControl | undefined;
  add(scenario: ScenarioName | Scenario, options?: AddTeamOptions): TeamControl;
}

export interface TeamControl {
  team: MockTeam;
  members: MemberControl;
  /** Records metered usage now; `accepted: false` (nothing recorded) beyond a hard cap. */
  recordUsage(record: UsageRecord): { accepted: boolean; check: UsageCheck };
  /** Makes the default payment method decline (true) or accept (false) every charge. */
  declineCharges(decline: boolean): void;
  /**
   * The next day after today on which the team is billed, as its overview shows it: the next
   * invoice's date, auto-flex's billing date or the end of the current period (the renewal, or
   * the trial's end), whichever comes first; null when none is ahead. Moving the test clock
   * there (`clock.set(day)`) runs that billing.
   */
  nextBillingDate(): IsoDate | null;
}

export function createTeamControl(runtime: MockRuntime, team: MockTeam): TeamControl {
  const engine = runtime.store.engine;
  const today = () => runtime.clock.today();
  /** The member `by` names (a 422 on `/by` when none), or the team's admin. */
  const actorOf = ({ by }: MembershipActor): Actor => {
    const token = by === undefined ? 'role:admin' : `member:${by}`;
    const actor = viewerFromToken(team, token, 'admin', today());
    if (!actor) {
      throw fieldProblem('/by', 'unknown_member', `No current member ${by} on team ${team.id}`);
    }
    return actor;
  };
  return {
    team,
    members: {
      list: () => activeMembers(team.state, today()),
      add: ({ role, name, id, by }) => {
        const actor = actorOf({ by });
        const memberId = id ?? nextId(team, 'mem');
        const outcome = addMember(
          team.state,
          { id: memberId, name: name ?? `New ${role} ${memberId}`, role },
          today(),
          engine,
        );
        commitOutcome(team, outcome, actor, runtime.clock.now());
        const member = outcome.state.members.find((candidate) => candidate.id === memberId);
        if (!member) throw new Error(`addMember did not add ${memberId}`);
        return member;
      },
      remove: (memberId, options = {}) => {
        if (!team.state.members.some((member) => member.id === memberId)) {
          throw new ProblemError(404, 'member_not_found', { detail: `No member ${memberId}` });
        }
        const actor = actorOf(options);
        const outcome = removeMember(team.state, memberId, today(), engine);
        commitOutcome(team, outcome, actor, runtime.clock.now());
      },
    },
    recordUsage: (record) => {
      const outcome = recordUsage(team.state, record, today(), engine);
      commitOutcome(team, outcome, null, runtime.clock.now());
      return { accepted: outcome.accepted, check: outcome.check };
    },
    declineCharges: (decline) => {
      const method = team.paymentMethods.find((candidate) => candidate.isDefault);
      if (!method)
        throw new ProblemError(409, 'no_payment_method', {
          detail: 'The team has no default payment method',
        });
      declineDefaultCharges(team, method.id, decline, today());
    },
    nextBillingDate: () => {
      const day = today();
      // The same engine views the overview serves (nextInvoice, autoFlex.cycle, currentPeriod).
      const candidates = [
        nextInvoice(team.state, day, engine)?.date,
        autoFlexStatus(team.state, day, engine).cycle?.billingDate,
        team.state.subscription.currentPeriod.end,
      ].filter((candidate): candidate is IsoDate => candidate !== undefined && candidate > day);
      return candidates.sort()[0] ?? null;
    },
  };
}

/** Runs every team's billing calendar up to the clock's new day (renewals, retries, notices…). */
export function advanceAllTeams(runtime: MockRuntime): void {
  for (const team of runtime.store.teams.values())
    advanceTeam(team, runtime.clock.today(), runtime.store.engine);
}

async function jsonBody(request: Request): Promise<Record<string, unknown>> {
  return ((await readJsonBody(request, false)) ?? {}) as Record<string, unknown>;
}

/** Control bodies follow the contract's bounds: ids up to 255 characters, names up to 200. */
const textLimits = { id: 255, name: 200 } as const;

/** An optional text field: absent, or a string of at most `limit` characters that is not blank. */
function optionalText(
  body: Record<string, unknown>,
  field: string,
  limit: keyof typeof textLimits,
): string | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  const maxLength = textLimits[limit];
  const message =
    typeof value !== 'string'
      ? 'must be a string'
      : value.trim() === ''
        ? 'must not be blank'
        : value.length > maxLength
          ? `must be at most ${maxLength} characters`
          : null;
  if (message !== null) {
    throw new ProblemError(422, 'validation_failed', {
      errors: [{ pointer: `/${field}`, code: 'invalid', message }],
    });
  }
  return value as string;
}

function requireNumber(body: Record<string, unknown>, field: string): number {
  const value = body[field];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ProblemError(422, 'validation_failed', {
      errors: [{ pointer: `/${field}`, code: 'invalid_type', message: 'must be a number' }],
    });
  }
  return value;
}

const faultKinds: FaultKind[] = ['server_error', 'unavailable', 'rate_limited', 'network_error'];

/** A `PUT /__mock/faults` body as FaultOptions, or a 422 naming the first bad field. */
function faultOptionsFrom(body: Record<string, unknown>): FaultOptions {
  const invalid = (pointer: string, message: string) =>
    new ProblemError(422, 'validation_failed', {
      errors: [{ pointer, code: 'invalid', message }],
    });
  const { seed, latency, rules = [] } = body;
  if (seed !== undefined && !Number.isInteger(seed)) throw invalid('/seed', 'must be an integer');
  const isMs = (value: unknown) => typeof value === 'number' && value >= 0;
  const latencyOk =
    latency === undefined ||
    isMs(latency) ||
    (typeof latency === 'object' &&
      latency !== null &&
      isMs((latency as { min?: unknown }).min) &&
      isMs((latency as { max?: unknown }).max));
  if (!latencyOk) throw invalid('/latency', 'must be milliseconds, or { min, max } in ms');
  if (!Array.isArray(rules)) throw invalid('/rules', 'must be an array of fault rules');
  rules.forEach((rule: Partial<FaultRule> | null, index) => {
    const at = `/rules/${index}`;
    if (typeof rule !== 'object' || rule === null) throw invalid(at, 'must be a fault rule');
    if (!faultKinds.includes(rule.kind as FaultKind))
      throw invalid(`${at}/kind`, `must be one of ${faultKinds.join(', ')}`);
    if (
      rule.rate !== undefined &&
      !(typeof rule.rate === 'number' && rule.rate >= 0 && rule.rate <= 1)
    )
      throw invalid(`${at}/rate`, 'must be a number from 0 to 1');
    if (
      rule.onRequests !== undefined &&
      !(
        Array.isArray(rule.onRequests) && rule.onRequests.every((n) => Number.isInteger(n) && n > 0)
      )
    )
      throw invalid(`${at}/onRequests`, 'must be request numbers from 1');
    if (rule.phase !== undefined && rule.phase !== 'request' && rule.phase !== 'response')
      throw invalid(`${at}/phase`, 'must be request or response');
  });
  return body as FaultOptions;
}

/** The `/__mock` endpoints. */
export function createControlApp(runtime: MockRuntime, teams: TeamDirectory): Hono {
  const app = new Hono();
  app.onError(errorResponse);
  const clockState = () => ({
    now: runtime.clock.now().toISOString(),
    today: runtime.clock.today(),
  });
  const controlOf = (teamId: string) => {
    const control = teams.get(teamId);
    if (!control) throw new ProblemError(404, 'team_not_found', { detail: `No team ${teamId}` });
    return control;
  };

  app.get('/clock', () => json(clockState()));
  app.post('/clock', async (c) => {
    const body = await jsonBody(c.req.raw);
    if (body.to !== undefined && typeof body.to !== 'string') {
      throw new ProblemError(422, 'validation_failed', {
        errors: [{ pointer: '/to', code: 'invalid_type', message: 'must be a date string' }],
      });
    }
    try {
      if (typeof body.to === 'string') runtime.clock.set(body.to);
      else
        runtime.clock.advance({
          days: body.days === undefined ? 0 : requireNumber(body, 'days'),
          hours: body.hours === undefined ? 0 : requireNumber(body, 'hours'),
        });
    } catch (error) {
      if (error instanceof RangeError) {
        // The field that asked for the move: `to`, else the first of days/hours that was sent.
        const field =
          typeof body.to === 'string' ? 'to' : body.days !== undefined ? 'days' : 'hours';
        throw new ProblemError(422, 'invalid_clock_move', {
          errors: [{ pointer: `/${field}`, code: 'invalid_clock_move', message: error.message }],
        });
      }
      throw error;
    }
    return json(clockState());
  });

  app.post('/teams', async (c) => {
    const body = await jsonBody(c.req.raw);
    const errors = runtime.validator.compile(newTeamSchema)(body);
    if (errors.length > 0) {
      throw new ProblemError(422, 'validation_failed', {
        detail: 'The body is not a scenario to build',
        errors,
      });
    }
    const { scenario, policy, teamId } = body as {
      scenario: string | Scenario;
      policy?: PolicyName;
      teamId?: string;
    };
    if (typeof scenario === 'string' && !isScenarioName(scenario)) {
      throw fieldProblem(
        '/scenario',
        'unknown_scenario',
        `No scenario ${scenario}; known: ${Object.keys(scenarios).join(', ')}`,
      );
    }
    try {
      const control = teams.add(scenario as ScenarioName | Scenario, {
        ...(policy === undefined ? {} : { policy }),
        ...(teamId === undefined ? {} : { teamId }),
      });
      return json({ teamId: control.team.id, members: control.members.list() }, { status: 201 });
    } catch (error) {
      // A named scenario holds as written: what it contradicts is the policy asked for.
      if (error instanceof ScenarioError) {
        const pointer = typeof scenario === 'string' ? '/policy' : `/scenario${error.pointer}`;
        throw fieldProblem(pointer, error.code, error.message);
      }
      // The engine refused the team as a whole (its pointers name its own inputs).
      if (error instanceof BillingError) throw fieldProblem('/scenario', error.code, error.message);
      throw error;
    }
  });

  app.get('/teams/:teamId/members', (c) =>
    json({ data: controlOf(c.req.param('teamId')).members.list() }),
  );
  app.post('/teams/:teamId/members', async (c) => {
    const body = await jsonBody(c.req.raw);
    const role = String(body.role ?? 'member');
    if (!isRole(role)) {
      throw new ProblemError(422, 'validation_failed', {
        errors: [
          { pointer: '/role', code: 'invalid_value', message: 'admin, billing, member or visitor' },
        ],
      });
    }
    const name = optionalText(body, 'name', 'name');
    const id = optionalText(body, 'id', 'id');
    const by = optionalText(body, 'by', 'id');
    const member = controlOf(c.req.param('teamId')).members.add({
      role,
      ...(name === undefined ? {} : { name }),
      ...(id === undefined ? {} : { id }),
      ...(by === undefined ? {} : { by }),
    });
    return json(member, { status: 201 });
  });
  app.delete('/teams/:teamId/members/:memberId', (c) => {
    const by = c.req.query('by');
    controlOf(c.req.param('teamId')).members.remove(
      c.req.param('memberId'),
      by === undefined ? {} : { by },
    );
    return new Response(null, { status: 204 });
  });

  app.post('/teams/:teamId/usage', async (c) => {
    const body = await jsonBody(c.req.raw);
    const consumerId = optionalText(body, 'consumerId', 'id');
    const consumerName = optionalText(body, 'consumerName', 'name');
    const result = controlOf(c.req.param('teamId')).recordUsage({
      resourceId: optionalText(body, 'resourceId', 'id') ?? '',
      quantity: requireNumber(body, 'quantity'),
      ...(consumerId === undefined ? {} : { consumerId }),
      ...(consumerName === undefined ? {} : { consumerName }),
    });
    if (!result.accepted) {
      return problemResponse(429, 'usage_capped', {
        detail: `Overage is disallowed: ${result.check.remaining} of ${result.check.included} left`,
        retryAfter: 3600,
      });
    }
    return json(result);
  });

  app.put('/teams/:teamId/payment', async (c) => {
    const body = await jsonBody(c.req.raw);
    controlOf(c.req.param('teamId')).declineCharges(body.declineCharges === true);
    return json({ declineCharges: body.declineCharges === true });
  });

  app.get('/teams/:teamId/state', (c) => {
    const { team } = controlOf(c.req.param('teamId'));
    return json({ state: team.state, version: team.version, noticesSent: team.noticesSent });
  });

  app.get('/faults', () => json({ rules: runtime.faults.rules }));
  app.put('/faults', async (c) => {
    // Checked before anything changes: a bad rule leaves the current faults as they were.
    runtime.faults.configure(faultOptionsFrom(await jsonBody(c.req.raw)));
    return json({ rules: runtime.faults.rules });
  });
  app.delete('/faults', () => {
    runtime.faults.clear();
    return new Response(null, { status: 204 });
  });
  return app;
}
