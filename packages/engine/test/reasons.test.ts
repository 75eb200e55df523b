import { describe, expect, it } from 'vitest';
import {
  activeNotices,
  addCredit,
  addMember,
  advance,
  applyChange,
  type BillingEvent,
  type ChangeQuote,
  type CreditEntry,
  createPolicy,
  createTeam,
  creditDescription,
  creditReason,
  creditReasonCodes,
  enableAutoFlex,
  eventReasonCodes,
  eventSummary,
  lineDescription,
  lineReasonCodes,
  type Notice,
  type NoticeCode,
  noticeCodes,
  noticeMessage,
  type Outcome,
  payInvoice,
  placeSeatOrder,
  type QuoteLine,
  quoteChange,
  recordUsage,
  refundInvoice,
  removeMember,
  setOveragePolicy,
  setPaymentMethod,
  setStandingInstructions,
} from '../src/index.js';
import { ctx, gift, join, members, team } from './helpers.js';

const basicMonthly = { planId: 'basic', interval: 'month', start: '2026-06-20' } as const;

/** Everything a call produced that explains itself: lines, events, credit entries, notices. */
interface Explained {
  lines: QuoteLine[];
  events: BillingEvent[];
  credits: CreditEntry[];
  notices: Notice[];
}

function explained(outcomes: (Outcome | ChangeQuote)[]): Explained {
  const result: Explained = { lines: [], events: [], credits: [], notices: [] };
  for (const outcome of outcomes) {
    if ('possible' in outcome) {
      result.lines.push(...outcome.lines, ...(outcome.deferred?.lines ?? []));
      continue;
    }
    for (const invoice of outcome.invoices) result.lines.push(...invoice.lines);
    result.events.push(...outcome.events);
    result.notices.push(...outcome.notices);
    result.credits.push(...outcome.state.credits.entries);
  }
  return result;
}

