import { describe, expect, it } from 'vitest';
import {
  advance,
  autoFlexStatus,
  daysBetween,
  enableAutoFlex,
  quoteChange,
  removeMember,
  type TeamState,
} from '../src/index.js';
import { ctx, join, team } from './helpers.js';

function flexTeam(interval: 'month' | 'year', seats: number): TeamState {
  const start = team({ planId: 'basic', interval, policy: 'prorate', start: '2026-01-31' }, seats);
  return enableAutoFlex(start, { termsVersion: 'v1' }, '2026-01-31', ctx).state;
}

describe('auto-flex on monthly plans', () => {
  it('notifies 7 days before the renewal and bills retained extras in it', () => {
    const grown = join(join(flexTeam('month', 3), 'a', '2026-02-05'), 'b', '2026-02-10');
    const status = autoFlexStatus(grown, '2026-02-12', ctx);
    expect(status.cycle).toEqual({
      start: '2026-01-31',
      billingDate: '2026-02-28',
      noticeDate: '2026-02-21',
    });
    expect(status).toMatchObject({ extraMembers: 2, estimatedCharge: { amount: 2 * 1200 } });
    const noticed = advance(grown, '2026-02-21', ctx);
    expect(noticed.notices.map((notice) => [notice.code, notice.date])).toEqual([
      ['auto_flex_billing_soon', '2026-02-21'],
    ]);
    const billed = advance(noticed.state, '2026-02-28', ctx);
    expect(billed.invoices[0]?.lines.map((line) => [line.kind, line.quantity])).toEqual([
      ['plan', 3],
      ['auto_flex', 2],
    ]);
    expect(billed.state.subscription.seats).toBe(5);
    expect(billed.events.map((event) => event.type)).toContain('auto_flex_billed');
  });

  it('bills nothing extra when the extras left before the billing date', () => {
    const grown = join(flexTeam('month', 3), 'a', '2026-02-05');
    const left = removeMember(grown, 'a', '2026-02-20', ctx).state;
    const billed = advance(left, '2026-02-28', ctx);
    expect(billed.notices).toEqual([]);
    expect(billed.invoices[0]?.lines.map((line) => line.kind)).toEqual(['plan']);
  });
});

describe('auto-flex on annual plans', () => {
  it('cycles quarterly from the purchase date with 14-day notices, co-termed charges', () => {
    const grown = join(flexTeam('year', 4), 'a', '2026-03-15');
    const status = autoFlexStatus(grown, '2026-03-15', ctx);
    expect(status.cycle).toEqual({
      start: '2026-01-31',
      billingDate: '2026-04-30',
      noticeDate: '2026-04-16',
    });
    const quarter = advance(grown, '2026-04-30', ctx);
    expect(quarter.notices.map((notice) => [notice.code, notice.date])).toEqual([
      ['auto_flex_billing_soon', '2026-04-16'],
    ]);
    const flexInvoice = quarter.invoices.find((invoice) => invoice.issueDate === '2026-04-30');
    const remaining = daysBetween('2026-04-30', '2027-01-31');
    expect(flexInvoice?.lines).toEqual([
      expect.objectContaining({
        kind: 'auto_flex',
        quantity: 1,
        amount: { amount: Math.round((10800 * remaining) / 365), currency: 'USD' },
      }),
    ]);
    expect(quarter.state.subscription.seats).toBe(5);
    expect(quarter.state.autoFlex.billedExtraSeats).toBe(1);
    expect(autoFlexStatus(quarter.state, '2026-05-01', ctx).cycle?.billingDate).toBe('2026-07-31');
  });

  it('nothing is billed in a quarter without growth', () => {
    const start = flexTeam('year', 4);
    const { invoices, notices } = advance(start, '2026-12-31', ctx);
    expect(invoices).toEqual([]);
    expect(notices).toEqual([]);
  });

  it('billed flex seats cannot be removed until the term renews', () => {
    const billed = advance(join(flexTeam('year', 4), 'a', '2026-03-15'), '2026-04-30', ctx).state;
    const left = removeMember(billed, 'a', '2026-05-02', ctx).state;
    const quote = quoteChange(left, { seats: 4, timing: 'immediately' }, '2026-05-03', ctx);
    expect(quote.restriction?.code).toBe('seat_decrease_at_renewal');
  });
});
