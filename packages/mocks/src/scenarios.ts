/**
 * Scenarios: a team described as plain data, built through the engine exactly
 * as it would have lived (created on its start date, then every timeline step
 * and every day of billing in between), so any state is one line in a test.
 */
import {
  type AddOnSelection,
  addCredit,
  addDays,
  addMember,
  advance,
  applyChange,
  type BillingPolicy,
  billingPolicies,
  billsForMembers,
  type CollectionMethod,
  createTeam,
  creditReason,
  daysBetween,
  type EngineContext,
  enableAutoFlex,
  type Interval,
  type IsoDate,
  isIsoDate,
  type Money,
  type PolicyName,
  placeSeatOrder,
  type Role,
  recordUsage,
  removeMember,
  type SeatOrderRequest,
  type SubscriptionChange,
  setOveragePolicy,
  type UsageRecord,
  usageSummary,
} from '@billkit/engine';
import { toIsoDate } from './clock.js';
import {
  commitOutcome,
  declineDefaultCharges,
  type MockTeam,
  makeDefaultPaymentMethod,
} from './store.js';
import type { BillingDetails, PaymentMethod } from './types.js';
import { autoFlexTermsVersion } from './views.js';

export interface ScenarioMember {
  id?: string;
  name?: string;
  role: Role;
}

/** Something that happened `daysAgo` days before the clock's start. */
export interface ScenarioStep {
  daysAgo: number;
  join?: ScenarioMember[];
  /** member ids */
  leave?: string[];
  usage?: UsageRecord[];
  change?: SubscriptionChange;
  /** a yearly seat order (`term-credit` only) */
  seatOrder?: SeatOrderRequest;
  /** the default card starts (true) or stops (false) declining charges */
  declineCharges?: boolean;
}

export type ScenarioPaymentMethod = 'card' | 'declining_card' | 'ach' | 'wire';

export interface Scenario {
  /** shown in the scenarios table and `mock.scenario` */
  description?: string;
  teamId?: string;
  planId: string;
  interval?: Interval;
  policy?: PolicyName | BillingPolicy;
  /**
   * purchased seats, on policies that sell seats (`prorate`); default: the members at the
   * start. `term-credit` teams are billed for their members: buy seats with a `seatOrder` step.
   */
  seats?: number;
  /** members on the start date, by role (default one admin) */
  members?: Partial<Record<Role, number>>;
  /** the day the subscription and its first period (or trial) started, `YYYY-MM-DD` */
  periodStart?: IsoDate;
  /** or: it started this many days before now (default 10) */
  startedDaysAgo?: number;
  trial?: boolean;
  /** auto-flex terms accepted on the start day (`prorate` only) */
  autoFlex?: boolean;
  addOns?: AddOnSelection[];
  collectionMethod?: CollectionMethod;
  negotiatedPrices?: { month: Money | null; year: Money | null };
  /** first one is the default; paid plans get a card unless told otherwise */
  paymentMethods?: ScenarioPaymentMethod[];
  /** a credit balance (minor units) on the start date */
  creditBalance?: number;
  overagePolicies?: Record<string, 'allowed' | 'disallowed'>;
  billingDetails?: Partial<BillingDetails>;
  timeline?: ScenarioStep[];
}

const demoNames = [
  'Ada Lovelace',
  'Grace Hopper',
  'Alan Turing',
  'Katherine Johnson',
  'Linus Torvalds',
  'Margaret Hamilton',
  'Dennis Ritchie',
  'Barbara Liskov',
  'Ken Thompson',
  'Frances Allen',
  'Edsger Dijkstra',
  'Radia Perlman',
  'Donald Knuth',
  'Hedy Lamarr',
  'John McCarthy',
];

function memberName(index: number): string {
  const base = demoNames[index % demoNames.length] ?? 'Member';
  return index < demoNames.length ? base : `${base} ${Math.floor(index / demoNames.length) + 1}`;
}

/** Monitoring requests from the two API monitors of the over-quota scenarios, 10 days ago. */
function monitoringUsage(quantities: { checkout: number; search: number }): ScenarioStep {
  const monitor = (consumerId: string, consumerName: string, quantity: number) => ({
    resourceId: 'monitoring_requests',
    quantity,
    consumerId,
    consumerName,
  });
  return {
    daysAgo: 10,
    usage: [
      monitor('mon_checkout', 'Checkout API monitor', quantities.checkout),
      monitor('mon_search', 'Search API monitor', quantities.search),
    ],
  };
}

