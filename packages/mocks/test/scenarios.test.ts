/**
 * Scenario objects: an explicit period start, and fields the scenario's policy would ignore
 * refused with an error naming the field and the policy (the HTTP endpoint's 422 is in
 * control.test.ts).
 */
import { createPolicy } from '@billkit/engine';
import { describe, expect, it } from 'vitest';
import { createBillingMock, type Scenario, ScenarioError, scenarios } from '../src/index.js';
import { scenarioSchema } from '../src/scenario-schema.js';

const now = '2026-06-20T09:00:00Z';
const basic: Scenario = { planId: 'basic', interval: 'month', members: { admin: 1, member: 2 } };

/** What `createBillingMock` threw for the scenario (and policy), as a ScenarioError. */
function refusal(scenario: Scenario | keyof typeof scenarios, policy?: 'prorate' | 'term-credit') {
  try {
    createBillingMock({ now, scenario, ...(policy === undefined ? {} : { policy }) });
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return error as ScenarioError;
  }
  throw new Error('the scenario was built');
}

describe('periodStart', () => {
  it('starts the subscription and its first period on the given day', () => {
    const mock = createBillingMock({ now, scenario: { ...basic, periodStart: '2026-05-03' } });
    const { subscription } = mock.team.state;
    expect(subscription.createdAt).toBe('2026-05-03');
    expect(subscription.currentPeriod).toEqual({ start: '2026-06-03', end: '2026-07-03' });
    expect(mock.team.state.invoices.map((invoice) => invoice.issueDate)).toEqual([
      '2026-05-03',
      '2026-06-03',
    ]);
  });

  it('builds the same team as the startedDaysAgo it names', () => {
    const byDate = createBillingMock({ now, scenario: { ...basic, periodStart: '2026-05-03' } });
    const byDays = createBillingMock({ now, scenario: { ...basic, startedDaysAgo: 48 } });
    expect(byDate.team.state).toEqual(byDays.team.state);
  });

  it('refuses a second start, a day that does not exist and a day after now', () => {
    const both = refusal({ ...basic, periodStart: '2026-05-03', startedDaysAgo: 10 });
    expect(both).toMatchObject({ code: 'conflicting_fields', pointer: '/periodStart' });
    expect(both.message).toMatch(/"periodStart" and "startedDaysAgo"/);
    const notADay = refusal({ ...basic, periodStart: '2026-02-30' });
    expect(notADay).toMatchObject({ code: 'invalid_date', pointer: '/periodStart' });
    expect(notADay.message).toContain('"2026-02-30"');
    const later = refusal({ ...basic, periodStart: '2026-06-21' });
    expect(later).toMatchObject({ code: 'invalid_start', pointer: '/periodStart' });
    expect(later.message).toContain("the clock's today (2026-06-20)");
    expect(refusal({ ...basic, startedDaysAgo: -3 })).toMatchObject({
      code: 'invalid_start',
      pointer: '/startedDaysAgo',
    });
  });
});

describe('bounds', () => {
  it('refuses a timeline step before the start, and a scenario too large to build quickly', () => {
    const early = refusal({ ...basic, periodStart: '2026-06-10', timeline: [{ daysAgo: 12 }] });
    expect(early).toMatchObject({ code: 'step_before_start', pointer: '/timeline/0/daysAgo' });
    const crowd = refusal({
      ...basic,
      members: { admin: 1, member: 900 },
      timeline: [{ daysAgo: 1, join: Array.from({ length: 100 }, () => ({ role: 'member' })) }],
    });
    expect(crowd).toMatchObject({ code: 'scenario_too_large', pointer: '/members' });
    expect(crowd.message).toContain('this one has 1001');
    const busy = refusal({
      ...basic,
      timeline: Array.from({ length: 401 }, () => ({
        daysAgo: 1,
        usage: [1, 2, 3].map((quantity) => ({ resourceId: 'monitoring_requests', quantity })),
      })),
    });
    expect(busy).toMatchObject({ code: 'scenario_too_large', pointer: '/timeline' });
  });
});

describe('fields that do not apply to the policy', () => {
  it('refuses seats on a term-credit team, which is billed for its members', () => {
    const error = refusal({ ...basic, policy: 'term-credit', seats: 12 });
    expect(error).toMatchObject({ code: 'not_applicable_to_policy', pointer: '/seats' });
    expect(error.message).toBe(
      'Scenario field "seats" does not apply to the term-credit policy: its teams are billed for their members; buy seats with a timeline seatOrder step',
    );
    // A policy object built on the preset bills for members too.
    expect(() =>
      createBillingMock({
        now,
        scenario: { ...basic, seats: 12 },
        policy: createPolicy('term-credit', { graceDays: 21 }),
      }),
    ).toThrow(/"seats" does not apply to the term-credit policy/);
  });

  it('refuses auto-flex on term-credit and seat orders on prorate', () => {
    const autoFlex = refusal({ ...basic, policy: 'term-credit', autoFlex: true });
    expect(autoFlex).toMatchObject({ pointer: '/autoFlex' });
    expect(autoFlex.message).toMatch(/"autoFlex" does not apply to the term-credit policy/);
    const seatOrder = refusal({
      ...basic,
      timeline: [
        { daysAgo: 5, join: [{ role: 'member' }] },
        { daysAgo: 2, seatOrder: { seats: 5 } },
      ],
    });
    expect(seatOrder).toMatchObject({ pointer: '/timeline/1/seatOrder' });
    expect(seatOrder.message).toMatch(
      /"timeline\[1\]\.seatOrder" does not apply to the prorate policy/,
    );
    // What applies is still taken: auto-flex off, and seats on prorate.
    const prorate = createBillingMock({ now, scenario: { ...basic, seats: 4, autoFlex: false } });
    expect(prorate.team.state.subscription.seats).toBe(4);
  });

  it('refuses a policy option that contradicts a named scenario', () => {
    const error = refusal('professional-annual-autoflex', 'term-credit');
    expect(error).toMatchObject({ code: 'not_applicable_to_policy', pointer: '/seats' });
    expect(error.message).toMatch(/"seats" does not apply to the term-credit policy/);
  });

  it('every named scenario holds for its policy and matches the HTTP schema', () => {
    const mock = createBillingMock({ now, scenario: 'free' });
    const check = mock.validator.compile(scenarioSchema);
    for (const [name, scenario] of Object.entries(scenarios)) {
      expect([name, check(scenario)]).toEqual([name, []]);
    }
    const termCredit = createBillingMock({ now, scenario: 'term-credit-seat-order-expiring' });
    expect(termCredit.team.state.subscription.seatOrder?.seats).toBe(12);
  });
});
