import { describe, expect, it } from 'vitest';
import {
  AmountChangedError,
  addCredit,
  applyChange,
  BillingError,
  quoteChange,
  type SubscriptionChange,
} from '../src/index.js';
import { ctx, gift, team } from './helpers.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });

/** prorate, Basic monthly, 10 seats, period 2026-06-20 → 2026-07-20. */
const start = team({ planId: 'basic', interval: 'month', policy: 'prorate', start: '2026-06-20' });
const upgrade: SubscriptionChange = { planId: 'professional', timing: 'immediately' };

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

describe('applyChange with expectedAmountDue: the amount shown, or nothing', () => {
  it('charges when the amount is the one shown', () => {
    const shown = quoteChange(start, upgrade, '2026-06-25', ctx);
    expect(shown.amountDueNow).toEqual(usd(10000));
    const applied = applyChange(start, upgrade, '2026-06-25', ctx, {
      expectedAmountDue: shown.amountDueNow,
    });
    expect(applied.quote).toEqual(shown);
    expect(applied.invoice?.amountPaid).toEqual(shown.amountDueNow);
  });

  it('is refused with the fresh quote when the day turned since the preview', () => {
    const shown = quoteChange(start, upgrade, '2026-06-25', ctx);
    const error = refusal(() =>
      applyChange(start, upgrade, '2026-06-26', ctx, { expectedAmountDue: shown.amountDueNow }),
    );
    expect(error).toBeInstanceOf(AmountChangedError);
    expect(error).toBeInstanceOf(BillingError);
    const fresh = quoteChange(start, upgrade, '2026-06-26', ctx);
    // (24 − 12) × 10 × 24/30 the next day.
    expect(fresh.amountDueNow).toEqual(usd(9600));
    expect(error).toMatchObject({ code: 'amount_changed', pointer: null, quote: fresh });
    expect((error as Error).message).toContain('96.00 USD');
  });

  it('is refused when the credit balance changed since the preview', () => {
    const shown = quoteChange(start, upgrade, '2026-06-25', ctx);
    const credited = addCredit(start, { amount: usd(1500), reason: gift }, '2026-06-25').state;
    const error = refusal(() =>
      applyChange(credited, upgrade, '2026-06-25', ctx, {
        expectedAmountDue: shown.amountDueNow,
      }),
    );
    expect(error).toMatchObject({
      code: 'amount_changed',
      quote: { subtotal: usd(10000), creditApplied: usd(1500), amountDueNow: usd(8500) },
    });
  });

  it('compares what is due now: a change at renewal is due nothing', () => {
    const atRenewal: SubscriptionChange = { seats: 12, timing: 'at_renewal' };
    const applied = applyChange(start, atRenewal, '2026-06-25', ctx, {
      expectedAmountDue: usd(0),
    });
    expect(applied.scheduledChange?.effectiveDate).toBe('2026-07-20');
    expect(
      refusal(() =>
        applyChange(start, atRenewal, '2026-06-25', ctx, { expectedAmountDue: usd(100) }),
      ),
    ).toMatchObject({ code: 'amount_changed', quote: { amountDueNow: usd(0) } });
  });

  it('a change that is not possible is refused for that, whatever amount was expected', () => {
    const downgrade: SubscriptionChange = { planId: 'free', timing: 'immediately' };
    expect(
      refusal(() =>
        applyChange(start, downgrade, '2026-06-25', ctx, { expectedAmountDue: usd(1) }),
      ),
    ).toMatchObject({ code: 'downgrade_at_renewal', pointer: '/timing' });
  });

  it.each([
    [{ amount: 10000, currency: 'EUR' }, 'currency_mismatch', '/expectedAmountDue/currency'],
    [{ amount: -1, currency: 'USD' }, 'invalid_amount', '/expectedAmountDue/amount'],
    [{ amount: 0.5, currency: 'USD' }, 'invalid_amount', '/expectedAmountDue/amount'],
  ])('an expected amount of %o is bad input: %s on %s', (expectedAmountDue, code, pointer) => {
    const error = refusal(() =>
      applyChange(start, upgrade, '2026-06-25', ctx, { expectedAmountDue }),
    );
    expect(error).not.toBeInstanceOf(AmountChangedError);
    expect(error).toMatchObject({ code, pointer });
  });
});
