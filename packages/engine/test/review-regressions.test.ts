/**
 * Trials, standing instructions across immediate changes, Free-plan overages and seat orders
 * of overdue teams: cases where two rules meet.
 */
import { describe, expect, it } from 'vitest';
import {
  addMember,
  advance,
  applyChange,
  checkUsage,
  nextInvoice,
  payInvoice,
  paymentStatus,
  placeSeatOrder,
  quoteChange,
  quoteSeatOrder,
  recordUsage,
  removeMember,
  scheduledChanges,
  setOveragePolicy,
  setPaymentMethod,
  setStandingInstructions,
} from '../src/index.js';
import { ctx, team } from './helpers.js';

const basicTrial = (policy: 'prorate' | 'term-credit') =>
  team({ planId: 'basic', interval: 'month', policy, start: '2026-06-01', trial: true });

describe('trials', () => {
  it('a seat order placed during a trial credits no unused time: the trial was never paid', () => {
    const quote = quoteSeatOrder(basicTrial('term-credit'), { seats: 10 }, '2026-06-05', ctx);
    expect(quote.lines.map((line) => line.kind)).toEqual(['plan']);
    expect(quote.amountDueNow.amount).toBe(10 * 10_800);
  });

  it('a seat order ends the trial', () => {
    const ordered = placeSeatOrder(basicTrial('term-credit'), { seats: 10 }, '2026-06-05', ctx);
    expect(ordered.state.subscription.status).toBe('active');
    expect(ordered.events.map((event) => event.type)).toContain('trial_ended');
  });

  it('a cancel or downgrade asked for immediately waits for the trial end, as after a paid period', () => {
    const trial = basicTrial('prorate');
    const trialEnd = trial.subscription.currentPeriod.end;
    const quote = quoteChange(trial, { planId: 'free', timing: 'immediately' }, '2026-06-05', ctx);
    expect(quote).toMatchObject({
      possible: false,
      restriction: { code: 'downgrade_at_renewal', allowedTiming: 'at_renewal' },
    });
    expect(quote.restriction?.message).toContain(trialEnd);
    const canceled = applyChange(
      trial,
      { planId: 'free', timing: 'at_renewal' },
      '2026-06-05',
      ctx,
    );
    expect(canceled.state.subscription.planId).toBe('basic');
    expect(canceled.scheduledChange?.effectiveDate).toBe(trialEnd);
    const professional = team({
      planId: 'professional',
      interval: 'month',
      policy: 'prorate',
      start: '2026-06-01',
      trial: true,
    });
    expect(
      quoteChange(professional, { planId: 'basic', timing: 'immediately' }, '2026-06-05', ctx)
        .restriction?.code,
    ).toBe('downgrade_at_renewal');
    // Upgrades during a trial still apply at once, free of charge.
    const upgraded = applyChange(
      trial,
      { planId: 'professional', timing: 'immediately' },
      '2026-06-05',
      ctx,
    );
    expect(upgraded.state.subscription.planId).toBe('professional');
    expect(upgraded.invoice).toBeNull();
  });
});

describe('standing instructions and immediate changes', () => {
  /** Basic monthly prorate, 12 seats for 8 members, 10 seats scheduled for the renewal. */
  function withFewerSeatsScheduled() {
    let state = team(
      { planId: 'basic', interval: 'month', policy: 'prorate', start: '2026-06-20' },
      8,
    );
    state = applyChange(state, { seats: 12, timing: 'immediately' }, '2026-06-21', ctx).state;
    return applyChange(state, { seats: 10, timing: 'at_renewal' }, '2026-06-22', ctx).state;
  }

  it('an immediate upgrade keeps the scheduled seat decrease and is not undone at renewal', () => {
    const upgraded = applyChange(
      withFewerSeatsScheduled(),
      { planId: 'professional', timing: 'immediately' },
      '2026-06-25',
      ctx,
    );
    expect(scheduledChanges(upgraded.state)[0]?.change).toMatchObject({
      planId: 'professional',
      seats: 10,
    });
    const renewed = advance(upgraded.state, '2026-07-20', ctx);
    expect(renewed.state.subscription).toMatchObject({ planId: 'professional', seats: 10 });
    expect(renewed.invoices[0]?.subtotal.amount).toBe(10 * 2_400);
    expect(upgraded.quote.nextRenewal.amount.amount).toBe(10 * 2_400);
  });

  it('seats asked for now replace the seats scheduled before', () => {
    const more = applyChange(
      withFewerSeatsScheduled(),
      { seats: 14, timing: 'immediately' },
      '2026-06-25',
      ctx,
    );
    expect(scheduledChanges(more.state)).toEqual([]);
    expect(advance(more.state, '2026-07-20', ctx).state.subscription.seats).toBe(14);
  });

  it('monthly → annual now keeps the scheduled seats for the annual renewal, on the new interval', () => {
    const annual = applyChange(
      withFewerSeatsScheduled(),
      { interval: 'year', timing: 'immediately' },
      '2026-06-25',
      ctx,
    );
    expect(scheduledChanges(annual.state)[0]?.change).toMatchObject({
      interval: 'year',
      seats: 10,
    });
    const renewed = advance(annual.state, '2027-06-25', ctx).state.subscription;
    expect(renewed).toMatchObject({ planId: 'basic', interval: 'year', seats: 10 });
  });
});

