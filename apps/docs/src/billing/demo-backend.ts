/**
 * The billing page's backend: one mock team (a named scenario, optionally under another
 * policy) with its test clock, served in the page by MSW. A new scenario or policy, or a clock
 * day before the current one (billing time only moves forward), builds a new one.
 */
import { type BillingMock, createBillingMock, type ScenarioName, tokenFor } from '@billkit/mocks';
import { type BillingClient, createBillingClient } from '@billkit/sdk';
import { mockBaseUrl } from '../mock-worker.js';
import type { PolicyName } from './settings.js';

const dayMs = 86_400_000;

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / dayMs);
}

export class DemoBackend {
  readonly mock: BillingMock;
  /** The clock's first day: a link without a date shows the team as of this day. */
  readonly startDay: string;
  /** An admin's view of the team, in-process (not through the page, not in its requests). */
  private readonly admin: BillingClient;

  /** Throws the mock's `ScenarioError` when the policy contradicts the scenario. */
  constructor(scenario: ScenarioName, policy: PolicyName | null) {
    this.mock = createBillingMock({
      scenario,
      ...(policy ? { policy } : {}),
      baseUrl: mockBaseUrl(),
    });
    this.startDay = this.mock.clock.today();
    this.admin = createBillingClient({
      baseUrl: this.mock.baseUrl,
      teamId: this.mock.teamId,
      getToken: () => tokenFor('admin'),
      fetch: this.mock.fetch,
    });
  }

  today(): string {
    return this.mock.clock.today();
  }

  /** Moves the test clock forward by whole days (the billing calendar runs for each). */
  advance(days: number): void {
    this.mock.clock.advance({ days });
  }

  /** Moves the test clock forward to `day`; throws a RangeError for a day it cannot reach. */
  moveTo(day: string): void {
    const days = daysBetween(this.today(), day);
    if (days > 0) this.advance(days);
  }

  /**
   * The next day something is billed: the renewal (or the trial's end), the next invoice the
   * API estimates, or auto-flex's billing date, whichever comes first after today.
   */
  async nextBillingDate(): Promise<string | null> {
    const overview = await this.admin.overview.get();
    const today = this.today();
    const candidates = [
      overview.nextInvoice?.date,
      overview.autoFlex.cycle?.billingDate,
      overview.subscription.currentPeriod.end,
    ].filter((day): day is string => typeof day === 'string' && day > today);
    return candidates.sort()[0] ?? null;
  }
}
