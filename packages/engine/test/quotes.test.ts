import { describe, expect, it } from 'vitest';
import {
  addMember,
  advance,
  applyChange,
  BillingError,
  createTeam,
  daysBetween,
  enableAutoFlex,
  quoteChange,
  scheduledChanges,
  setStandingInstructions,
} from '../src/index.js';
import { ctx, members, team } from './helpers.js';

const prorateMonthly = {
  planId: 'basic',
  interval: 'month',
  policy: 'prorate',
  start: '2026-06-20',
} as const;

describe('restrictions never change the timing', () => {
  const start = team(prorateMonthly, 5);

  it.each([
    [{ seats: 6 }, 'seat_decrease_at_renewal', 'month'],
    [{ interval: 'month' as const }, 'annual_to_monthly_at_renewal', 'year'],
    [{ planId: 'free' }, 'downgrade_at_renewal', 'month'],
  ] as const)('%o immediately → %s', (change, code, interval) => {
    // 10 purchased seats, 5 members.
    const base = createTeam(
      {
        ...prorateMonthly,
        interval,
        teamId: 't',
        members: members(5),
        seats: 10,
        paymentMethodId: 'pm',
      },
      ctx,
    ).state;
    const quote = quoteChange(base, { ...change, timing: 'immediately' }, '2026-06-25', ctx);
    expect(quote.possible).toBe(false);
    expect(quote.timing).toBe('immediately');
    expect(quote.restriction?.code).toBe(code);
    expect(quote.restriction?.allowedTiming).toBe('at_renewal');
    expect(quote.lines).toEqual([]);
    expect(quote.amountDueNow.amount).toBe(0);
    const refusal = (() => {
      try {
        applyChange(base, { ...change, timing: 'immediately' }, '2026-06-25', ctx);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(BillingError);
    expect(refusal).toMatchObject({
      code,
      message: quote.restriction?.message,
      pointer: '/timing',
    });
    const later = quoteChange(base, { ...change, timing: 'at_renewal' }, '2026-06-25', ctx);
    expect(later.possible).toBe(true);
    expect(later.effectiveDate).toBe(base.subscription.currentPeriod.end);
  });

  it('a professional → basic downgrade is offered at renewal', () => {
    const pro = team({ ...prorateMonthly, planId: 'professional' }, 5);
    const quote = quoteChange(pro, { planId: 'basic', timing: 'immediately' }, '2026-06-25', ctx);
    expect(quote.restriction?.code).toBe('downgrade_at_renewal');
  });

  it('refuses seats below the members in use, whatever the timing', () => {
    for (const timing of ['immediately', 'at_renewal'] as const) {
      const quote = quoteChange(start, { seats: 4, timing }, '2026-06-25', ctx);
      expect(quote.restriction).toMatchObject({ code: 'seats_below_members', allowedTiming: null });
    }
  });

  it('refuses contact-sales plans with a structured reason', () => {
    const quote = quoteChange(
      start,
      { planId: 'enterprise', timing: 'immediately' },
      '2026-06-25',
      ctx,
    );
    expect(quote.restriction).toMatchObject({ code: 'contact_sales', allowedTiming: null });
  });

  it.each([
    [{ planId: 'platinum' }, 'unknown_plan', '/planId'],
    [{ seats: -1 }, 'invalid_quantity', '/seats'],
    [{ seats: 2.5 }, 'invalid_quantity', '/seats'],
    [{ addOns: [{ addOnId: 'nope', blocks: 1 }] }, 'unknown_add_on', '/addOns/0/addOnId'],
    [
      { addOns: [{ addOnId: 'custom_domain', blocks: -2 }] },
      'invalid_quantity',
      '/addOns/0/blocks',
    ],
    [{}, 'empty_change', ''],
  ])('invalid %o → BillingError %s at %s', (change, code, pointer) => {
    try {
      quoteChange(start, { ...change, timing: 'immediately' }, '2026-06-25', ctx);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BillingError);
      expect(error).toMatchObject({ code, pointer });
    }
  });

  it('asks for the state to be advanced when today is outside the period', () => {
    expect(() =>
      quoteChange(start, { seats: 9, timing: 'immediately' }, '2026-07-20', ctx),
    ).toThrow(/advance/);
  });
});

describe('immediate changes (prorate)', () => {
  it('charges added seats p × added × remaining/period, co-termed', () => {
    const start = team(prorateMonthly, 5);
    const applied = applyChange(start, { seats: 8, timing: 'immediately' }, '2026-07-05', ctx);
    expect(applied.invoice?.lines).toHaveLength(1);
    expect(applied.invoice?.lines[0]).toMatchObject({ kind: 'seats', quantity: 3 });
    expect(applied.invoice?.total.amount).toBe(Math.round((1200 * 3 * 15) / 30));
    expect(applied.state.subscription.seats).toBe(8);
    expect(applied.state.subscription.currentPeriod).toEqual(start.subscription.currentPeriod);
  });

  it('on the first day of a period charges the full difference; on the last day 1/periodDays', () => {
    const start = team(prorateMonthly, 3);
    const first = quoteChange(
      start,
      { planId: 'professional', timing: 'immediately' },
      '2026-06-20',
      ctx,
    );
    expect(first.amountDueNow.amount).toBe((2400 - 1200) * 3);
    const last = quoteChange(
      start,
      { planId: 'professional', timing: 'immediately' },
      '2026-07-19',
      ctx,
    );
    expect(last.amountDueNow.amount).toBe(Math.round(((2400 - 1200) * 3) / 30));
  });

  it('upgrade and added seats are separate lines: difference on old seats, new price on added', () => {
    const start = team(prorateMonthly, 4);
    const quote = quoteChange(
      start,
      { planId: 'professional', seats: 6, timing: 'immediately' },
      '2026-06-30',
      ctx,
    );
    expect(quote.lines.map((line) => [line.kind, line.quantity, line.amount.amount])).toEqual([
      ['proration', 4, Math.round(((2400 - 1200) * 4 * 20) / 30)],
      ['seats', 2, Math.round((2400 * 2 * 20) / 30)],
    ]);
  });

  it('zero seats, then one seat', () => {
    const empty = createTeam(
      {
        teamId: 'z',
        planId: 'basic',
        interval: 'month',
        policy: 'prorate',
        start: '2026-06-20',
        members: [],
        seats: 0,
        paymentMethodId: 'pm',
      },
      ctx,
    );
    expect(empty.invoices).toEqual([]);
    const one = applyChange(empty.state, { seats: 1, timing: 'immediately' }, '2026-06-20', ctx);
    expect(one.invoice?.total.amount).toBe(1200);
  });

  it('add-on blocks are prorated like seats', () => {
    const start = team(prorateMonthly, 2);
    const quote = quoteChange(
      start,
      { addOns: [{ addOnId: 'monitoring_requests_10k', blocks: 2 }], timing: 'immediately' },
      '2026-07-10',
      ctx,
    );
    expect(quote.lines).toEqual([
      expect.objectContaining({
        kind: 'add_on',
        quantity: 2,
        amount: { amount: Math.round((500 * 2 * 10) / 30), currency: 'USD' },
      }),
    ]);
  });
});

describe('new terms', () => {
  it('free → paid starts a paid period on the change day', () => {
    const free = createTeam(
      {
        teamId: 'f',
        planId: 'free',
        interval: 'month',
        policy: 'prorate',
        start: '2026-01-31',
        members: members(2),
        paymentMethodId: 'pm',
      },
      ctx,
    ).state;
    const later = advance(free, '2026-03-05', ctx).state;
    const applied = applyChange(
      later,
      { planId: 'basic', seats: 2, timing: 'immediately' },
      '2026-03-05',
      ctx,
    );
    expect(applied.invoice?.lines.map((line) => line.kind)).toEqual(['plan']);
    expect(applied.invoice?.total.amount).toBe(2 * 1200);
    expect(applied.state.subscription.currentPeriod).toEqual({
      start: '2026-03-05',
      end: '2026-04-05',
    });
  });

  it('monthly → annual: annual × seats − monthly × seats × remaining/period; the term starts that day', () => {
    const start = team({ ...prorateMonthly, policy: 'term-credit' }, 10);
    const applied = applyChange(
      start,
      { interval: 'year', timing: 'immediately' },
      '2026-06-25',
      ctx,
    );
    expect(applied.invoice?.lines.map((line) => [line.kind, line.amount.amount])).toEqual([
      ['plan', 10800 * 10],
      ['credit', -Math.round((1200 * 10 * 25) / 30)],
    ]);
    expect(applied.state.subscription.currentPeriod).toEqual({
      start: '2026-06-25',
      end: '2027-06-25',
    });
    expect(applied.quote.nextRenewal.date).toBe('2027-06-25');
  });

  it('a leap-day annual term renews on Feb 28 and the next leap year on Feb 29', () => {
    const annual = team(
      { planId: 'basic', interval: 'year', policy: 'prorate', start: '2028-02-29' },
      1,
    );
    expect(annual.subscription.currentPeriod.end).toBe('2029-02-28');
    const later = advance(annual, '2032-03-01', ctx).state;
    expect(later.subscription.currentPeriod.start).toBe('2032-02-29');
  });
});

describe('month-end anchors', () => {
  it('an anchor on the 31st renews Jan 31 → Feb 28 → Mar 31, each period billed in full', () => {
    const start = team({ ...prorateMonthly, start: '2026-01-31' }, 1);
    const { invoices, state } = advance(start, '2026-03-31', ctx);
    expect(
      invoices.map((invoice) => [invoice.issueDate, invoice.period?.end, invoice.total.amount]),
    ).toEqual([
      ['2026-02-28', '2026-03-31', 1200],
      ['2026-03-31', '2026-04-30', 1200],
    ]);
    expect(state.subscription.currentPeriod).toEqual({ start: '2026-03-31', end: '2026-04-30' });
  });

  it('a change on the last day of the period ending on a leap day prorates 1 of 29 days', () => {
    const start = team({ ...prorateMonthly, start: '2028-01-31' }, 2);
    const lastDay = advance(start, '2028-02-28', ctx).state;
    expect(lastDay.subscription.currentPeriod).toEqual({ start: '2028-01-31', end: '2028-02-29' });
    const quote = quoteChange(lastDay, { seats: 3, timing: 'immediately' }, '2028-02-28', ctx);
    expect(quote.amountDueNow.amount).toBe(
      Math.round(1200 / daysBetween('2028-01-31', '2028-02-29')),
    );
    const renewed = advance(lastDay, '2028-02-29', ctx).state;
    expect(renewed.subscription.currentPeriod).toEqual({ start: '2028-02-29', end: '2028-03-31' });
  });
});

describe('at renewal', () => {
  it('schedules the change as standing instructions and the renewal applies it', () => {
    const start = team(prorateMonthly, 5);
    const applied = applyChange(
      start,
      { planId: 'professional', seats: 6, timing: 'at_renewal' },
      '2026-06-25',
      ctx,
    );
    expect(applied.invoice).toBeNull();
    expect(applied.scheduledChange).toMatchObject({
      effectiveDate: '2026-07-20',
      source: 'standing_instructions',
    });
    expect(applied.quote.nextRenewal.amount.amount).toBe(6 * 2400);
    const renewed = advance(applied.state, '2026-07-20', ctx);
    expect(renewed.state.subscription).toMatchObject({ planId: 'professional', seats: 6 });
    expect(renewed.invoices[0]?.subtotal.amount).toBe(applied.quote.nextRenewal.amount.amount);
    expect(scheduledChanges(renewed.state)).toEqual([]);
  });

  it('fewer seats at renewal on prorate', () => {
    const start = team(prorateMonthly, 3);
    const grown = applyChange(start, { seats: 6, timing: 'immediately' }, '2026-06-20', ctx).state;
    const fewer = applyChange(grown, { seats: 4, timing: 'at_renewal' }, '2026-06-22', ctx);
    expect(fewer.scheduledChange?.source).toBe('standing_instructions');
    const renewed = advance(fewer.state, '2026-07-20', ctx);
    expect(renewed.state.subscription.seats).toBe(4);
    expect(renewed.invoices[0]?.subtotal.amount).toBe(4 * 1200);
  });

  it('cancel keeps the plan until the period end, then moves to Free without a charge', () => {
    const start = team(prorateMonthly, 2);
    const cancelled = setStandingInstructions(start, { action: 'cancel' }, '2026-06-25', ctx);
    expect(scheduledChanges(cancelled.state)[0]).toMatchObject({
      source: 'cancel',
      change: { planId: 'free' },
    });
    expect(cancelled.state.subscription.planId).toBe('basic');
    const after = advance(cancelled.state, '2026-07-20', ctx);
    expect(after.state.subscription.planId).toBe('free');
    expect(after.invoices).toEqual([]);
  });

  it('annual → monthly at the end of the term', () => {
    const annual = team({ ...prorateMonthly, interval: 'year' }, 2);
    const applied = applyChange(
      annual,
      { interval: 'month', timing: 'at_renewal' },
      '2026-09-01',
      ctx,
    );
    expect(applied.scheduledChange?.source).toBe('interval_change');
    const after = advance(applied.state, '2027-06-20', ctx);
    expect(after.state.subscription.interval).toBe('month');
    expect(after.invoices.at(-1)?.subtotal.amount).toBe(2 * 1200);
  });
});

describe('trials', () => {
  const trial = { ...prorateMonthly, trial: true } as const;

  it('charge at trial end; the anchor is the trial end', () => {
    const start = team(trial, 3);
    expect(start.subscription).toMatchObject({ status: 'trialing', trialEnd: '2026-07-04' });
    const ended = advance(start, '2026-07-04', ctx);
    expect(ended.state.subscription.status).toBe('active');
    expect(ended.state.subscription.currentPeriod).toEqual({
      start: '2026-07-04',
      end: '2026-08-04',
    });
    expect(ended.invoices[0]?.total.amount).toBe(3 * 1200);
    expect(ended.events.map((event) => event.type)).toContain('trial_ended');
  });

  it('changes during the trial are free; cancel keeps access until trial end', () => {
    const start = team(trial, 3);
    const upgraded = applyChange(
      start,
      { planId: 'professional', timing: 'immediately' },
      '2026-06-25',
      ctx,
    );
    expect(upgraded.invoice).toBeNull();
    const cancelled = setStandingInstructions(
      upgraded.state,
      { action: 'cancel' },
      '2026-06-26',
      ctx,
    );
    expect(cancelled.state.subscription.planId).toBe('professional');
    const ended = advance(cancelled.state, '2026-07-04', ctx);
    expect(ended.state.subscription.planId).toBe('free');
    expect(ended.invoices).toEqual([]);
    expect(ended.notices.map((notice) => notice.code)).toContain('trial_ending');
  });
});

describe('members and seats on prorate', () => {
  it('no seat free and no auto-flex → refused; with auto-flex the member is added', () => {
    const start = team(prorateMonthly, 2);
    const newcomer = { id: 'x', name: 'X', role: 'member' } as const;
    expect(() => addMember(start, newcomer, '2026-06-21', ctx)).toThrow(/no_seats|seats are taken/);
    const flex = enableAutoFlex(start, { termsVersion: 'v1' }, '2026-06-21', ctx).state;
    expect(addMember(flex, newcomer, '2026-06-21', ctx).state.members).toHaveLength(3);
  });
});
