/**
 * The parts around the operations: viewers from tokens, the control endpoints,
 * runtime fault changes, latency, the fetch-shaped handler and the Node server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createBillingMock } from '../src/index.js';
import { createNodeServer, listen } from '../src/node.js';
import { contractClient } from './helpers.js';

describe('viewers from bearer tokens', () => {
  it('picks a member by id, a role, or the default role; unknown ones are 401', async () => {
    const client = contractClient({ scenario: 'basic-monthly', role: 'visitor' });
    const [admin] = client.mock.members.list();
    const asMember = await client.call('getBillingOverview', { token: `member:${admin!.id}` });
    expect(asMember.body.viewer.role).toBe('admin');
    expect((await client.call('getBillingOverview', { token: 'anything' })).body.viewer.role).toBe(
      'visitor',
    );
    expect((await client.call('getBillingOverview', { token: 'role:owner' })).status).toBe(401);
    expect((await client.call('getBillingOverview', { token: 'member:mem_404' })).status).toBe(401);
  });
});

describe('control endpoints', () => {
  /** A control request; a body is sent as JSON, as the control endpoints require. */
  const control = (mock: ReturnType<typeof createBillingMock>, path: string, init?: RequestInit) =>
    mock.handle(
      new Request(`${mock.baseUrl}/__mock${path}`, {
        ...init,
        ...(init?.body === undefined ? {} : { headers: { 'content-type': 'application/json' } }),
      }),
    );

  it('adds and removes members; billing only counts them', async () => {
    const full = createBillingMock({ scenario: 'basic-monthly' });
    const refused = await control(full, `/teams/${full.teamId}/members`, {
      method: 'POST',
      body: '{"role":"member"}',
    });
    expect(refused.status).toBe(422);
    expect((await refused.json()).code).toBe('no_seats_available');

    const mock = createBillingMock({
      scenario: { planId: 'basic', seats: 6, members: { admin: 1, member: 4 } },
    });
    const before = mock.members.list().length;
    const added = await control(mock, `/teams/${mock.teamId}/members`, {
      method: 'POST',
      body: JSON.stringify({ role: 'member' }),
    });
    const member = await added.json();
    expect(mock.members.list()).toHaveLength(before + 1);
    expect(
      (await control(mock, `/teams/${mock.teamId}/members/${member.id}`, { method: 'DELETE' }))
        .status,
    ).toBe(204);
    expect(mock.members.list()).toHaveLength(before);
    expect(
      (await control(mock, `/teams/${mock.teamId}/members/mem_404`, { method: 'DELETE' })).status,
    ).toBe(404);
    expect(
      (
        await control(mock, `/teams/${mock.teamId}/members`, {
          method: 'POST',
          body: '{"role":"owner"}',
        })
      ).status,
    ).toBe(422);
  });

  it('changes faults at runtime', async () => {
    const mock = createBillingMock({ scenario: 'free' });
    const plans = () =>
      mock.handle(
        new Request(`${mock.baseUrl}/teams/${mock.teamId}/plans`, {
          headers: { authorization: 'Bearer role:admin' },
        }),
      );
    expect((await plans()).status).toBe(200);
    await control(mock, '/faults', {
      method: 'PUT',
      body: JSON.stringify({ rules: [{ kind: 'server_error', onRequests: [1] }] }),
    });
    expect((await plans()).status).toBe(500);
    expect((await plans()).status).toBe(200);
    mock.faults.add({ kind: 'rate_limited', retryAfter: 7, rate: 1 });
    const limited = await plans();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await control(mock, '/faults', { method: 'DELETE' })).status).toBe(204);
    expect((await plans()).status).toBe(200);
    // A rule with neither a rate nor request numbers applies to every request.
    await control(mock, '/faults', {
      method: 'PUT',
      body: JSON.stringify({ rules: [{ kind: 'unavailable', operationId: 'listPlans' }] }),
    });
    expect([(await plans()).status, (await plans()).status]).toEqual([503, 503]);
    // A bad rule is a 422 on its field, and the faults stay as they were.
    const bad = await control(mock, '/faults', {
      method: 'PUT',
      body: JSON.stringify({ latency: 5, rules: [{ kind: 'earthquake' }] }),
    });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0].pointer).toBe('/rules/0/kind');
    expect(mock.faults.rules).toEqual([{ kind: 'unavailable', operationId: 'listPlans' }]);
    expect(mock.faults.nextLatency()).toBe(0);
  });

  it('declines the default card from JS and through the control endpoint', async () => {
    const mock = createBillingMock({ scenario: 'basic-monthly' });
    await control(mock, `/teams/${mock.teamId}/payment`, {
      method: 'PUT',
      body: JSON.stringify({ declineCharges: true }),
    });
    expect(mock.team.state.payment.failCharges).toBe(true);
    mock.declineCharges(false);
    expect(mock.team.state.payment.failCharges).toBe(false);
  });

  it('records usage; a negative quantity is a 422 on /quantity, not a capped 429', async () => {
    const mock = createBillingMock({ scenario: 'over-quota-overage-allowed' });
    const usage = (quantity: number) =>
      control(mock, `/teams/${mock.teamId}/usage`, {
        method: 'POST',
        body: JSON.stringify({ resourceId: 'monitoring_requests', quantity }),
      });
    expect((await usage(10)).status).toBe(200);
    const negative = await usage(-5_000);
    expect(negative.status).toBe(422);
    expect((await negative.json()).errors).toEqual([
      expect.objectContaining({ pointer: '/quantity', code: 'invalid_quantity' }),
    ]);
  });

  it('reports the clock and moves it by days', async () => {
    const mock = createBillingMock({ scenario: 'free', now: '2026-06-20T09:00:00Z' });
    const moved = await control(mock, '/clock', {
      method: 'POST',
      body: JSON.stringify({ days: 10 }),
    });
    expect(await moved.json()).toEqual({ now: '2026-06-30T09:00:00.000Z', today: '2026-06-30' });
    expect(mock.clock.today()).toBe('2026-06-30');
    const back = await control(mock, '/clock', { method: 'POST', body: '{"days":-1}' });
    expect(back.status).toBe(422);
    expect((await back.json()).errors[0]).toMatchObject({ pointer: '/days' });
  });
});

