/** `createBillingMock`: a team from a scenario, the test clock, faults, and the handlers that serve them. */
import {
  type BillingPolicy,
  type Catalog,
  demoCatalog,
  type PolicyName,
  type Role,
} from '@billkit/engine';
import { http, type RequestHandler } from 'msw';
import { createApp, type MockRuntime } from './app.js';
import { TestClock } from './clock.js';
import {
  type AddTeamOptions,
  advanceAllTeams,
  createControlApp,
  createTeamControl,
  type MemberControl,
  type TeamControl,
} from './control.js';
import { FaultInjector, type FaultOptions, type FaultRule, type Latency } from './faults.js';
import { IdempotencyStore } from './idempotency.js';
import { operations } from './operations.js';
import { ProblemError } from './problem.js';
import {
  buildTeam,
  defaultTeamId,
  isScenarioName,
  type Scenario,
  type ScenarioName,
  scenarios,
} from './scenarios.js';
import { billingSpec } from './spec.js';
import { BillingStore, type MockTeam } from './store.js';
import { ContractValidator } from './validation.js';

export const defaultBaseUrl = 'https://api.billkit.example/v1';
/** The demo's "now": mid-June 2026, the period of the billing rules' worked examples. */
export const defaultNow = '2026-06-20T09:00:00Z';

export interface BillingMockOptions {
  /** a named scenario or a scenario object (default `basic-monthly`) */
  scenario?: ScenarioName | Scenario;
  /** overrides the scenario's billing policy */
  policy?: PolicyName | BillingPolicy;
  /** the test clock's start (default 2026-06-20T09:00:00Z) */
  now?: Date | string;
  /** role of a viewer whose token names none (default `admin`); tokens `role:<role>` pick one per request */
  role?: Role;
  /** milliseconds per request, fixed or a seeded range */
  latency?: Latency;
  /** fault rules (or full options with a seed) */
  faults?: FaultRule[] | FaultOptions;
  /** where the API lives (default https://api.billkit.example/v1); a path like `/api/v1` works in browsers */
  baseUrl?: string;
  catalog?: Catalog;
}

export interface BillingMock {
  baseUrl: string;
  teamId: string;
  scenario: Scenario;
  /** The fetch handler: every operation and the `/__mock` endpoints. A dropped connection is `Response.error()`. */
  handle(request: Request): Promise<Response>;
  /** `handle` shaped like `fetch`: a dropped connection rejects with a TypeError, as a real fetch does. */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** MSW handlers for `setupWorker` / `setupServer`. */
  handlers: RequestHandler[];
  clock: TestClock;
  store: BillingStore;
  /** The scenario's team (live: it changes as requests and the clock run). */
  team: MockTeam;
  members: MemberControl;
  /**
   * Builds another scenario's team as of the clock's now and serves it beside the first (its
   * own `teamId`, the same clock); returns its controls. A scenario its policy contradicts
   * throws a `ScenarioError`; a team id in use is a `409 team_exists` ProblemError.
   */
  addTeam(scenario: ScenarioName | Scenario, options?: AddTeamOptions): TeamControl;
  recordUsage: TeamControl['recordUsage'];
  declineCharges: TeamControl['declineCharges'];
  /** The team's next billing date after today (see `TeamControl.nextBillingDate`). */
  nextBillingDate: TeamControl['nextBillingDate'];
  faults: FaultInjector;
  validator: ContractValidator;
  /** The idempotency keys kept (`size`): those used in the last 24 hours of clock time. */
  idempotency: Pick<IdempotencyStore, 'size'>;
}

/** Bearer token for a viewer with `role` (the first member with it), e.g. for an SDK's `getToken`. */
export function tokenFor(role: Role): string {
  return `role:${role}`;
}

function resolveScenario(scenario: ScenarioName | Scenario): Scenario {
  if (typeof scenario !== 'string') return scenario;
  if (!isScenarioName(scenario)) {
    throw new Error(`Unknown scenario "${scenario}"; known: ${Object.keys(scenarios).join(', ')}`);
  }
  return scenarios[scenario];
}

