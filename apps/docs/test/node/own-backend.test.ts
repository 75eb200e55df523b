/**
 * The own-backend guide's CI step (examples/own-backend/contract-check.sh) runs the
 * `billkit-contract` command that @billkit/mocks installs, against a server over real HTTP:
 * it passes against the mock and fails the job, with the report, against a broken server.
 * (examples/own-backend/contract.test.ts, the in-process form, runs as a test of its own.)
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createBillingMock } from '@billkit/mocks';
import { createNodeServer, listen } from '@billkit/mocks/node';
import { afterEach, expect, test } from 'vitest';

const docs = fileURLToPath(new URL('../..', import.meta.url));
const script = 'examples/own-backend/contract-check.sh';
let server: Server | undefined;
afterEach(() => new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined))));

/** The mock on a free port; `rewrite` makes it a backend that gets something wrong. */
async function backend(rewrite: (response: Response) => Response = (response) => response) {
  let mock: ReturnType<typeof createBillingMock> | undefined;
  server = createNodeServer(async (request) => rewrite(await mock!.handle(request)));
  const origin = await listen(server, 0);
  mock = createBillingMock({ scenario: 'basic-monthly', baseUrl: `${origin}/v1` });
  return { BILLING_API_URL: mock.baseUrl, BILLING_TEAM_ID: mock.teamId };
}

/** What `pnpm exec sh contract-check.sh` does: the package's bins first on PATH. */
function runScript(env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      'sh',
      [script],
      {
        cwd: docs,
        env: {
          PATH: `${docs}node_modules/.bin:${process.env.PATH}`,
          BILLKIT_CONTRACT_TOKEN: 'role:admin',
          BILLKIT_CONTRACT_MEMBER_TOKEN: 'role:member',
          ...env,
        },
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

test('the CI step passes against a backend that keeps the contract', async () => {
  const result = await runScript(await backend());
  expect(result.stderr).toBe('');
  expect(result.stdout).toContain('✓ roles: billing-only reads are 403 for a member');
  expect(result.stdout).toContain(
    '✓ applySubscriptionChange: If-Match, expectedAmountDue and idempotency-key replay',
  );
  expect(result.stdout).toMatch(/\d+ passed, 0 failed/);
  expect(result.code).toBe(0);
});

test('the CI step fails with the report when the backend answers an error as plain JSON', async () => {
  const env = await backend((response) => {
    if (response.headers.get('content-type') !== 'application/problem+json') return response;
    const headers = new Headers(response.headers);
    headers.set('content-type', 'application/json');
    return new Response(response.body, { status: response.status, headers });
  });
  const result = await runScript(env);
  expect(result.code).toBe(1);
  expect(result.stdout).toContain(
    `GET /v1/teams/${env.BILLING_TEAM_ID}/plans → 401: content type "application/json" is not declared for 401 (application/problem+json)`,
  );
  expect(result.stdout).toMatch(/\d+ passed, [1-9]\d* failed/);
});

test('the workflow runs that script with the variables it reads', () => {
  const workflow = readFileSync(`${docs}examples/own-backend/billing-contract.yml`, 'utf8');
  const scriptText = readFileSync(`${docs}${script}`, 'utf8');
  expect(workflow).toContain('run: npm exec -- sh scripts/contract-check.sh');
  const read = [...scriptText.matchAll(/"\$(\w+)"/g)].map((match) => match[1]);
  const documented = [...scriptText.matchAll(/^#\s+([A-Z]+_[A-Z_]+)\s/gm)].map((match) => match[1]);
  const set = [...workflow.matchAll(/^\s+([A-Z_]+):/gm)].map((match) => match[1]);
  expect(read).toEqual(['BILLING_API_URL', 'BILLING_TEAM_ID']);
  expect(set.sort()).toEqual(documented.sort());
});
