/**
 * The SDK over real HTTP (the mock behind `@billkit/mocks/node`): the review step's amount is
 * what is charged, or the typed refusal carries the change priced now.
 */
import { type BillingClient, createBillingClient, isAmountChangedError } from '@billkit/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { type BillingMock, createBillingMock } from '../src/index.js';
import { createNodeServer, listen } from '../src/node.js';

let close: (() => void) | undefined;
afterEach(() => close?.());

async function served(): Promise<{ mock: BillingMock; billing: BillingClient }> {
  const mock = createBillingMock({ scenario: 'basic-monthly', baseUrl: 'http://127.0.0.1/v1' });
  const server = createNodeServer(mock.handle);
  const origin = await listen(server, 0);
  close = () => server.close();
  const billing = createBillingClient({
    baseUrl: `${origin}/v1`,
    teamId: mock.teamId,
    getToken: () => 'role:billing',
    retry: false,
  });
  return { mock, billing };
}

describe('subscription.apply with expectedAmountDue, over HTTP', () => {
  it('refuses a price that moved with a typed amount_changed, then charges the new price', async () => {
    const { mock, billing } = await served();
    const change = { planId: 'professional', timing: 'immediately' } as const;
    const shown = await billing.subscription.preview(change);
    const { version } = await billing.subscription.get();
    mock.clock.advance({ days: 1 });

    const error = await billing.subscription
      .apply({ ...change, expectedAmountDue: shown.amountDueNow }, { ifMatch: version })
      .catch((caught: unknown) => caught);
    expect(isAmountChangedError(error)).toBe(true);
    if (!isAmountChangedError(error)) return;
    expect(error.status).toBe(409);
    const fresh = error.problem.quote;
    expect(fresh).toEqual(await billing.subscription.preview(change));
    expect(fresh.amountDueNow.amount).toBeLessThan(shown.amountDueNow.amount);
    const unchanged = await billing.subscription.get();
    expect(unchanged).toMatchObject({ planId: 'basic', version });

    const applied = await billing.subscription.apply(
      { ...change, expectedAmountDue: fresh.amountDueNow },
      { ifMatch: version },
    );
    expect(applied.invoice).toMatchObject({
      total: fresh.subtotal,
      creditApplied: fresh.creditApplied,
      amountPaid: fresh.amountDueNow,
    });
  });
});
