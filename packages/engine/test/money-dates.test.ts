import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  BillingError,
  daysBetween,
  money,
  periodDays,
  periodStarting,
  prorate,
  roundHalfUp,
  sumMoney,
} from '../src/index.js';

describe('money', () => {
  it('rounds half up once, mirroring negatives', () => {
    expect(roundHalfUp(5n, 2n)).toBe(3);
    expect(roundHalfUp(7n, 3n)).toBe(2);
    expect(roundHalfUp(-5n, 2n)).toBe(-3);
    expect(roundHalfUp(1n, 3n)).toBe(0);
  });

  it('prorates exactly before rounding: 1199 × 7 × 11/31 is not the product of rounded parts', () => {
    const exact = (1199 * 7 * 11) / 31;
    expect(prorate(money(1199, 'USD'), 7, { numerator: 11, denominator: 31 }).amount).toBe(
      Math.floor(exact + 0.5),
    );
  });

  it('refuses non-integer amounts and mixed currencies', () => {
    expect(() => money(1.5, 'USD')).toThrow(BillingError);
    expect(() => sumMoney([money(1, 'USD'), money(1, 'EUR')], 'USD')).toThrow(
      expect.objectContaining({ code: 'currency_mismatch' }),
    );
  });
});

describe('dates', () => {
  it('counts days as in the rules', () => {
    expect(daysBetween('2026-06-20', '2026-07-20')).toBe(30);
    expect(periodDays(periodStarting('2026-05-20', 'year'))).toBe(365);
    expect(periodDays(periodStarting('2027-05-20', 'year'))).toBe(366);
  });

  it('keeps a 31st anchor across short months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-02-28', 1, 31)).toBe('2026-03-31');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-04-30', 1, 31)).toBe('2026-05-31');
  });

  it('handles leap days in annual terms', () => {
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2029-02-28', 36, 29)).toBe('2032-02-29');
    expect(periodDays(periodStarting('2028-02-29', 'year'))).toBe(365);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('rejects impossible dates', () => {
    expect(() => addDays('2026-02-29', 1)).toThrow(BillingError);
    expect(() => addDays('2026-6-1', 1)).toThrow(BillingError);
  });
});
