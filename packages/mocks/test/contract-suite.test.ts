/**
 * The published contract suite (`@billkit/mocks/contract`) over real HTTP: it passes against
 * the mock's Node server, and it names what is wrong when a server breaks the contract.
 */
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { formatContractReport, runContractCli, runContractSuite } from '../src/contract/index.js';
import { type BillingMockOptions, createBillingMock } from '../src/index.js';
import { createNodeServer, listen } from '../src/node.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
  );
});

/**
 * The mock served over HTTP on a free port; `rewrite` stands for a backend that gets
 * something wrong (it sees each request and the mock's answer, and returns what is sent).
 */
async function serve(
  options: BillingMockOptions = {},
  rewrite: (request: Request, response: Response) => Promise<Response> | Response = (_, r) => r,
) {
  let mock: ReturnType<typeof createBillingMock> | undefined;
  const server = createNodeServer(async (request) => rewrite(request, await mock!.handle(request)));
  servers.push(server);
  const origin = await listen(server, 0);
  mock = createBillingMock({ ...options, baseUrl: `${origin}/v1` });
  return { baseUrl: `${origin}/v1`, teamId: mock.teamId, mock };
}

describe('runContractSuite', () => {
  it('passes against the mock, mutations included, calling every operation of the spec', async () => {
    const { baseUrl, teamId } = await serve({ scenario: 'basic-monthly' });
    // A quote to read back (the read-only checks run before the suite makes its own).
    const quote = await fetch(`${baseUrl}/teams/${teamId}/quotes`, {
      method: 'POST',
      headers: { authorization: 'Bearer role:admin', 'content-type': 'application/json' },
      body: JSON.stringify({ change: { planId: 'professional', timing: 'at_renewal' } }),
    });
    expect(quote.status).toBe(201);
    const report = await runContractSuite({
      baseUrl,
      teamId,
      token: 'role:admin',
      memberToken: 'role:member',
      mutations: true,
    });
    expect(formatContractReport(report)).not.toContain('✗');
    expect(report.ok).toBe(true);
    expect(report.checks.filter((check) => check.outcome === 'skipped')).toEqual([]);
    expect(report.operations.filter((operation) => operation.statuses.length === 0)).toEqual([]);
    // Every operation answered at least 401 and 404; the reads answered 2xx.
    const getSubscription = report.operations.find((o) => o.operationId === 'getSubscription');
    expect(getSubscription?.statuses).toEqual(expect.arrayContaining([200, 401, 404]));
  });

  it('skips the mutating checks unless asked, and they change nothing', async () => {
    const { baseUrl, teamId } = await serve({ scenario: 'professional-annual-autoflex' });
    const before = await fetch(`${baseUrl}/teams/${teamId}/subscription`, {
      headers: { authorization: 'Bearer role:admin' },
    });
    const report = await runContractSuite({ baseUrl, teamId, token: 'role:admin' });
    expect(report.ok).toBe(true);
    const skipped = report.checks.filter((check) => check.outcome === 'skipped');
    expect(skipped.map((check) => check.reason)).toContain(
      'changes data: run with mutations (--mutations) against a test team',
    );
    expect(skipped.some((check) => check.name.startsWith('applySubscriptionChange'))).toBe(true);
    const after = await fetch(`${baseUrl}/teams/${teamId}/subscription`, {
      headers: { authorization: 'Bearer role:admin' },
    });
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
  });

  it('reports a response body that breaks its schema, naming the request and the field', async () => {
    const { baseUrl, teamId } = await serve({}, async (request, response) => {
      if (request.method !== 'GET' || !new URL(request.url).pathname.endsWith('/subscription'))
        return response;
      const { version: _dropped, ...rest } = await response.json();
      return Response.json(rest, { status: response.status, headers: response.headers });
    });
    const report = await runContractSuite({ baseUrl, teamId, token: 'role:admin' });
    expect(report.ok).toBe(false);
    const failed = report.checks.find((check) => check.name.startsWith('getSubscription'));
    expect(failed?.outcome).toBe('failed');
    expect(failed?.failures).toContain(
      `GET /v1/teams/${teamId}/subscription → 200: / must have required property 'version' {"missingProperty":"version"}`,
    );
    expect(formatContractReport(report)).toMatch(/✗ getSubscription: ETag is the quoted version/);
  });

  it('reports an error answered as plain JSON instead of problem+json', async () => {
    const { baseUrl, teamId } = await serve({}, async (_request, response) => {
      if (response.status !== 404) return response;
      const headers = new Headers(response.headers);
      headers.set('content-type', 'application/json');
      return new Response(await response.text(), { status: 404, headers });
    });
    const report = await runContractSuite({ baseUrl, teamId, token: 'role:admin' });
    expect(report.ok).toBe(false);
    const failures = report.checks.flatMap((check) => check.failures);
    expect(failures).toContain(
      `GET /v1/teams/team_contract_suite_unknown/plans → 404: content type "application/json" is not declared for 404 (application/problem+json)`,
    );
    // Everything else still passes: only the checks that met a 404 failed.
    expect(report.checks.find((check) => check.name === 'listPlans: the plans')?.outcome).toBe(
      'passed',
    );
  });

  it('reports an idempotency key that is not replayed', async () => {
    const { baseUrl, teamId } = await serve({}, (request, response) => {
      if (!request.headers.has('idempotency-key')) return response;
      // A backend that ignores Idempotency-Key: the mock never sees the key.
      const headers = new Headers(response.headers);
      headers.delete('idempotent-replayed');
      return new Response(response.body, { status: response.status, headers });
    });
    const report = await runContractSuite({
      baseUrl,
      teamId,
      token: 'role:admin',
      mutations: true,
      only: ['applySubscriptionChange'],
    });
    expect(report.checks).toHaveLength(1);
    expect(report.checks[0]?.failures).toContain(
      'applySubscriptionChange: a replayed key is not marked Idempotent-Replayed: true',
    );
  });

  it('sends a request again once when the connection closes before any answer', async () => {
    const { baseUrl, teamId, mock } = await serve();
    // The server drops the connection unanswered, as when its keep-alive timeout races a request.
    mock.faults.add({ kind: 'network_error', operationId: 'listPlans', onRequests: [1] });
    const once = await runContractSuite({
      baseUrl,
      teamId,
      token: 'role:admin',
      only: ['listPlans'],
    });
    expect(once.checks[0]).toMatchObject({ outcome: 'passed', failures: [] });
    mock.faults.clear();
    mock.faults.add({ kind: 'network_error', operationId: 'listPlans', onRequests: [1, 2] });
    const twice = await runContractSuite({
      baseUrl,
      teamId,
      token: 'role:admin',
      only: ['listPlans'],
    });
    expect(twice.checks[0]?.failures).toEqual([
      `GET /v1/teams/${teamId}/plans: fetch failed (other side closed)`,
    ]);
  });

  it('reports a server that does not answer', async () => {
    // A port that was free a moment ago: nothing listens there now.
    const closed = createNodeServer(async () => new Response(null));
    const origin = await listen(closed, 0);
    await new Promise((resolve) => closed.close(resolve));
    const report = await runContractSuite({
      baseUrl: `${origin}/v1`,
      teamId: 'team_acme',
      token: 'role:admin',
      only: ['listPlans'],
    });
    expect(report.ok).toBe(false);
    expect(report.checks[0]?.failures[0]).toMatch(
      /^GET \/v1\/teams\/team_acme\/plans: fetch failed \(connect ECONNREFUSED/,
    );
  });
});

describe('billkit-contract', () => {
  const run = async (argv: string[], env: Record<string, string> = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runContractCli(
      argv,
      { stdout: (text) => out.push(text), stderr: (text) => err.push(text) },
      env,
    );
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  };

  it('exits 0 and prints the checks against the mock, the token from the environment', async () => {
    const { baseUrl, teamId } = await serve();
    const result = await run(['--base-url', baseUrl, '--team', teamId], {
      BILLKIT_CONTRACT_TOKEN: 'role:billing',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('✓ listPlans: the plans');
    expect(result.stdout).toMatch(/\d+ passed, 0 failed, \d+ skipped/);
    expect(result.code).toBe(0);
  });

  it('exits 1 with the failure when the server breaks the contract', async () => {
    const { baseUrl, teamId } = await serve({}, (_request, response) =>
      response.status === 401 ? new Response('nope', { status: 401 }) : response,
    );
    const result = await run(['--base-url', baseUrl, '--team', teamId, '--token', 'role:admin']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '✗ every operation: 401 without a token, 404 for an unknown team',
    );
    expect(result.stdout).toContain(
      `GET /v1/teams/${teamId}/plans → 401: content type "text/plain" is not declared for 401 (application/problem+json)`,
    );
  });

  it('exits 2 with the usage when an option is missing', async () => {
    const result = await run(['--base-url', 'http://127.0.0.1:1/v1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Missing --team, --token (or BILLKIT_CONTRACT_TOKEN)');
  });
});
