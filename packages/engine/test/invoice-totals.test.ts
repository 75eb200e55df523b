import { describe, expect, it } from 'vitest';
import {
  addCredit,
  advance,
  applyChange,
  type Invoice,
  payInvoice,
  placeSeatOrder,
  quoteChange,
  refundInvoice,
  refundWindow,
  setPaymentMethod,
  type TeamState,
} from '../src/index.js';
import { ctx, gift, team } from './helpers.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });

/** `state` with `amount` of contributed credit on `date`. */
function withCredit(state: TeamState, amount: number, date: string): TeamState {
  return addCredit(state, { amount: usd(amount), reason: gift }, date).state;
}

/**
 * Basic annual, 1 seat (108.00 a year) from 2026-06-20, with 10.00 of credit; with
 * `failCharges`, the card declines from the day before the renewal.
 */
function annualWithCredit(failCharges = false): TeamState {
  const start = team(
    { planId: 'basic', interval: 'year', policy: 'prorate', start: '2026-06-20' },
    1,
  );
  const credited = withCredit(start, 1000, '2026-07-01');
  return failCharges
    ? setPaymentMethod(credited, { methodId: 'pm_card', failCharges: true }, '2027-06-19').state
    : credited;
}

function renewalOf(state: TeamState): { invoice: Invoice; state: TeamState } {
  const renewed = advance(state, '2027-06-20', ctx);
  const invoice = renewed.invoices.find((candidate) => candidate.issueDate === '2027-06-20');
  if (!invoice) throw new Error('no renewal invoice');
  return { invoice, state: renewed.state };
}

describe('invoice totals: the lines add up to the total shown', () => {
  it('a 108.00 line with 10.00 of credit: total 108.00, credit 10.00, paid 98.00, nothing due', () => {
    const { invoice } = renewalOf(annualWithCredit());
    expect(invoice.lines.map((line) => line.amount.amount)).toEqual([10800]);
    expect(invoice).toMatchObject({
      status: 'paid',
      subtotal: usd(10800),
      total: usd(10800),
      creditApplied: usd(1000),
      amountPaid: usd(9800),
      amountDue: usd(0),
    });
  });

  it('an open invoice leaves due what credit did not cover, and still shows its total once paid', () => {
    const { invoice, state } = renewalOf(annualWithCredit(true));
    expect(invoice).toMatchObject({
      status: 'open',
      total: usd(10800),
      creditApplied: usd(1000),
      amountPaid: usd(0),
      amountDue: usd(9800),
    });
    const paid = payInvoice(state, invoice.id, '2027-06-21', ctx, { succeeded: true });
    expect(paid.invoices[0]).toMatchObject({
      status: 'paid',
      total: usd(10800),
      creditApplied: usd(1000),
      amountPaid: usd(9800),
      amountDue: usd(0),
    });
    // The payment is what was charged, not the total.
    expect(paid.events.find((event) => event.type === 'payment_succeeded')?.amount).toEqual(
      usd(9800),
    );
  });

  it('refunds give back at most what was paid, not the credit', () => {
    const { invoice, state } = renewalOf(annualWithCredit());
    expect(refundWindow(invoice, '2027-06-21', 'US').available).toEqual(usd(9800));
    const request = {
      invoiceId: invoice.id,
      destination: 'payment_method' as const,
      country: 'US',
    };
    expect(() => refundInvoice(state, { ...request, amount: usd(9801) }, '2027-06-21')).toThrow(
      expect.objectContaining({ code: 'refund_exceeds_paid' }),
    );
    const refunded = refundInvoice(state, request, '2027-06-21').invoices[0];
    expect(refunded?.refunds.map((refund) => refund.amount)).toEqual([usd(9800)]);
    expect(refunded).toMatchObject({ total: usd(10800), amountPaid: usd(9800) });
  });

  it('a quote shows what its invoice then shows: subtotal is the total, same credit, due now is what is charged', () => {
    const start = withCredit(
      team({ planId: 'basic', interval: 'month', policy: 'prorate', start: '2026-06-20' }, 10),
      1000,
      '2026-06-21',
    );
    const change = { planId: 'professional', timing: 'immediately' } as const;
    const quote = quoteChange(start, change, '2026-06-25', ctx);
    expect(quote).toMatchObject({
      subtotal: usd(10000),
      creditApplied: usd(1000),
      amountDueNow: usd(9000),
    });
    const { invoice } = applyChange(start, change, '2026-06-25', ctx);
    expect(invoice).toMatchObject({
      total: quote.subtotal,
      creditApplied: quote.creditApplied,
      amountPaid: quote.amountDueNow,
      amountDue: usd(0),
    });
  });

  it('a net credit shows its negative total, leaves nothing due and goes to the credit balance', () => {
    // Professional annual, then a Basic seat order the next day: the unused Professional year
    // is worth more than the Basic order.
    const start = team(
      { planId: 'professional', interval: 'year', policy: 'term-credit', start: '2026-06-20' },
      3,
    );
    const placed = placeSeatOrder(start, { seats: 3, planId: 'basic' }, '2026-06-21', ctx);
    const lines = placed.invoice?.lines.map((line) => line.amount.amount) ?? [];
    const sum = lines.reduce((total, amount) => total + amount, 0);
    expect(sum).toBeLessThan(0);
    expect(placed.invoice).toMatchObject({
      status: 'paid',
      total: usd(sum),
      creditApplied: usd(0),
      amountPaid: usd(0),
      amountDue: usd(0),
    });
    expect(placed.state.credits.balance).toEqual(usd(-sum));
    expect(placed.state.credits.entries.at(-1)).toMatchObject({
      kind: 'adjustment',
      amount: usd(-sum),
      invoiceId: placed.invoice?.id,
    });
  });
});