describe('latency and the fetch-shaped handler', () => {
  it('waits the configured latency', async () => {
    const mock = createBillingMock({ scenario: 'free', latency: 40 });
    const started = performance.now();
    await mock.fetch(`${mock.baseUrl}/teams/${mock.teamId}/plans`, {
      headers: { authorization: 'Bearer x' },
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });

  it("honours the request's AbortSignal, like fetch", async () => {
    const mock = createBillingMock({ scenario: 'free', latency: 500 });
    const url = `${mock.baseUrl}/teams/${mock.teamId}/plans`;
    const headers = { authorization: 'Bearer role:admin' };
    const already = mock.fetch(url, { headers, signal: AbortSignal.abort() });
    await expect(already).rejects.toMatchObject({ name: 'AbortError' });
    const started = performance.now();
    const leftPage = new Error('left the page');
    const controller = new AbortController();
    setTimeout(() => controller.abort(leftPage), 20);
    await expect(mock.fetch(url, { headers, signal: controller.signal })).rejects.toBe(leftPage);
    expect(performance.now() - started).toBeLessThan(400);
  });

  it('rejects with a TypeError on a dropped connection, like fetch', async () => {
    const mock = createBillingMock({
      scenario: 'free',
      faults: [{ kind: 'network_error', onRequests: [1] }],
    });
    await expect(mock.fetch(`${mock.baseUrl}/teams/${mock.teamId}/plans`)).rejects.toBeInstanceOf(
      TypeError,
    );
  });
});

describe('Node HTTP server', () => {
  let close: (() => void) | undefined;
  afterEach(() => close?.());

  it('serves the same handler over HTTP, with CORS, and drops connections on request', async () => {
    const mock = createBillingMock({ scenario: 'basic-monthly', baseUrl: 'http://127.0.0.1/v1' });
    const server = createNodeServer(mock.handle, { cors: true });
    const origin = await listen(server, 0);
    close = () => server.close();
    const team = `${origin}/v1/teams/${mock.teamId}`;
    const response = await fetch(`${team}/invoices?limit=1`, {
      headers: { authorization: 'Bearer role:billing' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const { data } = await response.json();
    const pdf = await fetch(`${team}/invoices/${data[0].id}/pdf`, {
      headers: { authorization: 'Bearer role:billing' },
    });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    const preflight = await fetch(`${team}/subscription/changes`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    mock.faults.add({ kind: 'network_error', onRequests: [1] });
    await expect(
      fetch(`${team}/plans`, { headers: { authorization: 'Bearer role:admin' } }),
    ).rejects.toThrow();
  });
});

describe('idempotency keys', () => {
  it('replays the first response for 24 hours of test-clock time', async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    const contribute = () =>
      client.call('contributeCredits', {
        body: { amount: { amount: 500, currency: 'USD' } },
        headers: { 'idempotency-key': 'coffee-fund' },
      });
    const first = await contribute();
    const replay = await contribute();
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(first.body.id);
    client.mock.clock.advance({ hours: 25 });
    const later = await contribute();
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    expect(later.body.id).not.toBe(first.body.id);
  });
});

describe('notices by audience', () => {
  it('shows billing notices to admins and billing members, deactivation to everyone', async () => {
    const client = contractClient({ scenario: 'past-due-grace' });
    const codes = async (token: string) =>
      (await client.call('getBillingOverview', { token })).body.notices.map(
        (notice: { code: string }) => notice.code,
      );
    expect(await codes('role:billing')).toContain('grace_period');
    expect(await codes('role:member')).not.toContain('grace_period');
    client.mock.clock.advance({ days: 10 });
    expect(await codes('role:visitor')).toContain('deactivated');
  });
});
