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
  type Invoice,
  periodDays,
  type QuoteLine,
  quoteChange,
  recordUsage,
  removeMember,
  type SubscriptionChange,
  type TeamState,
} from '../src/index.js';
import { ctx, gift, members } from './helpers.js';

const teamArbitrary = fc
  .record({
    policy: fc.constantFrom('prorate' as const, 'term-credit' as const),
    planId: fc.constantFrom('basic', 'professional'),
    interval: fc.constantFrom('month' as const, 'year' as const),
    memberCount: fc.integer({ min: 0, max: 12 }),
    spareSeats: fc.integer({ min: 0, max: 5 }),
    startOffset: fc.integer({ min: 0, max: 4 * 365 }),
    credit: fc.integer({ min: 0, max: 300_000 }),
  })
  .map(({ memberCount, spareSeats, startOffset, credit, ...rest }) => {
    const start = addDays('2026-01-01', startOffset);
    const created = createTeam(
      {
        ...rest,
        teamId: 't',
        start,
        members: members(memberCount),
        seats: rest.policy === 'prorate' ? memberCount + spareSeats : memberCount,
        paymentMethodId: 'pm',
      },
      ctx,
    ).state;
    if (credit === 0) return created;
    return addCredit(created, { amount: { amount: credit, currency: 'USD' }, reason: gift }, start)
      .state;
  });

const changeArbitrary: fc.Arbitrary<SubscriptionChange> = fc.record(
  {
    planId: fc.constantFrom('free', 'basic', 'professional', 'enterprise'),
    interval: fc.constantFrom('month' as const, 'year' as const),
    seats: fc.integer({ min: 0, max: 20 }),
    addOns: fc.array(
      fc.record({
        addOnId: fc.constantFrom('monitoring_requests_10k', 'custom_domain', 'api_calls_100k'),
        blocks: fc.integer({ min: 0, max: 4 }),
      }),
      { maxLength: 2 },
    ),
    timing: fc.constantFrom('immediately' as const, 'at_renewal' as const),
  },
  { requiredKeys: ['timing'] },
);

/** A day inside the team's current period. */
function dayIn(state: TeamState, fraction: number): string {
  const { currentPeriod } = state.subscription;
  return addDays(currentPeriod.start, Math.floor(fraction * periodDays(currentPeriod)));
}

function quoteOrNull(state: TeamState, change: SubscriptionChange, today: string) {
  try {
    return quoteChange(state, change, today, ctx);
  } catch (error) {
    // Some random changes are invalid input (e.g. seats on a term-credit team): that is a 422.
    if (error instanceof BillingError) return null;
    throw error;
  }
}

function expectConsistentLines(lines: QuoteLine[], subtotal: number): void {
  expect(lines.reduce((sum, line) => sum + line.amount.amount, 0)).toBe(subtotal);
  for (const line of lines) {
    expect(Number.isSafeInteger(line.amount.amount)).toBe(true);
    expect(Number.isSafeInteger(line.unitAmount.amount)).toBe(true);
    // A prorated line never exceeds the full-period price of its quantity.
    expect(Math.abs(line.amount.amount)).toBeLessThanOrEqual(
      Math.abs(line.unitAmount.amount) * line.quantity,
    );
  }
}

function expectConsistentInvoice(invoice: Invoice): void {
  // The lines add up to the total shown, whatever credit and payments covered.
  expectConsistentLines(invoice.lines, invoice.total.amount);
  expect(invoice.subtotal).toEqual(invoice.total);
  expect(invoice.creditApplied.amount).toBeGreaterThanOrEqual(0);
  expect(invoice.creditApplied.amount).toBeLessThanOrEqual(Math.max(0, invoice.total.amount));
  expect(invoice.creditApplied.amount + invoice.amountPaid.amount + invoice.amountDue.amount).toBe(
    Math.max(0, invoice.total.amount),
  );
  if (invoice.status === 'paid') expect(invoice.amountDue.amount).toBe(0);
}

const fractionArbitrary = fc.double({ min: 0, max: 0.999, noNaN: true });