/** A tour of the engine: every way it makes a line, an event, a credit entry or a notice. */
function tour(): Explained {
  const outcomes: (Outcome | ChangeQuote)[] = [];
  const run = <T extends Outcome>(outcome: T): T => {
    outcomes.push(outcome);
    return outcome;
  };

  // prorate, Basic monthly with an add-on: plan and add-on lines, upgrades, seats, add-ons.
  const prorate = run(
    createTeamOutcome({
      ...basicMonthly,
      policy: 'prorate',
      addOns: [{ addOnId: 'monitoring_requests_10k', blocks: 1 }],
    }),
  ).state;
  outcomes.push(
    quoteChange(prorate, { planId: 'professional', timing: 'immediately' }, '2026-06-25', ctx),
  );
  run(
    applyChange(
      prorate,
      {
        seats: 12,
        addOns: [{ addOnId: 'monitoring_requests_10k', blocks: 2 }],
        timing: 'immediately',
      },
      '2026-06-25',
      ctx,
    ),
  );
  // Monthly → annual: unused plan and add-on time credited.
  run(applyChange(prorate, { interval: 'year', timing: 'immediately' }, '2026-06-25', ctx));
  // Overages, refunds, overage policies, cancel to Free.
  const used = run(
    recordUsage(
      prorate,
      { resourceId: 'monitoring_requests', quantity: 45_000 },
      '2026-06-25',
      ctx,
    ),
  ).state;
  const renewed = run(advance(used, '2026-07-20', ctx)).state;
  const [renewal] = renewed.invoices.slice(-1);
  run(
    refundInvoice(
      renewed,
      {
        invoiceId: renewal?.id ?? '',
        amount: { amount: 500, currency: 'USD' },
        destination: 'credit_balance',
        country: null,
      },
      '2026-07-21',
    ),
  );
  run(
    refundInvoice(
      renewed,
      { invoiceId: renewal?.id ?? '', destination: 'payment_method', country: null },
      '2026-07-21',
    ),
  );
  run(setOveragePolicy(renewed, 'mock_server_calls', 'disallowed', '2026-07-21', ctx));
  const cancelled = run(
    setStandingInstructions(renewed, { action: 'cancel' }, '2026-07-21', ctx),
  ).state;
  run(advance(cancelled, '2026-08-20', ctx));
  // Usage: near the limit, then capped.
  const capped = run(
    setOveragePolicy(renewed, 'mock_server_calls', 'disallowed', '2026-07-21', ctx),
  ).state;
  const near = run(
    recordUsage(capped, { resourceId: 'mock_server_calls', quantity: 9_000 }, '2026-07-22', ctx),
  ).state;
  run(recordUsage(near, { resourceId: 'mock_server_calls', quantity: 2_000 }, '2026-07-23', ctx));

  // A seat decrease scheduled, then members joining above it: billed at the renewal.
  const fewer = run(
    setStandingInstructions(
      team({ ...basicMonthly, policy: 'prorate', seats: 5 }, 3),
      { action: 'change', seats: 3 },
      '2026-06-21',
      ctx,
    ),
  ).state;
  run(advance(join(join(fewer, 'x', '2026-06-22'), 'y', '2026-06-22'), '2026-07-20', ctx));

  // Auto-flex: monthly extras at the renewal, annual extras co-termed at the quarter.
  const flexMonthly = run(
    enableAutoFlex(
      team({ ...basicMonthly, policy: 'prorate' }, 3),
      { termsVersion: 'v1' },
      '2026-06-20',
      ctx,
    ),
  ).state;
  run(advance(join(flexMonthly, 'a', '2026-06-25'), '2026-07-20', ctx));
  const flexAnnual = enableAutoFlex(
    team({ ...basicMonthly, interval: 'year', policy: 'prorate' }, 3),
    { termsVersion: 'v1' },
    '2026-06-20',
    ctx,
  ).state;
  run(advance(join(flexAnnual, 'a', '2026-07-01'), '2026-09-20', ctx));

  // term-credit: true-ups, removal credits, upgrades with a full period and a credit.
  const termCredit = team({ ...basicMonthly, policy: 'term-credit' });
  const joined = run(
    addMember(termCredit, { id: 'new', name: 'New', role: 'member' }, '2026-06-25', ctx),
  ).state;
  const left = run(removeMember(joined, 'm2', '2026-06-26', ctx)).state;
  outcomes.push(
    quoteChange(left, { planId: 'professional', timing: 'immediately' }, '2026-06-27', ctx),
  );
  run(applyChange(left, { planId: 'professional', timing: 'immediately' }, '2026-06-27', ctx));
  run(advance(left, '2026-07-20', ctx));
  // Negotiated prices where a year costs less than the unused month: a net credit.
  run(
    applyChange(
      team({
        ...basicMonthly,
        planId: 'enterprise',
        policy: 'prorate',
        negotiatedPrices: {
          month: { amount: 10_000, currency: 'USD' },
          year: { amount: 1_000, currency: 'USD' },
        },
      }),
      { interval: 'year', timing: 'immediately' },
      '2026-06-25',
      ctx,
    ),
  );

  // Trials and seat orders: started, ended, ended by an order, the order expiring.
  const trial = run(
    createTeamOutcome({ ...basicMonthly, policy: 'term-credit', trial: true }),
  ).state;
  run(advance(trial, '2026-07-04', ctx));
  const ordered = run(placeSeatOrder(trial, { seats: 12 }, '2026-06-22', ctx)).state;
  run(advance(ordered, '2027-06-22', ctx));

  // Payments: failed attempts, grace, deactivation, a manual payment, methods, credits.
  const failing = run(
    setPaymentMethod(
      team({ ...basicMonthly, policy: createPolicy('prorate', { graceDays: 10 }) }, 2),
      { methodId: 'pm_card', failCharges: true },
      '2026-06-21',
    ),
  ).state;
  const deactivated = run(advance(failing, '2026-07-30', ctx)).state;
  const open = deactivated.invoices.find((invoice) => invoice.status === 'open');
  run(payInvoice(deactivated, open?.id ?? '', '2026-07-31', ctx, { succeeded: false }));
  run(payInvoice(deactivated, open?.id ?? '', '2026-07-31', ctx, { succeeded: true }));
  run(setPaymentMethod(failing, { methodId: 'pm_other' }, '2026-06-22'));
  run(setPaymentMethod(failing, { methodId: null }, '2026-06-22'));
  const gifted = run(
    addCredit(prorate, { amount: { amount: 500, currency: 'USD' }, reason: gift }, '2026-06-21'),
  ).state;
  run(
    addCredit(
      gifted,
      { amount: { amount: 100, currency: 'USD' }, reason: creditReason('opening_balance', {}) },
      '2026-06-21',
    ),
  );
  return explained(outcomes);
}

