import { createBillingMock } from '@billkit/mocks';
import { createBillingClient } from '@billkit/sdk';
import { expect, test } from 'vitest';
import {
  invoicePageResource,
  overviewResource,
  plansResource,
  usageResource,
} from './resources.js';
import { BillingStore } from './store.js';

/** A store on a fresh mock team, calling it in-process, with every request and abort logged. */
function storeOnMock(latency = 0) {
  const mock = createBillingMock({ scenario: 'basic-monthly', latency });
  const sent: string[] = [];
  const aborted: string[] = [];
  const client = createBillingClient({
    baseUrl: mock.baseUrl,
    teamId: mock.teamId,
    getToken: () => 'role:admin',
    fetch: (input, init) => {
      const request = new Request(input, init);
      const path = new URL(request.url).pathname.replace(/^\/v1\/teams\/[^/]+/, '');
      sent.push(`${request.method} ${path}`);
      request.signal.addEventListener('abort', () => aborted.push(path));
      return mock.fetch(request);
    },
  });
  return { mock, store: new BillingStore(client), sent, aborted };
}

test('elements asking for one resource at once share one request, then the cache', async () => {
  const { store, sent } = storeOnMock();
  const [a, b, c] = await Promise.all([
    store.get(overviewResource),
    store.get(overviewResource),
    store.get(overviewResource),
  ]);
  expect(a).toBe(b);
  expect(b).toBe(c);
  expect(await store.get(overviewResource)).toBe(a);
  expect(sent).toEqual(['GET /billing/overview']);
});

test('one caller aborting stops only its own wait; the last one aborting stops the request', async () => {
  const { store, sent, aborted } = storeOnMock(200);
  const first = new AbortController();
  const firstWait = store.get(overviewResource, { signal: first.signal });
  const secondWait = store.get(overviewResource);
  first.abort();
  await expect(firstWait).rejects.toMatchObject({ name: 'AbortError' });
  expect((await secondWait).seats.purchased).toBe(5);
  expect(aborted).toEqual([]);

  const only = new AbortController();
  const lonely = store.get(plansResource, { signal: only.signal });
  await expect.poll(() => sent).toContain('GET /plans');
  only.abort();
  await expect(lonely).rejects.toMatchObject({ name: 'AbortError' });
  await expect.poll(() => aborted).toEqual(['/plans']);
  // Nothing was cached from the aborted request: the next caller loads it again.
  expect((await store.get(plansResource)).length).toBeGreaterThan(0);
  expect(sent.filter((r) => r === 'GET /plans')).toHaveLength(2);
});

test('a mutation reloads exactly the loaded resources it changes, then notifies once', async () => {
  const { store, sent } = storeOnMock();
  const before = await store.get(overviewResource);
  await store.get(plansResource);
  sent.length = 0;
  const revision = store.revision(overviewResource);
  let notified = 0;
  store.addEventListener('change', () => notified++);

  await store.mutate('applySubscriptionChange', (client) =>
    client.subscription.apply(
      { seats: 6, timing: 'immediately' },
      { ifMatch: before.subscription.version, idempotencyKey: 'store-test' },
    ),
  );

  // Plans do not change with a subscription change; usage was never loaded here.
  expect(sent).toEqual(['POST /subscription/changes', 'GET /billing/overview']);
  expect(notified).toBe(1);
  expect(store.revision(overviewResource)).toBe(revision + 1);
  expect(store.revision(plansResource)).toBe(0);
  expect((await store.get(overviewResource)).seats.purchased).toBe(6);
  expect(sent).toHaveLength(2);
});

test('an answer from before a mutation never replaces the reloaded state', async () => {
  const { store } = storeOnMock();
  const overview = await store.get(overviewResource);
  const usage = await store.get(usageResource);
  // A refresh is in flight when the change lands; the store reloads again after the change.
  const early = store.refresh(['overview']);
  await store.mutate('applySubscriptionChange', (client) =>
    client.subscription.apply(
      { seats: 8, timing: 'immediately' },
      { ifMatch: overview.subscription.version, idempotencyKey: 'race-test' },
    ),
  );
  await early;
  expect((await store.get(overviewResource)).seats.purchased).toBe(8);
  expect(await store.get(usageResource)).not.toBe(usage);
});

test('a reload that fails after a change is not hidden behind the old value', async () => {
  const { mock, store, sent } = storeOnMock();
  const before = await store.get(overviewResource);
  // Every attempt of the reload fails (the SDK retries twice), the next one answers.
  mock.faults.add({
    kind: 'server_error',
    operationId: 'getBillingOverview',
    onRequests: [1, 2, 3],
  });
  await store.mutate('applySubscriptionChange', (client) =>
    client.subscription.apply(
      { seats: 7, timing: 'immediately' },
      { ifMatch: before.subscription.version, idempotencyKey: 'reload-fails' },
    ),
  );
  expect(store.peek(overviewResource)?.seats.purchased).toBe(5);
  sent.length = 0;
  expect((await store.get(overviewResource)).seats.purchased).toBe(7);
  expect(sent).toEqual(['GET /billing/overview']);
});

test('pages of a list are resources of their own, all reloaded after a change', async () => {
  const { store, sent } = storeOnMock();
  const first = await store.get(invoicePageResource({ limit: 1 }));
  await expect(store.get(invoicePageResource({ limit: 1 }))).resolves.toBe(first);
  const overview = await store.get(overviewResource);
  sent.length = 0;
  await store.mutate('applySubscriptionChange', (client) =>
    client.subscription.apply(
      { seats: 6, timing: 'immediately' },
      { ifMatch: overview.subscription.version, idempotencyKey: 'pages' },
    ),
  );
  expect(sent).toContain('GET /invoices');
  const reloaded = await store.get(invoicePageResource({ limit: 1 }));
  // The seat charge is the newest invoice now.
  expect(reloaded.data[0]!.id).not.toBe(first.data[0]!.id);
});
