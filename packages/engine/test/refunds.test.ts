import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  type Invoice,
  type RefundRequest,
  refundInvoice,
  refundWindow,
  type TeamState,
} from '../src/index.js';
import { team } from './helpers.js';

/** Basic monthly, 2 seats, created and charged 24.00 on 2026-06-20. */
const start = team(
  { planId: 'basic', interval: 'month', policy: 'prorate', start: '2026-06-20' },
  2,
);
const paid = start.invoices[0] as Invoice;
const usd = (amount: number) => ({ amount, currency: 'USD' });

function refund(
  state: TeamState,
  today: string,
  request: Partial<RefundRequest> = {},
): ReturnType<typeof refundInvoice> {
  return refundInvoice(
    state,
    { invoiceId: paid.id, destination: 'payment_method', country: 'US', ...request },
    today,
  );
}

describe('refunds', () => {
  it('the first invoice of the fixture was charged on its issue day', () => {
    expect(paid).toMatchObject({ status: 'paid', paidAt: '2026-06-20', amountPaid: usd(2400) });
  });

  it('are possible for 72 hours after the charge, and 14 more days in the EU and the UK', () => {
    expect(refundWindow(paid, '2026-06-23', 'US')).toEqual({
      available: usd(2400),
      until: '2026-06-23',
    });
    expect(refundWindow(paid, '2026-06-24', 'US')).toEqual({
      available: usd(0),
      until: '2026-06-23',
    });
    for (const country of ['DE', 'fr', 'GB']) {
      expect(refundWindow(paid, '2026-07-07', country)).toEqual({
        available: usd(2400),
        until: addDays('2026-06-20', 17),
      });
    }
    expect(() => refund(start, '2026-06-24')).toThrow(
      expect.objectContaining({ code: 'refund_window_closed' }),
    );
    expect(refund(start, '2026-07-07', { country: 'DE' }).invoices[0]?.refunds).toHaveLength(1);
  });

  it('to the payment method: the whole amount by default, recorded on the invoice with an event', () => {
    const outcome = refund(start, '2026-06-21', { reason: 'Bought the wrong plan' });
    const [invoice] = outcome.invoices;
    expect(invoice?.refunds).toEqual([
      {
        id: expect.any(String),
        amount: usd(2400),
        destination: 'payment_method',
        reason: 'Bought the wrong plan',
        createdAt: '2026-06-21',
      },
    ]);
    expect(invoice?.status).toBe('paid');
    expect(outcome.state.credits).toEqual(start.credits);
    expect(outcome.events).toEqual([
      expect.objectContaining({ type: 'refund_issued', amount: usd(2400), invoiceId: paid.id }),
    ]);
    expect(refundWindow(invoice as Invoice, '2026-06-21', 'US').available).toEqual(usd(0));
  });

  it('to the credit balance: the next invoices use it', () => {
    const outcome = refund(start, '2026-06-21', {
      amount: usd(1000),
      destination: 'credit_balance',
    });
    expect(outcome.state.credits.balance).toEqual(usd(1000));
    expect(outcome.state.credits.entries.at(-1)).toMatchObject({
      kind: 'refund',
      amount: usd(1000),
      invoiceId: paid.id,
    });
  });

  it('refuses what cannot be refunded, with a code and the field at fault', () => {
    const refused = (today: string, request: Partial<RefundRequest>) => {
      try {
        refund(start, today, request);
      } catch (error) {
        return {
          code: (error as { code: string }).code,
          pointer: (error as { pointer: string | null }).pointer,
        };
      }
      throw new Error('refunded');
    };
    expect(refused('2026-06-21', { amount: usd(2401) })).toEqual({
      code: 'refund_exceeds_paid',
      pointer: '/amount/amount',
    });
    expect(refused('2026-06-21', { amount: usd(0) })).toEqual({
      code: 'invalid_amount',
      pointer: '/amount/amount',
    });
    expect(refused('2026-06-21', { amount: { amount: 100, currency: 'EUR' } })).toEqual({
      code: 'currency_mismatch',
      pointer: '/amount/currency',
    });
    expect(refused('2026-06-21', { invoiceId: 'inv_unknown' })).toEqual({
      code: 'invoice_not_found',
      pointer: null,
    });
    const refundedInFull = refund(start, '2026-06-21').state;
    expect(() => refund(refundedInFull, '2026-06-22')).toThrow(
      expect.objectContaining({ code: 'nothing_to_refund' }),
    );
  });

  it('only a paid invoice can be refunded', () => {
    const open: Invoice = { ...paid, status: 'open', paidAt: null, amountPaid: usd(0) };
    const unpaid = { ...start, invoices: [open] };
    expect(() => refund(unpaid, '2026-06-21')).toThrow(
      expect.objectContaining({ code: 'invoice_not_paid' }),
    );
    expect(refundWindow(open, '2026-06-21', 'US')).toEqual({ available: usd(0), until: null });
  });

  it('never give back more than was paid, however the refunds are split', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3000 }), { maxLength: 8 }), (amounts) => {
        let state = start;
        for (const amount of amounts) {
          try {
            state = refund(state, '2026-06-22', { amount: usd(amount) }).state;
          } catch (error) {
            expect((error as { code: string }).code).toMatch(
              /refund_exceeds_paid|nothing_to_refund/,
            );
          }
        }
        const invoice = state.invoices[0] as Invoice;
        const refunded = invoice.refunds.reduce((sum, entry) => sum + entry.amount.amount, 0);
        expect(refunded).toBeLessThanOrEqual(invoice.amountPaid.amount);
        expect(refundWindow(invoice, '2026-06-22', 'US').available.amount).toBe(
          invoice.amountPaid.amount - refunded,
        );
      }),
    );
  });
});