/** Grows a 1,000-seat team one seat a day for three years: one proration invoice per seat plus renewals. */
function longHistoryTimeline(): ScenarioStep[] {
  const steps: ScenarioStep[] = [];
  for (let day = 1_080; day >= 20; day -= 1) {
    steps.push({ daysAgo: day, change: { seats: 1_081 - day + 10, timing: 'immediately' } });
  }
  return steps;
}

export const scenarios = {
  free: {
    description: 'Free plan, two members, no payment method.',
    planId: 'free',
    interval: 'month',
    members: { admin: 1, member: 1 },
    startedDaysAgo: 45,
    paymentMethods: [],
  },
  'basic-monthly': {
    description:
      'Basic, monthly, prorate policy, 5 seats all in use, a card on file, one renewal behind it.',
    planId: 'basic',
    interval: 'month',
    members: { admin: 1, billing: 1, member: 3 },
    startedDaysAgo: 40,
  },
  'professional-annual-autoflex': {
    description:
      'Professional, annual, auto-flex on: 10 seats, 2 extra members joined this flex cycle and are pending until the quarterly billing date (notice already sent).',
    planId: 'professional',
    interval: 'year',
    members: { admin: 2, billing: 1, member: 6, visitor: 1 },
    seats: 10,
    autoFlex: true,
    startedDaysAgo: 80,
    timeline: [{ daysAgo: 12, join: [{ role: 'member' }, { role: 'member' }] }],
  },
  'term-credit-seat-order-expiring': {
    description:
      'term-credit policy, Basic annual with a yearly seat order of 12 seats that expires in 20 days (expiry notice sent).',
    planId: 'basic',
    interval: 'year',
    policy: 'term-credit',
    members: { admin: 1, billing: 1, member: 8 },
    startedDaysAgo: 345,
    timeline: [{ daysAgo: 345, seatOrder: { seats: 12 } }],
  },
  'past-due-grace': {
    description:
      'Basic monthly whose card started declining before the renewal 7 days ago: three failed attempts, past due, grace period ends in 3 days.',
    planId: 'basic',
    interval: 'month',
    members: { admin: 1, billing: 1, member: 2 },
    startedDaysAgo: 38,
    timeline: [{ daysAgo: 9, declineCharges: true }],
  },
  'enterprise-invoice': {
    description:
      'Enterprise annual paying by invoice (ACH default, wire): negotiated prices, an open invoice due in 20 days.',
    planId: 'enterprise',
    interval: 'year',
    members: { admin: 2, billing: 2, member: 20, visitor: 4 },
    seats: 30,
    collectionMethod: 'send_invoice',
    negotiatedPrices: {
      month: { amount: 3_000, currency: 'USD' },
      year: { amount: 30_000, currency: 'USD' },
    },
    paymentMethods: ['ach', 'wire'],
    startedDaysAgo: 10,
    billingDetails: {
      companyName: 'Globex Corporation',
      email: 'ap@globex.example',
      address: { line1: 'Kurfürstendamm 21', city: 'Berlin', postalCode: '10719', country: 'DE' },
      vatId: 'DE123456789',
    },
  },
  'over-quota-overage-allowed': {
    description:
      'Basic monthly using 12,500 of 10,000 monitoring requests with overage allowed: pay-as-you-go overage projected.',
    planId: 'basic',
    interval: 'month',
    members: { admin: 1, member: 2 },
    startedDaysAgo: 20,
    overagePolicies: { monitoring_requests: 'allowed' },
    timeline: [monitoringUsage({ checkout: 8_000, search: 4_500 })],
  },
  'over-quota-overage-disallowed': {
    description:
      'Basic monthly at its 10,000 monitoring-request cap with overage disallowed: further usage is refused.',
    planId: 'basic',
    interval: 'month',
    members: { admin: 1, member: 2 },
    startedDaysAgo: 20,
    overagePolicies: { monitoring_requests: 'disallowed' },
    timeline: [monitoringUsage({ checkout: 6_000, search: 4_000 })],
  },
  trialing: {
    description:
      'Professional monthly trial with a card on file, 3 days left; converts automatically at trial end.',
    planId: 'professional',
    interval: 'month',
    members: { admin: 1, member: 3 },
    trial: true,
    startedDaysAgo: 11,
  },
  'long-history': {
    description:
      'Professional monthly team that bought a seat a day for three years: 1,000+ invoices for pagination.',
    planId: 'professional',
    interval: 'month',
    members: { admin: 1, member: 9 },
    startedDaysAgo: 1_095,
    timeline: longHistoryTimeline(),
  },
} satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof scenarios;

