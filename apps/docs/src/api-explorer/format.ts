import type { Money } from '@billkit/sdk';

const locale = navigator.language;

/** Money in the viewer's locale; amounts are integer minor units. */
export function formatMoney(money: Money): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amount / 10 ** digits);
}

/** A `YYYY-MM-DD` billing date (a UTC calendar day) in the viewer's locale. */
export function formatDate(isoDate: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate),
  );
}

export function formatCount(value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}
