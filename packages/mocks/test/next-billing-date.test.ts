/**
 * `nextBillingDate()`: the day the test clock moves to for "to the next billing date" (the docs
 * control panel, Storybook's clock toolbar). It is the first day ahead the team's overview shows
 * billing on, and moving the clock there bills the team.
 */
import { describe, expect, it } from 'vitest';
import { createBillingMock, type ScenarioName, scenarios } from '../src/index.js';
import { contractClient } from './helpers.js';

describe('nextBillingDate', () => {
  it.each(Object.keys(scenarios) as ScenarioName[])(
    '%s: the first day ahead that the overview bills on',
    async (scenario) => {
      const client = contractClient({ scenario });
      const { body: overview, problems } = await client.call('getBillingOverview');
      expect(problems).toEqual([]);
      const ahead = [
        overview.nextInvoice?.date,
        overview.autoFlex.cycle?.billingDate,
        overview.subscription.currentPeriod.end,
      ].filter((day): day is string => typeof day === 'string' && day > overview.today);
      expect(ahead.length).toBeGreaterThan(0);
      expect(client.mock.nextBillingDate()).toBe(ahead.sort()[0]);
    },
  );

  it('is auto-flex’s quarterly billing date on an annual auto-flex team, and moving there bills it', () => {
    const mock = createBillingMock({ scenario: 'professional-annual-autoflex' });
    const day = mock.nextBillingDate();
    expect(day).toBe('2026-07-01');
    expect(day! < mock.team.state.subscription.currentPeriod.end).toBe(true);
    const before = mock.team.state.invoices.length;

    mock.clock.set(day!);

    const billed = mock.team.state.invoices.slice(before);
    expect(billed.map((invoice) => invoice.issueDate)).toEqual([day]);
    expect(billed[0]!.lines.length).toBeGreaterThan(0);
    // The next one is ahead of the new today.
    expect(mock.nextBillingDate()! > day!).toBe(true);
  });

  it('is the trial’s end on a trialing team, where the trial converts', () => {
    const mock = createBillingMock({ scenario: 'trialing' });
    const { trialEnd } = mock.team.state.subscription;
    expect(trialEnd).not.toBeNull();
    expect(mock.nextBillingDate()).toBe(trialEnd);
    mock.clock.set(trialEnd!);
    expect(mock.team.state.subscription.status).toBe('active');
  });

  it('is the renewal on a monthly team, and each team added to the mock has its own', () => {
    const mock = createBillingMock({ scenario: 'basic-monthly' });
    expect(mock.nextBillingDate()).toBe(mock.team.state.subscription.currentPeriod.end);
    const trial = mock.addTeam('trialing', { teamId: 'team_trial' });
    expect(trial.nextBillingDate()).toBe(trial.team.state.subscription.trialEnd);
    expect(trial.nextBillingDate()).not.toBe(mock.nextBillingDate());
  });
});
