import { BillingError } from './money.js';
import type { Interval, IsoDate, Period } from './types.js';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: IsoDate): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(date);
  if (!match) throw new BillingError('invalid_date', `Not a YYYY-MM-DD date: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new BillingError('invalid_date', `No such day: ${date}`);
  }
  return { year, month, day };
}

/** Refuses anything but a real `YYYY-MM-DD` day (dates are compared as strings). */
export function requireIsoDate(value: string, pointer: string | null = null): void {
  if (!isIsoDate(value)) {
    throw new BillingError('invalid_date', `${value} is not a YYYY-MM-DD calendar day`, pointer);
  }
}

export function isIsoDate(value: string): boolean {
  try {
    parts(value);
    return true;
  } catch {
    return false;
  }
}

function format(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `month` is 1–12. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 (UTC calendar days). */
function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parts(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromDayNumber(dayNumber: number): IsoDate {
  const date = new Date(dayNumber * MS_PER_DAY);
  return format(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** `to − from` in days. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/**
 * `months` months after `date`, on `anchorDay` (default: `date`'s day) clamped to the
 * month's last day — so anchor 31 gives Jan 31 → Feb 28/29 → Mar 31.
 */
export function addMonths(date: IsoDate, months: number, anchorDay?: number): IsoDate {
  const { year, month, day } = parts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  return format(
    targetYear,
    targetMonth,
    Math.min(anchorDay ?? day, daysInMonth(targetYear, targetMonth)),
  );
}

export function dayOfMonth(date: IsoDate): number {
  return parts(date).day;
}

export function intervalMonths(interval: Interval): number {
  return interval === 'year' ? 12 : 1;
}

/** The period of `interval` starting on `start`, keeping `anchorDay`. */
export function periodStarting(start: IsoDate, interval: Interval, anchorDay?: number): Period {
  return { start, end: addMonths(start, intervalMonths(interval), anchorDay) };
}

export function periodDays(period: Period): number {
  return daysBetween(period.start, period.end);
}

/** Is `date` inside `[start, end)`? */
export function periodContains(period: Period, date: IsoDate): boolean {
  return period.start <= date && date < period.end;
}

/** Midnight UTC of `date`, RFC 3339. */
export function startOfDay(date: IsoDate): string {
  return `${date}T00:00:00Z`;
}
