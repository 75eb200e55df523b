import type { Money } from '@billkit/sdk';
import { activeLocale } from './locale.js';

// The one home of number, money, date and plural formatting: every figure on screen goes
// through these, in the active locale. Formatters are cached per locale and options.
type Formatter = Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules | Intl.ListFormat;
const cache = new Map<string, Formatter>();

function cached<T extends Formatter>(key: string, make: (locale: string) => T): T {
  const locale = activeLocale();
  const id = `${locale}|${key}`;
  let formatter = cache.get(id) as T | undefined;
  if (!formatter) {
    formatter = make(locale);
    cache.set(id, formatter);
  }
  return formatter;
}

/**
 * Money from integer minor units, exactly: the amount is written as a decimal string
 * (`-1234` cents → `"-12.34"`), so no float ever rounds a cent away.
 */
export function formatMoney(money: Money): string {
  const format = cached(`money:${money.currency}`, (locale) =>
    Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }),
  );
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const sign = money.amount < 0 ? '-' : '';
  const units = Math.abs(money.amount)
    .toString()
    .padStart(digits + 1, '0');
  const decimal =
    digits === 0 ? units : `${units.slice(0, -digits)}.${units.slice(units.length - digits)}`;
  // Intl formats decimal strings exactly (ECMA-402 NumberFormat v3).
  return format.format(`${sign}${decimal}` as unknown as number);
}

export function formatNumber(value: number): string {
  return cached('number', (locale) => Intl.NumberFormat(locale)).format(value);
}

/** A share (`0.8` → `80%`, `1.25` → `125%`), in whole percent. */
export function formatPercent(ratio: number): string {
  return cached('percent', (locale) =>
    Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
  ).format(ratio);
}

/** A billing date (`YYYY-MM-DD`, a UTC calendar day) or an instant, as a date. */
export function formatDate(value: string): string {
  const instant = value.length === 10 ? `${value}T00:00:00Z` : value;
  return cached('date', (locale) =>
    Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
  ).format(new Date(instant));
}

/** The plural category of `count` in the active locale (`one`, `other`, …). */
export function pluralCategory(count: number): Intl.LDMLPluralRule {
  return cached('plural', (locale) => new Intl.PluralRules(locale)).select(count);
}

type PluralForms = Partial<Record<Intl.LDMLPluralRule, () => string>> & { other: () => string };

/** The one of `forms` (message functions by plural category) for `count` in the active locale. */
export function plural(count: number, forms: PluralForms): string {
  return (forms[pluralCategory(count)] ?? forms.other)();
}

/**
 * A billing period `[start, end)` as the days it covers (`Jun 20 – Jul 10, 2026`): the end is
 * exclusive, so the last day shown is the one before it.
 */
export function formatPeriod(period: { start: string; end: string }): string {
  const start = new Date(`${period.start}T00:00:00Z`);
  const last = new Date(Date.parse(`${period.end}T00:00:00Z`) - 86_400_000);
  return cached('date', (locale) =>
    Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
  ).formatRange(start, last < start ? start : last);
}

/** Items joined as a list of the locale (`a, b, and c`; `a、b、c`). */
export function formatList(items: readonly string[]): string {
  return cached('list', (locale) => new Intl.ListFormat(locale, { type: 'conjunction' })).format(
    items,
  );
}