export function isScenarioName(value: string): value is ScenarioName {
  return Object.hasOwn(scenarios, value);
}

const defaultBillingDetails: BillingDetails = {
  companyName: 'Acme Robotics GmbH',
  email: 'billing@acme.example',
  address: { line1: 'Friedrichstraße 123', city: 'Berlin', postalCode: '10117', country: 'DE' },
  vatId: null,
};

function scenarioPaymentMethod(
  id: string,
  kind: ScenarioPaymentMethod,
  createdAt: IsoDate,
  index: number,
): PaymentMethod {
  const base = { id, isDefault: index === 0, createdAt: `${createdAt}T00:00:00Z` };
  if (kind === 'card' || kind === 'declining_card') {
    const [brand, last4] = kind === 'card' ? ['visa', '4242'] : ['mastercard', '0341'];
    return {
      ...base,
      type: 'card',
      card: { brand, last4, expMonth: 8, expYear: 2029 },
      bank: null,
    };
  }
  return {
    ...base,
    type: kind,
    card: null,
    bank:
      kind === 'ach'
        ? { bankName: 'First Demo Bank', last4: '6789' }
        : { bankName: 'Demo Wire Bank', last4: '1113' },
  };
}

/** The team of a scenario that names none. */
export const defaultTeamId = 'team_acme';

/**
 * A scenario is a story, not a load test: it starts at most ten years back, has at most 1,000
 * members (at the start and joining), and its timeline makes at most 1,200 billing operations
 * (each member joining or leaving, usage record, change and seat order), so building one stays
 * within seconds (`long-history`, 1,061 changes over three years, takes about one).
 */
export const maxScenarioDays = 3_660;
const maxScenarioMembers = 1_000;
const maxScenarioOperations = 1_200;

/**
 * A scenario that cannot be built as written. `pointer` is the JSON Pointer of the field in
 * the scenario (`/seats`, `/timeline/2/seatOrder`); the message names the field and, when the
 * field does not apply, the policy.
 */
export class ScenarioError extends Error {
  constructor(
    readonly code: string,
    readonly pointer: string,
    message: string,
  ) {
    super(message);
    this.name = 'ScenarioError';
  }
}

function notApplicable(pointer: string, field: string, policy: BillingPolicy, why: string) {
  return new ScenarioError(
    'not_applicable_to_policy',
    pointer,
    `Scenario field "${field}" does not apply to the ${policy.name} policy: ${why}`,
  );
}

/**
 * Refuses a scenario that would be built as another team than the one it describes: a field
 * its policy ignores, two fields saying when it started, a start that is not a day before
 * today. Returns the day the subscription started.
 */
export function checkScenario(scenario: Scenario, policy: BillingPolicy, today: IsoDate): IsoDate {
  if (billsForMembers(policy)) {
    if (scenario.seats !== undefined) {
      throw notApplicable(
        '/seats',
        'seats',
        policy,
        'its teams are billed for their members; buy seats with a timeline seatOrder step',
      );
    }
    if (scenario.autoFlex === true) {
      throw notApplicable(
        '/autoFlex',
        'autoFlex',
        policy,
        'members above the seats are trued up at the monthly review, not billed by auto-flex',
      );
    }
  }
  if (!policy.seatOrders) {
    const index = (scenario.timeline ?? []).findIndex((step) => step.seatOrder !== undefined);
    if (index >= 0) {
      throw notApplicable(
        `/timeline/${index}/seatOrder`,
        `timeline[${index}].seatOrder`,
        policy,
        'yearly seat orders are for term-credit teams',
      );
    }
  }
  const start = scenarioStart(scenario, today);
  checkTimeline(scenario, daysBetween(start, today));
  return start;
}

