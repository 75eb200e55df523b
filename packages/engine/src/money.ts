import type { Money } from './types.js';

/** Thrown for inputs the engine cannot work with (a 422 for the API). */
export class BillingError extends Error {
  override readonly name = 'BillingError';
  constructor(
    /** Stable snake_case code, e.g. `unknown_plan`. */
    readonly code: string,
    message: string,
    /** JSON Pointer into the request, e.g. `/seats`. */
    readonly pointer: string | null = null,
  ) {
    super(message);
  }
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) {
    throw new BillingError('invalid_amount', `Money must be an integer of minor units: ${amount}`);
  }
  return { amount, currency };
}

export function zero(currency: string): Money {
  return { amount: 0, currency };
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new BillingError('currency_mismatch', `Cannot combine ${a.currency} and ${b.currency}`);
  }
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function negate(a: Money): Money {
  return money(a.amount === 0 ? 0 : -a.amount, a.currency);
}

export function minMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return a.amount <= b.amount ? a : b;
}

/** Sum of amounts in `currency` (the currency is needed for an empty list). */
export function sumMoney(amounts: readonly Money[], currency: string): Money {
  return amounts.reduce((total, amount) => addMoney(total, amount), zero(currency));
}

/** An exact non-negative fraction, e.g. remainingDays / periodDays. */
export interface Fraction {
  numerator: number;
  denominator: number;
}

/**
 * `numerator / denominator` rounded half up, computed in bigint so no precision is lost.
 * Negative values round half away from zero, so a credit is the mirror of the charge.
 */
export function roundHalfUp(numerator: bigint, denominator: bigint): number {
  if (denominator <= 0n) throw new BillingError('invalid_fraction', 'Denominator must be positive');
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return Number(negative ? -rounded : rounded);
}

/**
 * `unitAmount × quantity × fraction`, exact until one final half-up rounding.
 * This is the one place a prorated line amount is computed.
 */
export function prorate(unitAmount: Money, quantity: number, fraction: Fraction): Money {
  const exact = BigInt(unitAmount.amount) * BigInt(quantity) * BigInt(fraction.numerator);
  return money(roundHalfUp(exact, BigInt(fraction.denominator)), unitAmount.currency);
}

export function multiply(unitAmount: Money, quantity: number): Money {
  return money(unitAmount.amount * quantity, unitAmount.currency);
}
