/**
 * The auth guide's examples (examples/auth): the host's token endpoint over real HTTP, and the
 * SDK calling the mock's Node server with the token provider as its `getToken`.
 */
import type { AddressInfo } from 'node:net';
import { createBillingClient } from '@billkit/sdk';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createTokenEndpoint, mintForMock, type Role } from '../../examples/auth/token-endpoint.js';
import { createTokenProvider, TokenUnavailableError } from '../../examples/auth/token-provider.js';
import { type ServedMock, serveMock } from './mock-server.js';

let served: ServedMock;
let tokenUrl: string;
let closeEndpoint: () => Promise<void>;
/** The host's own records: sessions (cookie → user) and memberships (user → team → member). */
const sessions = new Map<string, string>();
const memberships = new Map<string, Map<string, { memberId: string; role: Role }>>();
let minted: { memberId: string; expiresAt: Date }[];

beforeEach(async () => {
  served = await serveMock({ scenario: 'professional-annual-autoflex' });
  const alice = served.mock.members.list().find((member) => member.role === 'billing')!;
  sessions.set('s3cr3t-session', 'alice');
  memberships.set(
    'alice',
    new Map([[served.mock.teamId, { memberId: alice.id, role: 'billing' }]]),
  );
  minted = [];
  const endpoint = createTokenEndpoint({
    userOf: (request) =>
      sessions.get(/session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1] ?? ''),
    membership: (userId, teamId) => memberships.get(userId)?.get(teamId),
    mint: (grant) => {
      minted.push(grant);
      return mintForMock(grant);
    },
  });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  tokenUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/billing/token`;
  closeEndpoint = () => new Promise((resolve) => endpoint.close(() => resolve()));
});
afterEach(async () => {
  await closeEndpoint();
  await served.close();
});

/** What the browser's fetch does on the host's page: the session cookie goes along. */
const withSession =
  (session: string): typeof fetch =>
  (input, init) =>
    fetch(input, {
      ...init,
      headers: { ...(init?.headers as object), cookie: `session=${session}` },
    });

const postToken = (body: string, headers: Record<string, string>) =>
  fetch(tokenUrl, { method: 'POST', body, headers });

test('the endpoint mints a short-lived token for the signed-in member of that team only', async () => {
  const json = { 'content-type': 'application/json' };
  const team = JSON.stringify({ teamId: served.mock.teamId });
  expect((await postToken(team, json)).status).toBe(401); // no session
  const other = await postToken(JSON.stringify({ teamId: 'team_other' }), {
    ...json,
    cookie: 'session=s3cr3t-session',
  });
  expect(other.status).toBe(403);
  expect(await other.json()).toMatchObject({ code: 'not_a_member' });
  const form = await postToken(`teamId=${served.mock.teamId}`, {
    'content-type': 'application/x-www-form-urlencoded',
    cookie: 'session=s3cr3t-session',
  });
  expect(form.status).toBe(415);
  const before = Date.now();
  const ok = await postToken(team, { ...json, cookie: 'session=s3cr3t-session' });
  expect(ok.status).toBe(200);
  expect(ok.headers.get('cache-control')).toBe('no-store');
  const { token, expiresAt } = await ok.json();
  expect(token).toBe(`member:${minted[0]?.memberId}`);
  const lifetime = Date.parse(expiresAt) - before;
  expect(lifetime).toBeGreaterThan(299_000);
  expect(lifetime).toBeLessThanOrEqual(301_000);
});

test('the SDK asks the provider before every request; the endpoint is asked once', async () => {
  const billing = createBillingClient({
    baseUrl: served.baseUrl,
    teamId: served.mock.teamId,
    getToken: createTokenProvider({
      teamId: served.mock.teamId,
      url: tokenUrl,
      fetch: withSession('s3cr3t-session'),
    }),
  });
  const [overview] = await Promise.all([
    billing.overview.get(),
    billing.plans.list(),
    billing.invoices.list(),
  ]);
  await billing.subscription.get();
  expect(overview.viewer.role).toBe('billing');
  expect(minted).toHaveLength(1);
  const apiCalls = served.requests.filter((request) => request.startsWith('GET /v1/teams/'));
  expect(apiCalls).toHaveLength(4);
});

test('a token is replaced shortly before it expires', async () => {
  let now = Date.now();
  const getToken = createTokenProvider({
    teamId: served.mock.teamId,
    url: tokenUrl,
    fetch: withSession('s3cr3t-session'),
    now: () => now,
  });
  await getToken();
  now += 4 * 60_000; // a minute left: still used
  await getToken();
  expect(minted).toHaveLength(1);
  now += 40_000; // 20 s left, under the 30 s margin
  await getToken();
  expect(minted).toHaveLength(2);
});

test('after a 401 the SDK forces a new token and repeats the request once', async () => {
  const getToken = createTokenProvider({
    teamId: served.mock.teamId,
    url: tokenUrl,
    fetch: withSession('s3cr3t-session'),
  });
  const billing = createBillingClient({
    baseUrl: served.baseUrl,
    teamId: served.mock.teamId,
    getToken,
  });
  await billing.overview.get();
  // Alice leaves and is invited back: her cached token names a member who is gone.
  const aliceBefore = memberships.get('alice')!.get(served.mock.teamId)!;
  served.mock.members.remove(aliceBefore.memberId);
  const rejoined = served.mock.members.add({ role: 'billing', name: 'Alice', id: 'mem_alice_2' });
  memberships.get('alice')!.set(served.mock.teamId, { memberId: rejoined.id, role: 'billing' });
  served.requests.length = 0;

  const overview = await billing.overview.get();
  expect(overview.viewer.role).toBe('billing');
  expect(served.requests).toEqual([
    `GET /v1/teams/${served.mock.teamId}/billing/overview`, // 401 with the cached token
    `GET /v1/teams/${served.mock.teamId}/billing/overview`, // 200 with the new one
  ]);
  expect(minted.map((grant) => grant.memberId)).toEqual([aliceBefore.memberId, 'mem_alice_2']);
});

test('a user removed from the team gets no new token, and the call fails with that reason', async () => {
  const getToken = createTokenProvider({
    teamId: served.mock.teamId,
    url: tokenUrl,
    fetch: withSession('s3cr3t-session'),
  });
  const billing = createBillingClient({
    baseUrl: served.baseUrl,
    teamId: served.mock.teamId,
    getToken,
  });
  await billing.overview.get();
  served.mock.members.remove(memberships.get('alice')!.get(served.mock.teamId)!.memberId);
  memberships.get('alice')!.delete(served.mock.teamId);

  const refused = billing.overview.get();
  await expect(refused).rejects.toBeInstanceOf(TokenUnavailableError);
  await expect(refused).rejects.toMatchObject({ status: 403 });
});