function checkTimeline(scenario: Scenario, startedDaysAgo: number): void {
  const timeline = scenario.timeline ?? [];
  const stepBeforeStart = timeline.findIndex((step) => step.daysAgo > startedDaysAgo);
  if (stepBeforeStart >= 0) {
    throw new ScenarioError(
      'step_before_start',
      `/timeline/${stepBeforeStart}/daysAgo`,
      `Scenario field "timeline[${stepBeforeStart}].daysAgo" (${timeline[stepBeforeStart]?.daysAgo}) is before the subscription started (${startedDaysAgo} days ago)`,
    );
  }
  const members =
    Object.values(scenario.members ?? {}).reduce((sum, count) => sum + (count ?? 0), 0) +
    timeline.reduce((sum, step) => sum + (step.join?.length ?? 0), 0);
  if (members > maxScenarioMembers) {
    throw new ScenarioError(
      'scenario_too_large',
      '/members',
      `A scenario has at most ${maxScenarioMembers} members, at the start and joining; this one has ${members}`,
    );
  }
  const operations = timeline.reduce(
    (sum, step) =>
      sum +
      (step.join?.length ?? 0) +
      (step.leave?.length ?? 0) +
      (step.usage?.length ?? 0) +
      (step.change ? 1 : 0) +
      (step.seatOrder ? 1 : 0),
    0,
  );
  if (operations > maxScenarioOperations) {
    throw new ScenarioError(
      'scenario_too_large',
      '/timeline',
      `A scenario's timeline makes at most ${maxScenarioOperations} billing operations; this one makes ${operations}`,
    );
  }
}

function scenarioStart({ periodStart, startedDaysAgo }: Scenario, today: IsoDate): IsoDate {
  if (periodStart === undefined) {
    const days = startedDaysAgo ?? 10;
    if (!Number.isInteger(days) || days < 0 || days > maxScenarioDays) {
      throw new ScenarioError(
        'invalid_start',
        '/startedDaysAgo',
        `Scenario field "startedDaysAgo" must be a whole number of days from 0 to ${maxScenarioDays}, not ${days}`,
      );
    }
    return addDays(today, -days);
  }
  if (startedDaysAgo !== undefined) {
    throw new ScenarioError(
      'conflicting_fields',
      '/periodStart',
      'Scenario fields "periodStart" and "startedDaysAgo" both say when the subscription started: give one',
    );
  }
  if (typeof periodStart !== 'string' || !isIsoDate(periodStart)) {
    throw new ScenarioError(
      'invalid_date',
      '/periodStart',
      `Scenario field "periodStart" must be a YYYY-MM-DD calendar day, not ${JSON.stringify(periodStart)}`,
    );
  }
  const days = daysBetween(periodStart, today);
  if (days < 0 || days > maxScenarioDays) {
    throw new ScenarioError(
      'invalid_start',
      '/periodStart',
      `Scenario field "periodStart" (${periodStart}) must be on or before the clock's today (${today}), at most ${maxScenarioDays} days before it`,
    );
  }
  return periodStart;
}

