import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCredit,
  addDays,
  addMember,
  advance,
  applyChange,
  BillingError,
  createTeam,
  enableAutoFlex,
  payInvoice,
  placeSeatOrder,
  quoteChange,
  quoteSeatOrder,
  recordUsage,
  refundInvoice,
  removeMember,
  type SubscriptionChange,
  setOveragePolicy,
  setPaymentMethod,
  setStandingInstructions,
  type TeamState,
} from '../src/index.js';
import { ctx, deepFreeze, gift, members, team } from './helpers.js';

/** The call's result, or the code of the BillingError it threw. */
function attempt<T>(call: () => T): T | { error: string } {
  try {
    return call();
  } catch (error) {
    if (error instanceof BillingError) return { error: error.code };
    throw error;
  }
}

/**
 * Runs `call` on a deep-frozen `state` (any write to the input throws) and checks it gives
 * what it gives on a private deep copy: sharing structure must not change a result.
 */
function onFrozen<T>(state: TeamState, call: (state: TeamState) => T): T | { error: string } {
  const copy = structuredClone(state);
  const before = JSON.stringify(state);
  const result = attempt(() => call(deepFreeze(state)));
  expect(JSON.stringify(state)).toBe(before);
  expect(result).toEqual(attempt(() => call(copy)));
  return result;
}

function stateOf(result: { state: TeamState } | { error: string }): TeamState {
  if ('error' in result) throw new Error(`unexpected ${result.error}`);
  return result.state;
}

const changes: SubscriptionChange[] = [
  { planId: 'professional', timing: 'immediately' },
  { planId: 'professional', seats: 14, timing: 'immediately' },
  { seats: 12, timing: 'immediately' },
  { seats: 8, timing: 'at_renewal' },
  { interval: 'year', timing: 'immediately' },
  { addOns: [{ addOnId: 'api_calls_100k', blocks: 2 }], timing: 'immediately' },
  { planId: 'free', timing: 'at_renewal' },
  { planId: 'enterprise', timing: 'immediately' },
];