describe('properties', () => {
  it('quotes: lines sum to the subtotal, amounts are integers, prorations bounded, credit bounded', () => {
    fc.assert(
      fc.property(teamArbitrary, changeArbitrary, fractionArbitrary, (state, change, fraction) => {
        const today = dayIn(state, fraction);
        const quote = quoteOrNull(state, change, today);
        if (!quote) return;
        expectConsistentLines(quote.lines, quote.subtotal.amount);
        expect(quote.creditApplied.amount).toBeLessThanOrEqual(state.credits.balance.amount);
        expect(quote.creditApplied.amount).toBeLessThanOrEqual(Math.max(0, quote.subtotal.amount));
        expect(quote.amountDueNow.amount).toBe(
          Math.max(0, quote.subtotal.amount - quote.creditApplied.amount),
        );
        expect(Number.isSafeInteger(quote.nextRenewal.amount.amount)).toBe(true);
        if (!quote.possible) expect(quote.lines).toEqual([]);
        if (quote.timing === 'at_renewal') expect(quote.amountDueNow.amount).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('an applied change charges exactly its preview', () => {
    fc.assert(
      fc.property(teamArbitrary, changeArbitrary, fractionArbitrary, (state, change, fraction) => {
        const today = dayIn(state, fraction);
        const quote = quoteOrNull(state, change, today);
        if (!quote?.possible) return;
        const applied = applyChange(state, change, today, ctx);
        expect(applied.quote).toEqual(quote);
        if (quote.lines.length === 0) {
          expect(applied.invoice).toBeNull();
          return;
        }
        const { invoice } = applied;
        expect(invoice?.lines).toEqual(quote.lines);
        expect(invoice?.total).toEqual(quote.subtotal);
        expect(invoice?.creditApplied).toEqual(quote.creditApplied);
        // Charged at once (or left open): either way what was due now.
        expect((invoice?.amountPaid.amount ?? 0) + (invoice?.amountDue.amount ?? 0)).toBe(
          quote.amountDueNow.amount,
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('a credit for unused time never exceeds the price paid for that period', () => {
    fc.assert(
      fc.property(teamArbitrary, changeArbitrary, fractionArbitrary, (state, change, fraction) => {
        const today = dayIn(state, fraction);
        const quote = quoteOrNull(state, { ...change, timing: 'immediately' }, today);
        if (!quote?.possible) return;
        const paidForPeriod = state.invoices
          .filter((invoice) => invoice.period?.start === state.subscription.currentPeriod.start)
          .reduce((sum, invoice) => sum + invoice.subtotal.amount, 0);
        const credited = quote.lines
          .filter((line) => line.kind === 'credit')
          .reduce((sum, line) => sum - line.amount.amount, 0);
        expect(credited).toBeLessThanOrEqual(paidForPeriod);
      }),
      { numRuns: 1000 },
    );
  });

  it('advancing in two steps ends in the same state as advancing at once', () => {
    fc.assert(
      fc.property(
        teamArbitrary,
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.boolean(),
        (initial, firstDays, moreDays, failCharges) => {
          const state = { ...initial, payment: { ...initial.payment, failCharges } };
          const middle = addDays(state.processedThrough, firstDays);
          const end = addDays(middle, moreDays);
          const stepwise = advance(advance(state, middle, ctx).state, end, ctx).state;
          expect(stepwise).toEqual(advance(state, end, ctx).state);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('time passing keeps every invoice consistent and the credit balance non-negative', () => {
    const stepArbitrary = fc.oneof(
      fc.record({ kind: fc.constant('join' as const), days: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ kind: fc.constant('leave' as const), days: fc.integer({ min: 1, max: 40 }) }),
      fc.record({
        kind: fc.constant('use' as const),
        days: fc.integer({ min: 1, max: 40 }),
        quantity: fc.integer({ min: 0, max: 200_000 }),
      }),
      fc.record({
        kind: fc.constant('fail' as const),
        days: fc.integer({ min: 1, max: 40 }),
        fail: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(teamArbitrary, fc.array(stepArbitrary, { maxLength: 12 }), (initial, steps) => {
        let state = initial;
        let today = state.processedThrough;
        let joined = 0;
        for (const step of steps) {
          today = addDays(today, step.days);
          const moved = advance(state, today, ctx);
          state = moved.state;
          try {
            if (step.kind === 'join') {
              joined += 1;
              state = addMember(
                state,
                { id: `j${joined}`, name: 'J', role: 'member' },
                today,
                ctx,
              ).state;
            } else if (step.kind === 'leave') {
              const leaving = state.members.find((member) => member.leftOn === null);
              if (leaving) state = removeMember(state, leaving.id, today, ctx).state;
            } else if (step.kind === 'use') {
              state = recordUsage(
                state,
                { resourceId: 'api_calls', quantity: step.quantity },
                today,
                ctx,
              ).state;
            } else {
              state = { ...state, payment: { ...state.payment, failCharges: step.fail } };
            }
          } catch (error) {
            // Refusals (no free seat, member limit) are part of the domain.
            if (!(error instanceof BillingError)) throw error;
          }
          expect(state.credits.balance.amount).toBeGreaterThanOrEqual(0);
        }
        for (const invoice of state.invoices) expectConsistentInvoice(invoice);
      }),
      { numRuns: 150 },
    );
  });
});