/** Builds the team a scenario describes, as of `now`; a scenario its policy contradicts is a `ScenarioError`. */
export function buildTeam(
  scenario: Scenario,
  now: Date,
  engine: EngineContext,
  policyOverride?: PolicyName | BillingPolicy,
): MockTeam {
  const today = toIsoDate(now);
  const policyOption = policyOverride ?? scenario.policy ?? 'prorate';
  const policy = typeof policyOption === 'string' ? billingPolicies[policyOption] : policyOption;
  const start = checkScenario(scenario, policy, today);
  const dayOf = (daysAgo: number) => addDays(today, -daysAgo);
  const paid = scenario.planId !== 'free';
  const methodKinds = scenario.paymentMethods ?? (paid ? ['card'] : []);
  const paymentMethods = methodKinds.map((kind, index) =>
    scenarioPaymentMethod(`pm_${String(index + 1).padStart(6, '0')}`, kind, start, index),
  );
  let memberCount = 0;
  const newMember = ({ id, name, role }: ScenarioMember) => {
    memberCount += 1;
    return {
      id: id ?? `mem_${String(memberCount).padStart(4, '0')}`,
      name: name ?? memberName(memberCount - 1),
      role,
    };
  };
  const members = Object.entries(scenario.members ?? { admin: 1 }).flatMap(([role, count]) =>
    Array.from({ length: count ?? 0 }, () => newMember({ role: role as Role })),
  );
  const admin = members.find((member) => member.role === 'admin') ?? null;
  const created = createTeam(
    {
      teamId: scenario.teamId ?? defaultTeamId,
      planId: scenario.planId,
      interval: scenario.interval ?? 'month',
      policy,
      ...(scenario.seats === undefined ? {} : { seats: scenario.seats }),
      start,
      members,
      trial: scenario.trial ?? false,
      addOns: scenario.addOns ?? [],
      collectionMethod: scenario.collectionMethod ?? 'charge_automatically',
      paymentMethodId: paymentMethods[0]?.id ?? null,
      negotiatedPrices: scenario.negotiatedPrices ?? null,
    },
    engine,
  );
  const team: MockTeam = {
    id: created.state.teamId,
    state: created.state,
    version: 1,
    paymentMethods,
    decliningMethodIds: new Set(
      paymentMethods
        .filter((_, index) => methodKinds[index] === 'declining_card')
        .map((method) => method.id),
    ),
    setups: [],
    billingDetails: { ...defaultBillingDetails, ...scenario.billingDetails },
    invoiceDetails: new Map(),
    events: [],
    noticesSent: [],
    quotes: [],
    usageHistory: new Map(),
    personalCredits: new Map(),
    usedSetupIds: new Set(),
    sequence: 100,
  };
  const actor = admin && { id: admin.id, name: admin.name, role: admin.role };
  commitOutcome(team, created, actor);
  const defaultMethodId = paymentMethods[0]?.id ?? null;
  if (defaultMethodId !== null && team.decliningMethodIds.has(defaultMethodId)) {
    makeDefaultPaymentMethod(team, defaultMethodId, start);
  }
  if (scenario.autoFlex) {
    commitOutcome(
      team,
      enableAutoFlex(team.state, { termsVersion: autoFlexTermsVersion }, start, engine),
      actor,
    );
  }
  for (const [resourceId, policy] of Object.entries(scenario.overagePolicies ?? {})) {
    commitOutcome(team, setOveragePolicy(team.state, resourceId, policy, start, engine), actor);
  }
  if (scenario.creditBalance) {
    const amount = { amount: scenario.creditBalance, currency: engine.catalog.currency };
    commitOutcome(
      team,
      addCredit(team.state, { amount, reason: creditReason('opening_balance', {}) }, start),
      null,
    );
  }

  const steps = [...(scenario.timeline ?? [])].sort((a, b) => b.daysAgo - a.daysAgo);
  for (const step of steps) {
    const day = dayOf(step.daysAgo);
    advanceTeam(team, day, engine);
    for (const joining of step.join ?? [])
      commitOutcome(team, addMember(team.state, newMember(joining), day, engine), actor);
    for (const memberId of step.leave ?? [])
      commitOutcome(team, removeMember(team.state, memberId, day, engine), actor);
    for (const record of step.usage ?? [])
      commitOutcome(team, recordUsage(team.state, record, day, engine), null);
    if (step.change) commitOutcome(team, applyChange(team.state, step.change, day, engine), actor);
    if (step.seatOrder)
      commitOutcome(team, placeSeatOrder(team.state, step.seatOrder, day, engine), actor);
    if (step.declineCharges !== undefined && defaultMethodId !== null)
      declineDefaultCharges(team, defaultMethodId, step.declineCharges, day);
  }
  advanceTeam(team, today, engine);
  return team;
}

/**
 * Lets the team's billing calendar run to `today` through the engine, one usage
 * period at a time so each finished period's usage is kept for `listUsage?period=`.
 */
export function advanceTeam(team: MockTeam, today: IsoDate, engine: EngineContext): void {
  while (team.state.usage.period.end <= today) {
    const finished = team.state.usage.period;
    commitOutcome(team, advance(team.state, addDays(finished.end, -1), engine), null);
    const finalUsage = usageSummary(team.state, engine);
    commitOutcome(team, advance(team.state, finished.end, engine), null);
    if (team.state.usage.period.start === finished.start) break;
    team.usageHistory.set(finished.start, finalUsage);
  }
  if (team.state.processedThrough < today)
    commitOutcome(team, advance(team.state, today, engine), null);
}
