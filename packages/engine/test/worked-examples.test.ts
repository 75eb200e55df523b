import { describe, expect, it } from 'vitest';
import { addMember, advance, applyChange, quoteChange } from '../src/index.js';
import { ctx, team } from './helpers.js';

const basicMonthly = { planId: 'basic', interval: 'month', start: '2026-06-20' } as const;

describe('worked examples of the billing rules', () => {
  it('1. term-credit: a member joining on 06-25 is trued up on the 07-20 renewal invoice', () => {
    const start = team({ ...basicMonthly, policy: 'term-credit' });
    const joined = addMember(start, { id: 'new', name: 'New', role: 'member' }, '2026-06-25', ctx);
    const { invoices } = advance(joined.state, '2026-07-20', ctx);
    const renewal = invoices.find((invoice) => invoice.issueDate === '2026-07-20');
    expect(renewal?.lines.map((line) => [line.kind, line.quantity, line.amount.amount])).toEqual([
      ['plan', 11, 11 * 1200],
      ['true_up', 1, (1200 * 25) / 30],
    ]);
    expect(renewal?.subtotal.amount).toBe(11 * 1200 + (1200 * 25) / 30);
  });

  it('2. term-credit upgrade on 06-25: 240.00 − 100.00 now, renewal 240.00 on the usual date', () => {
    const start = team({ ...basicMonthly, policy: 'term-credit' });
    const change = { planId: 'professional', timing: 'immediately' } as const;
    const quote = quoteChange(start, change, '2026-06-25', ctx);
    expect(quote.lines.map((line) => [line.kind, line.amount.amount])).toEqual([
      ['plan', 2400 * 10],
      ['credit', (-1200 * 10 * 25) / 30],
    ]);
    expect(quote.amountDueNow.amount).toBe(2400 * 10 - (1200 * 10 * 25) / 30);
    expect(quote.nextRenewal).toEqual({
      date: '2026-07-20',
      amount: { amount: 2400 * 10, currency: 'USD' },
    });
    const applied = applyChange(start, change, '2026-06-25', ctx);
    expect(applied.invoice).toMatchObject({
      total: quote.subtotal,
      amountPaid: quote.amountDueNow,
    });
    expect(applied.state.subscription.currentPeriod.end).toBe('2026-07-20');
  });

  it('3. prorate upgrade on 06-25: (24 − 12) × 10 × 25/30 = 100.00', () => {
    const start = team({ ...basicMonthly, policy: 'prorate' });
    const quote = quoteChange(
      start,
      { planId: 'professional', timing: 'immediately' },
      '2026-06-25',
      ctx,
    );
    expect(quote.lines).toHaveLength(1);
    expect(quote.lines[0]?.kind).toBe('proration');
    expect(quote.amountDueNow.amount).toBe(((2400 - 1200) * 10 * 25) / 30);
  });
});