/** `createTeam`'s whole outcome (the `team` helper keeps only the state). */
function createTeamOutcome(input: Parameters<typeof team>[0]): Outcome {
  return createTeam(
    { teamId: 't1', members: members(10), paymentMethodId: 'pm_card', ...input },
    ctx,
  );
}

/** Reasons the API layer records (payment methods, billing details, quotes); the mock covers them. */
const recordedByTheApi = [
  'payment_method_added',
  'payment_method_removed',
  'payment_method_made_default',
  'billing_details_updated',
  'quote_created',
  'quote_accepted',
];

describe('reasons: every line, event and credit entry says why with a code and params', () => {
  const seen = tour();

  it('produces every line reason, each worded from its code and params alone', () => {
    expect(new Set(seen.lines.map((line) => line.reason.code))).toEqual(new Set(lineReasonCodes));
    for (const line of seen.lines) expect(line.description).toBe(lineDescription(line.reason));
  });

  it('produces every event reason (but those the API records), each worded from its reason', () => {
    const engineCodes = eventReasonCodes.filter((code) => !recordedByTheApi.includes(code));
    expect(new Set(seen.events.map((event) => event.reason.code))).toEqual(new Set(engineCodes));
    for (const event of seen.events) {
      expect(event.summary).toBe(eventSummary(event.reason, event.notice));
      expect(event.notice === null).toBe(event.type !== 'notice_sent');
    }
  });

  it('produces every credit reason, each worded from its reason', () => {
    expect(new Set(seen.credits.map((entry) => entry.reason.code))).toEqual(
      new Set(creditReasonCodes),
    );
    for (const entry of seen.credits)
      expect(entry.description).toBe(creditDescription(entry.reason));
  });

  it('params are JSON scalars: integers for counts and amounts, YYYY-MM-DD dates', () => {
    const all = [
      ...seen.lines.map((line) => line.reason.params),
      ...seen.events.map((event) => event.reason.params),
      ...seen.notices.map((notice) => notice.params),
    ];
    for (const params of all) {
      for (const [name, value] of Object.entries(params)) {
        expect(['string', 'number']).toContain(typeof value);
        if (typeof value === 'number') expect(Number.isSafeInteger(value), name).toBe(true);
        if (/(On|Date|Start|End|At|until|trialEnd)$/.test(name)) {
          expect(value, name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      }
    }
  });

  it('sends every notice, each with the message of its code and params', () => {
    expect(new Set(seen.notices.map((notice) => notice.code))).toEqual(
      new Set(noticeCodes.filter((code) => code !== 'scheduled_change')),
    );
    for (const notice of seen.notices) expect(notice.message).toBe(noticeMessage(notice));
  });
});

describe('reasons of the worked examples', () => {
  it('1. the renewal lists the members and a true-up of 25 of 30 days at 12.00 per seat', () => {
    const start = team({ ...basicMonthly, policy: 'term-credit' });
    const joined = addMember(start, { id: 'new', name: 'New', role: 'member' }, '2026-06-25', ctx);
    const renewal = advance(joined.state, '2026-07-20', ctx).invoices[0];
    expect(renewal?.lines.map(({ reason, description }) => ({ reason, description }))).toEqual([
      {
        reason: {
          code: 'plan_period_members',
          params: {
            planId: 'basic',
            planName: 'Basic',
            interval: 'month',
            periodStart: '2026-07-20',
            periodEnd: '2026-08-20',
            members: 11,
          },
        },
        description: 'Basic (monthly), 2026-07-20 – 2026-08-20, 11 members',
      },
      {
        reason: {
          code: 'true_up_member_added',
          params: {
            members: 1,
            joinedOn: '2026-06-25',
            daysRemaining: 25,
            daysInPeriod: 30,
            unitAmount: 1200,
            currency: 'USD',
          },
        },
        description: 'True-up: 1 member added on 2026-06-25, 25 days of 30',
      },
    ]);
  });

  it('2. the term-credit upgrade: the new plan from today, the old plan’s unused days credited', () => {
    const start = team({ ...basicMonthly, policy: 'term-credit' });
    const quote = quoteChange(
      start,
      { planId: 'professional', timing: 'immediately' },
      '2026-06-25',
      ctx,
    );
    expect(quote.lines.map((line) => line.reason)).toEqual([
      {
        code: 'upgrade_full_period',
        params: {
          planId: 'professional',
          planName: 'Professional',
          interval: 'month',
          seats: 10,
          periodStart: '2026-06-25',
          periodEnd: '2026-07-20',
        },
      },
      {
        code: 'unused_time_credit',
        params: {
          planId: 'basic',
          planName: 'Basic',
          interval: 'month',
          seats: 10,
          daysRemaining: 25,
          daysInPeriod: 30,
          unitAmount: 1200,
          currency: 'USD',
        },
      },
    ]);
    expect(quote.lines.map((line) => line.description)).toEqual([
      'Professional (monthly) from 2026-06-25, 10 seats',
      'Unused 25 days of 30 of Basic (monthly), 10 seats',
    ]);
  });

  it('3. the prorate upgrade: the price difference of 12.00 for 25 of 30 days, 10 seats', () => {
    const start = team({ ...basicMonthly, policy: 'prorate' });
    const applied = applyChange(
      start,
      { planId: 'professional', timing: 'immediately' },
      '2026-06-25',
      ctx,
    );
    expect(applied.invoice?.lines[0]?.reason).toEqual({
      code: 'upgrade_proration',
      params: {
        fromPlanId: 'basic',
        fromPlanName: 'Basic',
        toPlanId: 'professional',
        toPlanName: 'Professional',
        seats: 10,
        daysRemaining: 25,
        daysInPeriod: 30,
        unitAmount: 1200,
        currency: 'USD',
      },
    });
    expect(applied.events.map((event) => [event.type, event.reason.code, event.summary])).toEqual([
      ['plan_changed', 'plan_changed', 'Basic → Professional'],
      ['invoice_issued', 'invoice_issued', 'Invoice T1-0002 issued'],
      ['charge_created', 'charge_created', 'Charges on invoice T1-0002'],
      ['payment_succeeded', 'invoice_paid', 'Paid invoice T1-0002'],
    ]);
  });
});

describe('notices read the same when sent and when the overview shows them', () => {
  /** The notice of `code` sent by `outcome`, and the one `activeNotices` shows on `day`. */
  function sentAndShown(outcome: Outcome, code: NoticeCode, day: string) {
    const sent = outcome.notices.find((notice) => notice.code === code);
    const shown = activeNotices(outcome.state, day, ctx).find((notice) => notice.code === code);
    expect(sent, `${code} sent`).toBeDefined();
    expect(shown, `${code} shown`).toBeDefined();
    return { sent, shown };
  }

  function expectSame(outcome: Outcome, code: NoticeCode, day: string): void {
    const { sent, shown } = sentAndShown(outcome, code, day);
    const { date: _sentOn, ...sentContent } = sent as Notice;
    const { date: _about, ...shownContent } = shown as Notice;
    expect(shownContent).toEqual(sentContent);
  }

  it('trial ending (charged, or moving to Free when cancelled)', () => {
    const trial = team({ ...basicMonthly, policy: 'prorate', trial: true });
    expectSame(advance(trial, '2026-07-01', ctx), 'trial_ending', '2026-07-01');
    const cancelled = setStandingInstructions(trial, { action: 'cancel' }, '2026-06-21', ctx).state;
    const sent = advance(cancelled, '2026-07-01', ctx);
    expectSame(sent, 'trial_ending', '2026-07-01');
    expect(sent.notices[0]?.message).toBe(
      'The Basic trial ends on 2026-07-04; the team then moves to Free.',
    );
  });

  it('seat order expiring', () => {
    const trial = team({ ...basicMonthly, policy: 'term-credit', trial: true });
    const ordered = placeSeatOrder(trial, { seats: 12 }, '2026-06-22', ctx).state;
    expectSame(advance(ordered, '2027-05-23', ctx), 'seat_order_expiring', '2027-05-23');
  });

  it('auto-flex billing soon', () => {
    const flex = enableAutoFlex(
      team({ ...basicMonthly, policy: 'prorate' }, 3),
      { termsVersion: 'v1' },
      '2026-06-20',
      ctx,
    ).state;
    expectSame(
      advance(join(flex, 'a', '2026-06-25'), '2026-07-13', ctx),
      'auto_flex_billing_soon',
      '2026-07-13',
    );
  });

  it('payment failed while retrying, grace period after, deactivated at its end', () => {
    const failing = setPaymentMethod(
      team({ ...basicMonthly, policy: 'prorate' }, 2),
      { methodId: 'pm_card', failCharges: true },
      '2026-06-21',
    ).state;
    const first = advance(failing, '2026-07-20', ctx);
    expectSame(first, 'payment_failed', '2026-07-20');
    const second = advance(first.state, '2026-07-23', ctx);
    expectSame(second, 'payment_failed', '2026-07-23');
    const last = advance(second.state, '2026-07-26', ctx);
    expect(last.notices.map((notice) => notice.message)).toEqual([
      'Payment of 24.00 USD for invoice T1-0002 failed (attempt 3 of 3); the team will be deactivated on 2026-07-30 unless paid.',
    ]);
    // No retry left: the overview shows the grace period, as sent with the first failure.
    const grace = first.notices.find((notice) => notice.code === 'grace_period');
    const shown = activeNotices(last.state, '2026-07-26', ctx);
    expect(shown.map((notice) => notice.code)).toEqual(['grace_period']);
    expect(shown[0]?.message).toBe(grace?.message);
    expectSame(advance(last.state, '2026-07-30', ctx), 'deactivated', '2026-07-30');
  });

  it('usage near the limit, and capped', () => {
    const start = setOveragePolicy(
      team({ ...basicMonthly, policy: 'prorate' }),
      'mock_server_calls',
      'disallowed',
      '2026-06-21',
      ctx,
    ).state;
    const near = recordUsage(
      start,
      { resourceId: 'mock_server_calls', quantity: 9_000 },
      '2026-06-22',
      ctx,
    );
    expectSame(near, 'usage_near_limit', '2026-06-22');
    const full = recordUsage(
      near.state,
      { resourceId: 'mock_server_calls', quantity: 1_000 },
      '2026-06-22',
      ctx,
    );
    const refused = recordUsage(
      full.state,
      { resourceId: 'mock_server_calls', quantity: 1 },
      '2026-06-23',
      ctx,
    );
    expectSame(refused, 'usage_capped', '2026-06-23');
  });

  it('a scheduled change is shown only, worded from its code and params like the rest', () => {
    const start = team({ ...basicMonthly, policy: 'prorate' });
    const cancelled = setStandingInstructions(start, { action: 'cancel' }, '2026-06-21', ctx);
    expect(activeNotices(cancelled.state, '2026-06-21', ctx)).toEqual([
      {
        code: 'scheduled_change',
        severity: 'info',
        date: '2026-07-20',
        message: 'A cancel takes effect on 2026-07-20.',
        params: { source: 'cancel', effectiveDate: '2026-07-20' },
        audience: 'billing_and_admins',
      },
    ]);
    expect(cancelled.events.map((event) => [event.reason, event.summary])).toEqual([
      [
        {
          code: 'subscription_canceled',
          params: { toPlanId: 'free', toPlanName: 'Free', effectiveDate: '2026-07-20' },
        },
        'Cancelled: moves to Free on 2026-07-20',
      ],
    ]);
  });

  it('a notice_sent event carries the notice it sent and who was told', () => {
    const trial = team({ ...basicMonthly, policy: 'prorate', trial: true });
    const { events, notices } = advance(trial, '2026-07-01', ctx);
    const [sent] = notices;
    expect(events).toEqual([
      expect.objectContaining({
        type: 'notice_sent',
        reason: { code: 'notice_sent', params: { noticeCode: 'trial_ending' } },
        summary: sent?.message,
        notice: { code: 'trial_ending', params: sent?.params, audience: 'billing_and_admins' },
      }),
    ]);
    expect(sent?.params).toEqual({
      planId: 'basic',
      planName: 'Basic',
      trialEnd: '2026-07-04',
      afterTrial: 'charged',
    });
  });
});