describe('inputs are never mutated', () => {
  it('quotes, changes and a year of renewals on a frozen prorate team', () => {
    let state = team({
      planId: 'basic',
      interval: 'month',
      policy: 'prorate',
      start: '2026-06-20',
    });
    state = stateOf(
      onFrozen(state, (s) => enableAutoFlex(s, { termsVersion: 'v1' }, '2026-06-20', ctx)),
    );
    state = stateOf(onFrozen(state, (s) => advance(s, '2026-08-01', ctx)));
    for (const change of changes) {
      onFrozen(state, (s) => quoteChange(s, change, '2026-08-05', ctx));
      onFrozen(state, (s) => applyChange(s, change, '2026-08-05', ctx));
    }
    onFrozen(state, (s) => setStandingInstructions(s, { action: 'cancel' }, '2026-08-05', ctx));
    onFrozen(state, (s) =>
      setStandingInstructions(s, { action: 'change', planId: 'professional' }, '2026-08-05', ctx),
    );
    state = stateOf(
      onFrozen(state, (s) =>
        addMember(s, { id: 'x1', name: 'X', role: 'member' }, '2026-08-06', ctx),
      ),
    );
    state = stateOf(onFrozen(state, (s) => removeMember(s, 'm2', '2026-08-07', ctx)));
    for (const [day, quantity, consumerId] of [
      ['2026-08-08', 60_000, 'a'],
      ['2026-08-09', 50_000, 'a'],
      ['2026-08-10', 30_000, 'b'],
    ] as const) {
      state = stateOf(
        onFrozen(state, (s) =>
          recordUsage(s, { resourceId: 'api_calls', quantity, consumerId }, day, ctx),
        ),
      );
    }
    state = stateOf(
      onFrozen(state, (s) => setOveragePolicy(s, 'api_calls', 'disallowed', '2026-08-11', ctx)),
    );
    onFrozen(state, (s) =>
      recordUsage(s, { resourceId: 'api_calls', quantity: 1_000_000 }, '2026-08-12', ctx),
    );
    state = stateOf(
      onFrozen(state, (s) =>
        addCredit(s, { amount: { amount: 500, currency: 'USD' }, reason: gift }, '2026-08-12'),
      ),
    );
    const paid = state.invoices[0]!;
    onFrozen(state, (s) =>
      refundInvoice(
        s,
        {
          invoiceId: paid.id,
          amount: { amount: 100, currency: 'USD' },
          destination: 'credit_balance',
          country: null,
        },
        paid.paidAt!,
      ),
    );
    onFrozen(state, (s) => advance(s, '2027-08-12', ctx));
  });

  it('dunning, deactivation and payment on frozen states', () => {
    let state = team({
      planId: 'basic',
      interval: 'month',
      policy: 'prorate',
      start: '2026-06-20',
    });
    state = stateOf(
      onFrozen(state, (s) =>
        setPaymentMethod(s, { methodId: 'pm_card', failCharges: true }, '2026-06-21'),
      ),
    );
    // Day by day, so every intermediate state is frozen before the next call.
    for (let day = '2026-07-19'; day <= '2026-08-05'; day = addDays(day, 1)) {
      state = stateOf(onFrozen(state, (s) => advance(s, day, ctx)));
    }
    expect(state.subscription.status).toBe('deactivated');
    const open = state.invoices.find((invoice) => invoice.status === 'open')!;
    state = stateOf(
      onFrozen(state, (s) => payInvoice(s, open.id, '2026-08-06', ctx, { succeeded: true })),
    );
    expect(state.subscription.status).toBe('active');
  });

  it('invoice-paying teams going overdue on frozen states', () => {
    let state = team({
      planId: 'enterprise',
      interval: 'year',
      policy: 'prorate',
      start: '2026-06-20',
      negotiatedPrices: { month: null, year: { amount: 30_000, currency: 'USD' } },
    });
    state = stateOf(onFrozen(state, (s) => advance(s, '2026-08-01', ctx)));
    const open = state.invoices.find((invoice) => invoice.status === 'open')!;
    onFrozen(state, (s) => payInvoice(s, open.id, '2026-08-02', ctx));
  });

  it('term-credit members, true-ups and seat orders on frozen states', () => {
    let state = team({
      planId: 'basic',
      interval: 'month',
      policy: 'term-credit',
      start: '2026-06-20',
    });
    state = stateOf(
      onFrozen(state, (s) =>
        addMember(s, { id: 'x1', name: 'X', role: 'member' }, '2026-06-25', ctx),
      ),
    );
    state = stateOf(onFrozen(state, (s) => removeMember(s, 'm3', '2026-06-26', ctx)));
    onFrozen(state, (s) =>
      quoteChange(s, { planId: 'professional', timing: 'immediately' }, '2026-06-27', ctx),
    );
    onFrozen(state, (s) =>
      applyChange(s, { planId: 'professional', timing: 'immediately' }, '2026-06-27', ctx),
    );
    state = stateOf(onFrozen(state, (s) => advance(s, '2026-07-25', ctx)));
    onFrozen(state, (s) => quoteSeatOrder(s, { seats: 15 }, '2026-07-26', ctx));
    state = stateOf(
      onFrozen(state, (s) =>
        placeSeatOrder(s, { seats: 15, collectionMethod: 'send_invoice' }, '2026-07-26', ctx),
      ),
    );
    onFrozen(state, (s) => applyChange(s, { seats: 16, timing: 'immediately' }, '2026-08-01', ctx));
    onFrozen(state, (s) => advance(s, '2027-08-01', ctx));
  });

  it('random timelines: every state frozen before the next call', () => {
    const stepArbitrary = fc.record({
      days: fc.integer({ min: 1, max: 45 }),
      kind: fc.constantFrom('join', 'leave', 'use', 'fail', 'upgrade', 'seats', 'annual', 'cancel'),
    });
    fc.assert(
      fc.property(
        fc.constantFrom('prorate' as const, 'term-credit' as const),
        fc.array(stepArbitrary, { maxLength: 10 }),
        (policy, steps) => {
          let state = createTeam(
            {
              teamId: 't',
              planId: 'basic',
              interval: 'month',
              policy,
              start: '2026-01-10',
              members: members(4),
              seats: 6,
              paymentMethodId: 'pm',
            },
            ctx,
          ).state;
          let today = state.processedThrough;
          steps.forEach((step, index) => {
            today = addDays(today, step.days);
            const day = today;
            state = stateOf(onFrozen(state, (s) => advance(s, day, ctx)));
            const next = onFrozen(state, (s) => {
              switch (step.kind) {
                case 'join':
                  return addMember(s, { id: `j${index}`, name: 'J', role: 'member' }, day, ctx);
                case 'leave':
                  return removeMember(
                    s,
                    s.members.find((m) => m.leftOn === null)?.id ?? '',
                    day,
                    ctx,
                  );
                case 'use':
                  return recordUsage(s, { resourceId: 'api_calls', quantity: 70_000 }, day, ctx);
                case 'fail':
                  return setPaymentMethod(
                    s,
                    { methodId: 'pm', failCharges: !s.payment.failCharges },
                    day,
                  );
                case 'upgrade':
                  return applyChange(
                    s,
                    { planId: 'professional', timing: 'immediately' },
                    day,
                    ctx,
                  );
                case 'seats':
                  return applyChange(s, { seats: 7, timing: 'immediately' }, day, ctx);
                case 'annual':
                  return applyChange(s, { interval: 'year', timing: 'immediately' }, day, ctx);
                default:
                  return setStandingInstructions(s, { action: 'cancel' }, day, ctx);
              }
            });
            if (!('error' in next)) state = next.state;
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('structural sharing', () => {
  it('a change shares the invoices it does not touch and copies none of them', () => {
    const state = deepFreeze(
      advance(
        team({ planId: 'basic', interval: 'month', policy: 'prorate', start: '2026-01-20' }),
        '2026-06-25',
        ctx,
      ).state,
    );
    const applied = applyChange(state, { seats: 12, timing: 'immediately' }, '2026-06-25', ctx);
    expect(applied.state.invoices).toHaveLength(state.invoices.length + 1);
    state.invoices.forEach((invoice, index) => {
      expect(applied.state.invoices[index]).toBe(invoice);
    });
    expect(applied.state.members).toBe(state.members);
    expect(applied.state.usage).toBe(state.usage);
    expect(applied.state.subscription).not.toBe(state.subscription);
  });

  it('a call that changes nothing returns the state it was given', () => {
    const state = deepFreeze(
      team({ planId: 'basic', interval: 'month', policy: 'prorate', start: '2026-01-20' }),
    );
    expect(advance(state, state.processedThrough, ctx).state).toBe(state);
    expect(setPaymentMethod(state, { methodId: 'pm_card' }, '2026-01-21').state).toBe(state);
  });
});