describe('a Free team has no pay-as-you-go overages', () => {
  it('after dropping to Free, usage above Free quotas is refused, not billed', () => {
    let state = team(
      { planId: 'basic', interval: 'month', policy: 'prorate', start: '2026-06-20' },
      2,
    );
    state = setOveragePolicy(state, 'monitoring_requests', 'allowed', '2026-06-21', ctx).state;
    state = applyChange(state, { planId: 'free', timing: 'at_renewal' }, '2026-06-22', ctx).state;
    state = advance(state, '2026-07-21', ctx).state;
    expect(state.subscription.planId).toBe('free');
    const check = checkUsage(state, 'monitoring_requests', 1_000_000, ctx);
    expect(check.allowed).toBe(false);
    const refused = recordUsage(
      state,
      { resourceId: 'monitoring_requests', quantity: 1_000_000 },
      '2026-07-22',
      ctx,
    );
    expect(refused.accepted).toBe(false);
    const later = advance(refused.state, '2026-08-21', ctx);
    expect(
      later.invoices.flatMap((invoice) => invoice.lines).filter((l) => l.kind === 'overage'),
    ).toEqual([]);
  });

  it('refuses to allow overages on Free, on the policy field', () => {
    const free = team(
      { planId: 'free', interval: 'month', policy: 'prorate', start: '2026-06-20' },
      2,
    );
    expect(() =>
      setOveragePolicy(free, 'monitoring_requests', 'allowed', '2026-06-21', ctx),
    ).toThrow(expect.objectContaining({ code: 'overage_not_available', pointer: '/policy' }));
  });
});

describe('seat orders of overdue teams', () => {
  it('placing an order does not make a past-due team active: only paying does', () => {
    let state = team({
      planId: 'basic',
      interval: 'month',
      policy: 'term-credit',
      start: '2026-06-20',
    });
    state = setPaymentMethod(state, { methodId: 'pm_card', failCharges: true }, '2026-06-21').state;
    state = advance(state, '2026-07-21', ctx).state;
    expect(state.subscription.status).toBe('past_due');
    const ordered = placeSeatOrder(
      state,
      { seats: 10, collectionMethod: 'send_invoice' },
      '2026-07-21',
      ctx,
    );
    expect(ordered.state.subscription.status).toBe('past_due');
    expect(paymentStatus(ordered.state)).toEqual(paymentStatus(state));
    expect(paymentStatus(ordered.state).status).not.toBe('ok');
  });
});

describe('the next invoice of a past-due team', () => {
  it('is estimated as if the overdue invoice were paid, not left out', () => {
    let state = team(
      { planId: 'basic', interval: 'month', policy: 'prorate', start: '2026-06-20' },
      2,
    );
    state = setPaymentMethod(state, { methodId: 'pm_card', failCharges: true }, '2026-06-21').state;
    state = advance(state, '2026-07-28', ctx).state;
    expect(state.subscription.status).toBe('past_due');
    expect(nextInvoice(state, '2026-07-28', ctx)).toMatchObject({
      date: '2026-08-20',
      amount: { amount: 2 * 1_200 },
    });
  });
});

