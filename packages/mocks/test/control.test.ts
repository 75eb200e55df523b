/**
 * The parts around the operations: viewers from tokens, the control endpoints,
 * runtime fault changes, latency, the fetch-shaped handler and the Node server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createBillingMock } from '../src/index.js';
import { createNodeServer, listen } from '../src/node.js';
import { contractClient, invoices } from './helpers.js';

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

  it('records who added or removed a member in the history: `by`, else the first admin', async () => {
    const client = contractClient({
      scenario: { planId: 'basic', seats: 8, members: { admin: 2, billing: 1, member: 2 } },
    });
    const { mock } = client;
    const [firstAdmin, secondAdmin] = mock.members.list();
    const joined = mock.members.add({ role: 'member', name: 'Joan Clarke' });
    const added = await control(mock, `/teams/${mock.teamId}/members`, {
      method: 'POST',
      body: JSON.stringify({ role: 'member', name: 'Alan Turing', by: secondAdmin!.id }),
    });
    expect(added.status).toBe(201);
    const alan = await added.json();
    mock.members.remove(joined.id, { by: secondAdmin!.id });
    const removed = await control(mock, `/teams/${mock.teamId}/members/${alan.id}`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(204);

    const { body } = await client.call('listBillingEvents', { query: { type: 'seats_changed' } });
    const byWhom = body.data
      .slice(0, 4)
      .reverse()
      .map((event: { summary: string; actor: { name: string; role: string } | null }) => [
        event.summary.split(';')[0],
        event.actor && `${event.actor.name} (${event.actor.role})`,
      ]);
    expect(byWhom).toEqual([
      ['Joan Clarke joined as member', `${firstAdmin!.name} (admin)`],
      ['Alan Turing joined as member', `${secondAdmin!.name} (admin)`],
      ['Joan Clarke left', `${secondAdmin!.name} (admin)`],
      ['Alan Turing left', `${firstAdmin!.name} (admin)`],
    ]);
  });

  it('refuses a `by` that names no current member, before anything changes', async () => {
    const mock = createBillingMock({
      scenario: { planId: 'basic', seats: 8, members: { admin: 1, member: 2 } },
    });
    const before = mock.members.list();
    expect(() => mock.members.add({ role: 'member', by: 'mem_404' })).toThrow(
      expect.objectContaining({ status: 422, code: 'unknown_member' }),
    );
    const refused = await control(
      mock,
      `/teams/${mock.teamId}/members/${before[1]!.id}?by=mem_404`,
      {
        method: 'DELETE',
      },
    );
    expect(refused.status).toBe(422);
    expect((await refused.json()).errors).toEqual([
      expect.objectContaining({ pointer: '/by', code: 'unknown_member' }),
    ]);
    const notString = await control(mock, `/teams/${mock.teamId}/members`, {
      method: 'POST',
      body: JSON.stringify({ role: 'member', by: 7 }),
    });
    expect(notString.status).toBe(422);
    expect((await notString.json()).errors[0].pointer).toBe('/by');
    expect(mock.members.list()).toEqual(before);
  });

  it("builds another scenario's team beside the first, on the same clock", async () => {
    const mock = createBillingMock({ scenario: 'basic-monthly', now: '2026-06-20T09:00:00Z' });
    const created = await control(mock, '/teams', {
      method: 'POST',
      body: JSON.stringify({
        scenario: {
          planId: 'basic',
          interval: 'month',
          policy: 'term-credit',
          members: { admin: 1, member: 2 },
          periodStart: '2026-06-01',
        },
        teamId: 'team_initech',
      }),
    });
    expect(created.status).toBe(201);
    const { teamId, members } = await created.json();
    expect(teamId).toBe('team_initech');
    expect(members).toHaveLength(3);
    const subscription = () =>
      mock.handle(
        new Request(`${mock.baseUrl}/teams/team_initech/subscription`, {
          headers: { authorization: 'Bearer role:billing' },
        }),
      );
    expect((await (await subscription()).json()).currentPeriod).toEqual({
      start: '2026-06-01',
      end: '2026-07-01',
    });
    mock.clock.set('2026-07-02');
    expect((await (await subscription()).json()).currentPeriod.start).toBe('2026-07-01');
    const again = await control(mock, '/teams', {
      method: 'POST',
      body: JSON.stringify({ scenario: 'free', teamId: 'team_initech' }),
    });
    expect(again.status).toBe(409);
    expect((await again.json()).code).toBe('team_exists');
    // A named scenario keeps its own team id unless told another: team_acme is taken.
    expect(mock.addTeam('trialing', { teamId: 'team_trial' }).team.state.subscription.status).toBe(
      'trialing',
    );
    expect(() => mock.addTeam('free')).toThrow(expect.objectContaining({ code: 'team_exists' }));
  });

  it('refuses a scenario field its policy would ignore with a 422 on the field', async () => {
    const mock = createBillingMock({ scenario: 'basic-monthly' });
    const newTeam = async (body: unknown) => {
      const response = await control(mock, '/teams', {
        method: 'POST',
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    };
    const seats = await newTeam({
      scenario: { planId: 'basic', policy: 'term-credit', seats: 12 },
      teamId: 'team_b',
    });
    expect(seats.status).toBe(422);
    expect(seats.body.code).toBe('not_applicable_to_policy');
    expect(seats.body.errors).toEqual([
      {
        pointer: '/scenario/seats',
        code: 'not_applicable_to_policy',
        message: expect.stringMatching(/^Scenario field "seats" does not apply to the term-credit/),
      },
    ]);
    // A named scenario is fine as written: the policy asked for is what contradicts it.
    const policy = await newTeam({
      scenario: 'professional-annual-autoflex',
      policy: 'term-credit',
      teamId: 'team_b',
    });
    expect(policy.status).toBe(422);
    expect(policy.body.errors[0]).toMatchObject({
      pointer: '/policy',
      code: 'not_applicable_to_policy',
    });
    const seatOrder = await newTeam({
      scenario: { planId: 'basic', timeline: [{ daysAgo: 1, seatOrder: { seats: 3 } }] },
      teamId: 'team_b',
    });
    expect(seatOrder.body.errors[0].pointer).toBe('/scenario/timeline/0/seatOrder');
    const conflicting = await newTeam({
      scenario: { planId: 'basic', periodStart: '2026-06-01', startedDaysAgo: 3 },
      teamId: 'team_b',
    });
    expect(conflicting.body).toMatchObject({
      status: 422,
      code: 'conflicting_fields',
      errors: [{ pointer: '/scenario/periodStart' }],
    });
    expect(mock.store.team('team_b')).toBeUndefined();
  });

  it('checks a scenario sent over HTTP field by field before building anything', async () => {
    const mock = createBillingMock({ scenario: 'basic-monthly' });
    const newTeam = async (body: string) => {
      const response = await control(mock, '/teams', { method: 'POST', body });
      return { status: response.status, body: await response.json() };
    };
    const invalid = await newTeam(
      JSON.stringify({
        scenario: { planId: 'basic', seats: 'many', periodStart: '2026-02-30', colour: 'red' },
        teamId: 'team b',
      }),
    );
    expect(invalid.status).toBe(422);
    expect(invalid.body.code).toBe('validation_failed');
    expect(invalid.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual([
      '/scenario/colour',
      '/scenario/periodStart',
      '/scenario/seats',
      '/teamId',
    ]);
    const unknown = await newTeam(JSON.stringify({ scenario: 'enterprise-trial' }));
    expect(unknown.body).toMatchObject({
      status: 422,
      code: 'unknown_scenario',
      errors: [{ pointer: '/scenario' }],
    });
    const tooLong = await newTeam(
      JSON.stringify({ scenario: { planId: 'basic', startedDaysAgo: 100_000 }, teamId: 'team_c' }),
    );
    expect(tooLong.body.errors[0]).toMatchObject({ pointer: '/scenario/startedDaysAgo' });
    const engineRefusal = await newTeam(
      JSON.stringify({ scenario: { planId: 'platinum' }, teamId: 'team_c' }),
    );
    expect(engineRefusal.status).toBe(422);
    expect(engineRefusal.body.errors[0].pointer).toBe('/scenario');
    expect((await newTeam('{}')).body.errors[0].pointer).toBe('/scenario');
    expect((await newTeam('[1]')).body.code).toBe('malformed_request');
    expect([...mock.store.teams.keys()]).toEqual([mock.teamId]);
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

  it('forgets keys once their 24 hours are over, so the store holds only live ones', async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    const contribute = (key: string) =>
      client.call('contributeCredits', {
        body: { amount: { amount: 100, currency: 'USD' } },
        headers: { 'idempotency-key': key },
      });
    await contribute('monday-1');
    await contribute('monday-2');
    expect(client.mock.idempotency.size).toBe(2);
    client.mock.clock.advance({ hours: 23 });
    await contribute('tuesday-1');
    expect(client.mock.idempotency.size).toBe(3);
    client.mock.clock.advance({ hours: 1 });
    await contribute('tuesday-2');
    // Monday's keys are 24 hours old: evicted, not just ignored.
    expect(client.mock.idempotency.size).toBe(2);
  });

  it('keeps no answer given before the operation began: a stale If-Match is retried under the same key', async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    const stale = await client.ifMatch();
    client.mock.members.remove(client.mock.members.list().at(-1)!.id); // the version moves on
    const change = { planId: 'professional', timing: 'immediately' };
    const apply = (ifMatch: string) =>
      client.call('applySubscriptionChange', {
        body: change,
        headers: { 'idempotency-key': 'upgrade-click', 'if-match': ifMatch },
      });
    const conflict = await apply(stale);
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('version_conflict');
    const fresh = await client.ifMatch();
    expect(fresh).not.toBe(stale);
    const applied = await apply(fresh);
    expect(applied.status).toBe(200);
    expect(applied.headers.get('idempotent-replayed')).toBeNull();
    expect(applied.body.subscription.planId).toBe('professional');
    // From now on the key is the applied change's: a retry (even with the old version) replays it.
    const retry = await apply(stale);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(client.mock.idempotency.size).toBe(1);
  });

  it('keeps no answer to an invalid request, and keeps what the operation itself refused', async () => {
    const client = contractClient({ scenario: 'past-due-grace' });
    const [open] = await invoices(client, 'open');
    const pay = (body: unknown) =>
      client.call('payInvoice', {
        path: { invoiceId: open!.id },
        body,
        headers: { 'idempotency-key': 'pay-overdue' },
      });
    expect((await pay({ paymentMethodId: 42 })).status).toBe(422);
    expect(client.mock.idempotency.size).toBe(0);
    // The card declines: the charge was attempted, so its 402 is the key's answer (as Stripe
    // keeps errors of an endpoint that began executing); paying again is a new intent.
    const declined = await pay({});
    expect(declined.status).toBe(402);
    client.mock.declineCharges(false);
    const replay = await pay({});
    expect(replay.status).toBe(402);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const invoice = client.mock.team.state.invoices.find(({ id }) => id === open!.id);
    expect(invoice?.status).toBe('open');
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
