import { describe, expect, it } from 'vitest';
import {
  activeNotices,
  advance,
  applyChange,
  BillingError,
  daysBetween,
  placeSeatOrder,
  quoteChange,
  quoteSeatOrder,
  removeMember,
  restrictions,
  setStandingInstructions,
} from '../src/index.js';
import { ctx, join, team } from './helpers.js';

const termCredit = { planId: 'basic', policy: 'term-credit', start: '2026-06-20' } as const;

describe('term-credit monthly reviews', () => {
  it('removed members credit unused days to the balance, applied to the next invoice', () => {
    const start = team({ ...termCredit, interval: 'month' }, 10);
    const removed = removeMember(start, 'm5', '2026-07-05', ctx).state;
    const renewed = advance(removed, '2026-07-20', ctx);
    const credit = Math.round((1200 * 15) / 30);
    expect(renewed.state.credits.entries[0]).toMatchObject({
      kind: 'seat_removal',
      amount: { amount: credit },
    });
    const invoice = renewed.invoices[0];
    expect(invoice?.total.amount).toBe(9 * 1200);
    expect(invoice?.creditApplied.amount).toBe(credit);
    expect(invoice?.amountPaid.amount).toBe(9 * 1200 - credit);
    expect(renewed.state.credits.balance.amount).toBe(0);
  });

  it('annual plans settle at every monthly review date, prorated over the whole term', () => {
    const start = team({ ...termCredit, interval: 'year' }, 4);
    const grown = join(start, 'a', '2026-08-01');
    const reviewed = advance(grown, '2026-08-20', ctx);
    expect(reviewed.invoices).toHaveLength(1);
    const termDays = daysBetween('2026-06-20', '2027-06-20');
    expect(reviewed.invoices[0]).toMatchObject({
      issueDate: '2026-08-20',
      lines: [
        expect.objectContaining({
          kind: 'true_up',
          amount: {
            amount: Math.round((10800 * daysBetween('2026-08-01', '2027-06-20')) / termDays),
            currency: 'USD',
          },
        }),
      ],
    });
    // Nothing pending: the next review issues nothing.
    expect(advance(reviewed.state, '2026-09-20', ctx).invoices).toEqual([]);
  });

  it('a member who joins and leaves before the review costs the days in between', () => {
    const start = team({ ...termCredit, interval: 'month' }, 2);
    const joined = join(start, 'a', '2026-06-22');
    const left = removeMember(joined, 'a', '2026-07-02', ctx).state;
    const renewed = advance(left, '2026-07-20', ctx);
    const charge = Math.round((1200 * 28) / 30);
    const credit = Math.round((1200 * 18) / 30);
    expect(renewed.invoices[0]).toMatchObject({
      total: { amount: 2 * 1200 + charge },
      creditApplied: { amount: credit },
      amountPaid: { amount: 2 * 1200 + charge - credit },
    });
  });

  it('quotes show true-ups already queued for the next review, outside the amount due now', () => {
    const grown = join(team({ ...termCredit, interval: 'month' }, 3), 'a', '2026-06-25');
    const quote = quoteChange(
      grown,
      { addOns: [{ addOnId: 'custom_domain', blocks: 1 }], timing: 'immediately' },
      '2026-06-26',
      ctx,
    );
    expect(quote.deferred).toEqual({
      date: '2026-07-20',
      lines: [
        expect.objectContaining({
          kind: 'true_up',
          amount: { amount: (1200 * 25) / 30, currency: 'USD' },
        }),
      ],
    });
    expect(quote.amountDueNow.amount).toBe(
      quote.lines.reduce((sum, line) => sum + line.amount.amount, 0),
    );
  });

  it('seats follow members: seat purchases are refused, reductions below members restricted', () => {
    const start = team({ ...termCredit, interval: 'month' }, 3);
    expect(() =>
      quoteChange(start, { seats: 5, timing: 'immediately' }, '2026-06-25', ctx),
    ).toThrow(BillingError);
    expect(
      quoteChange(start, { seats: 2, timing: 'immediately' }, '2026-06-25', ctx).restriction?.code,
    ).toBe('seats_below_members');
  });

  it('a term-credit upgrade settles pending true-ups on its own invoice', () => {
    const start = team({ ...termCredit, interval: 'month' }, 10);
    const grown = join(start, 'a', '2026-06-22');
    const quote = quoteChange(
      grown,
      { planId: 'professional', timing: 'immediately' },
      '2026-06-25',
      ctx,
    );
    expect(quote.lines.map((line) => [line.kind, line.quantity, line.amount.amount])).toEqual([
      ['true_up', 1, Math.round((1200 * 28) / 30)],
      ['plan', 11, 11 * 2400],
      ['credit', 11, -Math.round((1200 * 11 * 25) / 30)],
    ]);
    const applied = applyChange(
      grown,
      { planId: 'professional', timing: 'immediately' },
      '2026-06-25',
      ctx,
    );
    expect(applied.state.pendingAdjustments).toEqual([]);
    expect(applied.quote.nextRenewal.amount.amount).toBe(11 * 2400);
  });
});

