/**
 * The test clock: the mock's only source of "now". Moving it forward runs the
 * billing calendar (renewals, auto-flex billing dates, notices, trial ends,
 * payment retries, grace expiry) through the listeners the mock registers.
 */

const dayMs = 86_400_000;

/**
 * The test clock stays in 2000–2099: billing dates are `YYYY-MM-DD` with four-digit years, and
 * every day the clock passes runs the billing calendar.
 */
export const clockRange = {
  earliest: new Date('2000-01-01T00:00:00Z'),
  latest: new Date('2099-12-31T23:59:59Z'),
} as const;

/**
 * One move passes at most 1,830 days (five years in any calendar): each day passed runs the
 * billing calendar, so a move is bounded work (tens of milliseconds for five years of the
 * busiest scenario). Longer journeys are several moves.
 */
export const maxClockMoveDays = 1_830;

export type ClockListener = (from: Date, to: Date) => void;

export interface AdvanceBy {
  days?: number;
  hours?: number;
}

/** `YYYY-MM-DD` of a Date in UTC. */
export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** An RFC 3339 instant in UTC to the second, as the API writes them (`2026-06-20T09:00:00Z`). */
export function toIsoInstant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Accepts a Date, an RFC 3339 instant or a `YYYY-MM-DD` day (midnight UTC) within
 * `clockRange`.
 */
export function parseInstant(value: Date | string): Date {
  const date = value instanceof Date ? new Date(value.getTime()) : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  if (date < clockRange.earliest || date > clockRange.latest) {
    throw new RangeError(
      `The test clock runs from ${toIsoDate(clockRange.earliest)} to ${toIsoDate(clockRange.latest)}`,
    );
  }
  return date;
}

function tooFar(): RangeError {
  return new RangeError(
    `The test clock moves at most ${maxClockMoveDays} days at a time; move it in steps`,
  );
}

export class TestClock {
  #now: Date;
  readonly #listeners = new Set<ClockListener>();

  constructor(start: Date | string) {
    this.#now = parseInstant(start);
  }

  now(): Date {
    return new Date(this.#now.getTime());
  }

  /** Today as a UTC calendar day, `YYYY-MM-DD`. */
  today(): string {
    return toIsoDate(this.#now);
  }

  advance({ days = 0, hours = 0 }: AdvanceBy): Date {
    const moveMs = days * dayMs + hours * 3_600_000;
    // Checked before the sum: a huge move is not a date at all.
    if (moveMs > maxClockMoveDays * dayMs) throw tooFar();
    return this.set(new Date(this.#now.getTime() + moveMs));
  }

  /** Moves the clock to a later instant; billing time never runs backwards. */
  set(to: Date | string): Date {
    const target = parseInstant(to);
    if (target.getTime() < this.#now.getTime()) {
      throw new RangeError(`The test clock only moves forward (now ${this.#now.toISOString()})`);
    }
    if (target.getTime() - this.#now.getTime() > maxClockMoveDays * dayMs) throw tooFar();
    const from = this.#now;
    this.#now = target;
    for (const listener of this.#listeners) listener(from, this.now());
    return this.now();
  }

  onAdvance(listener: ClockListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