/** One validator for every mock: its compiled schemas are the expensive part. */
let sharedValidator: ContractValidator | undefined;

function contractValidator(): ContractValidator {
  sharedValidator ??= new ContractValidator(billingSpec);
  return sharedValidator;
}

/**
 * Named scenarios on the demo catalog are pure functions of (name, now, policy):
 * each is built once per process and copied, so mocks made per test or per story
 * are cheap (`long-history` replays three years of billing).
 */
const builtScenarios = new Map<string, MockTeam>();

function buildNamedScenario(
  name: ScenarioName,
  scenario: Scenario,
  now: Date,
  policy: BillingMockOptions['policy'],
): MockTeam {
  const key = JSON.stringify([name, now.toISOString(), policy ?? null]);
  let built = builtScenarios.get(key);
  if (!built) {
    built = buildTeam(scenario, now, { catalog: demoCatalog }, policy);
    builtScenarios.set(key, built);
  }
  return structuredClone(built);
}

export function createBillingMock(options: BillingMockOptions = {}): BillingMock {
  const baseUrl = (options.baseUrl ?? defaultBaseUrl).replace(/\/$/, '');
  const scenarioOption = options.scenario ?? 'basic-monthly';
  const scenario = resolveScenario(scenarioOption);
  const clock = new TestClock(options.now ?? defaultNow);
  const store = new BillingStore({ catalog: options.catalog ?? demoCatalog });
  const faultOptions = Array.isArray(options.faults)
    ? { rules: options.faults }
    : (options.faults ?? {});
  const runtime: MockRuntime = {
    store,
    clock,
    faults: new FaultInjector({
      ...faultOptions,
      ...(options.latency === undefined ? {} : { latency: options.latency }),
    }),
    validator: contractValidator(),
    idempotency: new IdempotencyStore(),
    defaultRole: options.role ?? 'admin',
    basePath: new URL(baseUrl, 'http://localhost').pathname.replace(/\/$/, ''),
  };
  const controls = new Map<string, TeamControl>();
  const addTeam = (
    scenarioOrName: ScenarioName | Scenario,
    { policy, teamId }: AddTeamOptions = {},
  ): TeamControl => {
    const described = resolveScenario(scenarioOrName);
    const id = teamId ?? described.teamId ?? defaultTeamId;
    if (store.team(id)) {
      throw new ProblemError(409, 'team_exists', { detail: `Team ${id} exists already` });
    }
    const team = store.add(
      options.catalog === undefined && typeof scenarioOrName === 'string' && teamId === undefined
        ? buildNamedScenario(scenarioOrName, described, clock.now(), policy)
        : buildTeam({ ...described, teamId: id }, clock.now(), store.engine, policy),
    );
    const control = createTeamControl(runtime, team);
    controls.set(team.id, control);
    return control;
  };
  const control = addTeam(scenarioOption, { policy: options.policy });
  const { team } = control;
  clock.onAdvance(() => advanceAllTeams(runtime));
  const app = createApp(
    runtime,
    operations,
    createControlApp(runtime, { get: (teamId) => controls.get(teamId), add: addTeam }),
  );
  const handle = async (request: Request) => app.fetch(request);
  return {
    baseUrl,
    teamId: team.id,
    scenario,
    handle,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      // Like fetch: an aborted signal rejects with its reason, at once or while waiting.
      const { signal } = request;
      signal.throwIfAborted();
      let stopListening = () => {};
      const aborted = new Promise<never>((_, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        stopListening = () => signal.removeEventListener('abort', onAbort);
      });
      const response = await Promise.race([handle(request), aborted]).finally(stopListening);
      if (response.type === 'error')
        throw new TypeError('fetch failed: the mock dropped the connection');
      return response;
    },
    handlers: [http.all(`${baseUrl}/*`, ({ request }) => handle(request))],
    clock,
    store,
    team,
    members: control.members,
    addTeam,
    recordUsage: control.recordUsage,
    declineCharges: control.declineCharges,
    nextBillingDate: control.nextBillingDate,
    faults: runtime.faults,
    validator: runtime.validator,
    idempotency: runtime.idempotency,
  };
}