describe('seat orders', () => {
  const free = () =>
    team({ planId: 'free', interval: 'month', policy: 'term-credit', start: '2026-01-10' }, 2);

  it('seats × unit price, one expiry; invoice first then paid by transfer', () => {
    const quote = quoteSeatOrder(free(), { seats: 5, planId: 'basic' }, '2026-01-10', ctx);
    expect(quote.amountDueNow.amount).toBe(5 * 10800);
    const placed = placeSeatOrder(
      free(),
      { seats: 5, planId: 'basic', collectionMethod: 'send_invoice' },
      '2026-01-10',
      ctx,
    );
    expect(placed.invoice).toMatchObject({
      status: 'open',
      dueDate: '2026-02-09',
      total: quote.subtotal,
      amountDue: quote.amountDueNow,
    });
    expect(placed.state.subscription.seatOrder).toEqual({
      seats: 5,
      unitPrice: { amount: 10800, currency: 'USD' },
      period: { start: '2026-01-10', end: '2027-01-10' },
    });
  });

  it('members up to the seat count; added seats prorated over the order; no reduction', () => {
    const ordered = placeSeatOrder(free(), { seats: 3, planId: 'basic' }, '2026-01-10', ctx).state;
    const full = join(ordered, 'c', '2026-02-01');
    expect(() => join(full, 'd', '2026-02-01')).toThrow(/seat_order_full|seats of the seat order/);
    const added = applyChange(full, { seats: 5, timing: 'immediately' }, '2026-03-10', ctx);
    const orderDays = daysBetween('2026-01-10', '2027-01-10');
    expect(added.invoice?.lines).toEqual([
      expect.objectContaining({
        kind: 'seats',
        quantity: 2,
        amount: {
          amount: Math.round((10800 * 2 * daysBetween('2026-03-10', '2027-01-10')) / orderDays),
          currency: 'USD',
        },
      }),
    ]);
    const fewer = quoteChange(added.state, { seats: 4, timing: 'immediately' }, '2026-03-11', ctx);
    expect(fewer.restriction).toMatchObject({
      code: 'seat_order_locked',
      allowedTiming: 'at_renewal',
    });
  });

  it('notifies 30 days before expiry; an expired order drops to Free, restricted not deleted', () => {
    const ordered = placeSeatOrder(free(), { seats: 5, planId: 'basic' }, '2026-01-10', ctx).state;
    const grown = join(join(ordered, 'c', '2026-02-01'), 'd', '2026-02-01');
    const noticed = advance(grown, '2026-12-11', ctx);
    expect(noticed.notices.map((notice) => [notice.code, notice.date])).toEqual([
      ['seat_order_expiring', '2026-12-11'],
    ]);
    expect(activeNotices(noticed.state, '2026-12-11', ctx).map((notice) => notice.code)).toContain(
      'seat_order_expiring',
    );
    const expired = advance(noticed.state, '2027-01-10', ctx);
    expect(expired.invoices).toEqual([]);
    expect(expired.state.subscription).toMatchObject({ planId: 'free', seatOrder: null });
    expect(expired.state.members.filter((member) => member.leftOn === null)).toHaveLength(4);
    expect(restrictions(expired.state, '2027-01-10', ctx).membersOverLimit).toEqual(['d']);
  });

  it('renews when the team sets its renewal, with fewer seats if asked', () => {
    const ordered = placeSeatOrder(free(), { seats: 5, planId: 'basic' }, '2026-01-10', ctx).state;
    const renewing = setStandingInstructions(
      ordered,
      { action: 'change', seats: 3 },
      '2026-12-01',
      ctx,
    ).state;
    const renewed = advance(renewing, '2027-01-10', ctx);
    expect(renewed.state.subscription.seatOrder).toMatchObject({
      seats: 3,
      period: { start: '2027-01-10' },
    });
    expect(renewed.invoices[0]?.total.amount).toBe(3 * 10800);
  });
});