describe('found by fuzzing', () => {
  it('a declined early payment of an invoice not yet due changes nothing; grace counts from the due date', () => {
    let state = team(
      { planId: 'free', interval: 'month', policy: 'term-credit', start: '2024-05-30' },
      1,
    );
    state = setPaymentMethod(state, { methodId: 'pm_card', failCharges: true }, '2024-05-30').state;
    const upgraded = applyChange(
      state,
      { planId: 'basic', timing: 'immediately' },
      '2024-05-30',
      ctx,
      { collectionMethod: 'send_invoice' },
    );
    const invoice = upgraded.invoice!;
    expect(invoice.dueDate).toBe('2024-06-29');
    const declined = payInvoice(upgraded.state, invoice.id, '2024-05-30', ctx);
    expect(declined.state.subscription.status).toBe('active');
    expect(declined.state.payment.graceEndsAt).toBeNull();
    // Overdue after its due date, with a full grace period before deactivation.
    const overdue = advance(declined.state, '2024-06-30', ctx).state;
    expect(overdue.subscription.status).toBe('past_due');
    expect(advance(overdue, '2024-07-08', ctx).state.subscription.status).toBe('past_due');
  });

  it('a seat order renews with every member it has, whatever seats were scheduled', () => {
    let state = team(
      { planId: 'basic', interval: 'month', policy: 'term-credit', start: '2026-01-10' },
      3,
    );
    state = placeSeatOrder(state, { seats: 4 }, '2026-01-10', ctx).state;
    state = setStandingInstructions(state, { action: 'change', seats: 3 }, '2026-06-01', ctx).state;
    state = addMember(state, { id: 'x', name: 'X', role: 'member' }, '2026-07-01', ctx).state;
    const renewed = advance(state, '2027-01-10', ctx);
    expect(renewed.state.subscription.seatOrder?.seats).toBe(4);
    const renewal = renewed.invoices.find((invoice) => invoice.issueDate === '2027-01-10');
    expect(renewal?.lines.reduce((sum, line) => sum + line.quantity, 0)).toBe(4);
  });

  it('a seat order renewed to monthly ends the order: the team is billed monthly for its members', () => {
    let state = team(
      { planId: 'basic', interval: 'month', policy: 'term-credit', start: '2026-01-10' },
      3,
    );
    state = placeSeatOrder(state, { seats: 3 }, '2026-01-10', ctx).state;
    state = applyChange(
      state,
      { interval: 'month', timing: 'at_renewal' },
      '2026-03-01',
      ctx,
    ).state;
    const renewed = advance(state, '2027-02-10', ctx).state;
    expect(renewed.subscription).toMatchObject({
      planId: 'basic',
      interval: 'month',
      seatOrder: null,
      currentPeriod: { start: '2027-02-10', end: '2027-03-10' },
    });
  });

  it('seats below the members are refused whatever the timing, also on Free', () => {
    let state = team(
      { planId: 'free', interval: 'month', policy: 'prorate', start: '2026-06-01' },
      2,
    );
    state = setStandingInstructions(
      state,
      { action: 'change', planId: 'professional' },
      '2026-06-02',
      ctx,
    ).state;
    for (const timing of ['immediately', 'at_renewal'] as const) {
      expect(quoteChange(state, { seats: 1, timing }, '2026-06-03', ctx).restriction).toMatchObject(
        {
          code: 'seats_below_members',
          allowedTiming: null,
        },
      );
    }
  });

  it('an add-on listed twice is refused; add-on blocks and dates are checked on the way in', () => {
    const basic = team(
      { planId: 'basic', interval: 'month', policy: 'prorate', start: '2026-06-01' },
      2,
    );
    const twice = [
      { addOnId: 'custom_domain', blocks: 1 },
      { addOnId: 'custom_domain', blocks: 2 },
    ];
    expect(() =>
      quoteChange(basic, { addOns: twice, timing: 'immediately' }, '2026-06-02', ctx),
    ).toThrow(expect.objectContaining({ code: 'duplicate_add_on', pointer: '/addOns/1/addOnId' }));
    expect(() =>
      team(
        {
          planId: 'basic',
          interval: 'month',
          policy: 'prorate',
          start: '2026-06-01',
          addOns: [{ addOnId: 'custom_domain', blocks: 0.5 }],
        },
        2,
      ),
    ).toThrow(expect.objectContaining({ code: 'invalid_quantity' }));
    expect(() => advance(basic, '2026-02-30', ctx)).toThrow(
      expect.objectContaining({ code: 'invalid_date' }),
    );
    expect(() => advance(basic, '2026-3-5', ctx)).toThrow(
      expect.objectContaining({ code: 'invalid_date' }),
    );
    expect(() => removeMember(basic, 'm2', 'garbage', ctx)).toThrow(
      expect.objectContaining({ code: 'invalid_date' }),
    );
  });
});

describe('Free', () => {
  it('runs in monthly periods even when created as annual', () => {
    const free = team(
      { planId: 'free', interval: 'year', policy: 'prorate', start: '2028-01-06' },
      2,
    );
    expect(free.subscription).toMatchObject({
      interval: 'month',
      currentPeriod: { start: '2028-01-06', end: '2028-02-06' },
    });
  });
});

describe('a new term on the day the usage period began', () => {
  it('continues that usage period: no overage line over an empty period', () => {
    let state = team(
      { planId: 'basic', interval: 'month', policy: 'term-credit', start: '2027-08-26' },
      1,
    );
    state = recordUsage(
      state,
      { resourceId: 'api_calls', quantity: 1_761_788 },
      '2027-08-26',
      ctx,
    ).state;
    const ordered = placeSeatOrder(state, { seats: 1, planId: 'professional' }, '2027-08-26', ctx);
    const overages = ordered.invoice?.lines.filter((line) => line.kind === 'overage') ?? [];
    expect(overages).toEqual([]);
    expect(ordered.state.usage.period.start).toBe('2027-08-26');
    expect(ordered.state.usage.counters.find((c) => c.resourceId === 'api_calls')?.used).toBe(
      1_761_788,
    );
  });
});
