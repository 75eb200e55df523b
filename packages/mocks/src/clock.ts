/**
 * The test clock: the mock's only source of "now". Moving it forward runs the
 * billing calendar (renewals, auto-flex billing dates, notices, trial ends,
 * payment retries, grace expiry) through the listeners the mock registers.
 */

const dayMs = 86_400_000;

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

/** Accepts a Date, an RFC 3339 instant or a `YYYY-MM-DD` day (midnight UTC). */
export function parseInstant(value: Date | string): Date {
  const date = value instanceof Date ? new Date(value.getTime()) : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  return date;
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
    return this.set(new Date(this.#now.getTime() + days * dayMs + hours * 3_600_000));
  }

  /** Moves the clock to a later instant; billing time never runs backwards. */
  set(to: Date | string): Date {
    const target = parseInstant(to);
    if (target.getTime() < this.#now.getTime()) {
      throw new RangeError(`The test clock only moves forward (now ${this.#now.toISOString()})`);
    }
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
