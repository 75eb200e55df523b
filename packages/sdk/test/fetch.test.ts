import { describe, expect, it, vi } from 'vitest';
import { createBillingClient } from '../src/index.js';
import { subscription } from './fixtures.js';
import { baseUrl, teamId } from './server.js';

describe('custom fetch', () => {
  it('sends every request through the fetch the host injects', async () => {
    const requests: Request[] = [];
    const receivers: unknown[] = [];
    // A plain function, like `window.fetch`, which throws when called on another object.
    const fetch = vi.fn(async function (this: unknown, input: RequestInfo | URL) {
      receivers.push(this);
      requests.push(input as Request);
      return Response.json(subscription, { headers: { etag: '"17"' } });
    });
    const client = createBillingClient({ baseUrl, teamId, getToken: () => 'token', fetch });

    await expect(client.subscription.get()).resolves.toEqual(subscription);

    expect(fetch).toHaveBeenCalledTimes(1);
    expect(receivers).toEqual([undefined]);
    const [request] = requests;
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe(`${baseUrl}/teams/${teamId}/subscription`);
    expect(request?.headers.get('authorization')).toBe('Bearer token');
  });
});
