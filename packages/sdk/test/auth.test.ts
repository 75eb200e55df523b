import { describe, expect, it, vi } from 'vitest';
import { BillingApiError } from '../src/index.js';
import { appliedChange, subscription, upgrade } from './fixtures.js';
import { createTestClient, json, problemResponse, route } from './server.js';

const unauthorized = problemResponse({ status: 401, code: 'unauthorized' });

describe('authentication', () => {
  it('asks for the token on every request', async () => {
    const { client, getToken } = createTestClient();
    const recorded = route('get', '/subscription', json(subscription));
    await client.subscription.get();
    await client.subscription.get();
    expect(getToken).toHaveBeenCalledTimes(2);
    expect(getToken).toHaveBeenCalledWith();
    expect(recorded.map((request) => request.headers.get('authorization'))).toEqual([
      'Bearer token',
      'Bearer token',
    ]);
  });

  it('on 401 forces a token refresh and repeats the request once', async () => {
    const { client, getToken } = createTestClient();
    const recorded = route('get', '/subscription', unauthorized, json(subscription));
    await expect(client.subscription.get()).resolves.toEqual(subscription);
    expect(getToken.mock.calls).toEqual([[], [{ forceRefresh: true }]]);
    expect(recorded.map((request) => request.headers.get('authorization'))).toEqual([
      'Bearer token',
      'Bearer fresh-token',
    ]);
  });

  it('repeats a POST after 401 with the same Idempotency-Key', async () => {
    const { client } = createTestClient();
    const recorded = route('post', '/subscription/changes', unauthorized, json(appliedChange));
    await client.subscription.apply(upgrade, { ifMatch: '17' });
    const [first, second] = recorded.map((request) => request.headers.get('idempotency-key'));
    expect(recorded).toHaveLength(2);
    expect(second).toBe(first);
  });

  it('surfaces a second 401 as a BillingApiError', async () => {
    const { client, getToken } = createTestClient();
    const recorded = route('get', '/subscription', unauthorized);
    const error = await client.subscription.get().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BillingApiError);
    expect(error).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(recorded).toHaveLength(2);
    expect(getToken).toHaveBeenCalledTimes(2);
  });

  it('lets a failing getToken reject the call as is, without sending anything', async () => {
    const signedOut = new Error('signed out');
    const { client } = createTestClient({ getToken: vi.fn().mockRejectedValue(signedOut) });
    const recorded = route('get', '/subscription', json(subscription));
    await expect(client.subscription.get()).rejects.toBe(signedOut);
    expect(recorded).toHaveLength(0);
  });
});
