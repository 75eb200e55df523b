import { HttpResponse, http, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { vi } from 'vitest';
import { type BillingClientConfig, createBillingClient, type Problem } from '../src/index.js';

export const baseUrl = 'https://api.billkit.example/v1';
export const teamId = 'team_42';
export const server = setupServer();

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

type Method = 'get' | 'post' | 'put' | 'delete';

/**
 * Answers `method /teams/team_42<path>` with `responses` in turn (the last one for every further
 * request) and records what each request carried.
 */
export function route(
  method: Method,
  path: string,
  ...responses: (() => Response | Promise<Response>)[]
): RecordedRequest[] {
  const recorded: RecordedRequest[] = [];
  server.use(
    http[method](`${baseUrl}/teams/${teamId}${path}`, async ({ request }) => {
      const text = await request.text();
      recorded.push({
        method: request.method,
        url: new URL(request.url),
        headers: request.headers,
        body: text === '' ? undefined : JSON.parse(text),
      });
      const respond = responses[Math.min(recorded.length, responses.length) - 1];
      if (!respond) throw new Error(`no response for ${method} ${path}`);
      return respond();
    }),
  );
  return recorded;
}

export const json =
  (body: JsonBodyType, status = 200) =>
  () =>
    HttpResponse.json(body, { status });

/** A problem+json answer; members beyond `Problem`'s are RFC 9457 extensions (e.g. `quote`). */
export function problemResponse(
  problem: Partial<Problem> & Pick<Problem, 'status' | 'code'> & { [member: string]: JsonBodyType },
  headers: Record<string, string> = {},
) {
  return () =>
    HttpResponse.json(
      { type: 'about:blank', title: 'Problem', ...problem },
      {
        status: problem.status,
        headers: { 'content-type': 'application/problem+json', ...headers },
      },
    );
}

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A client for the test server, whose token is `token` and, once refreshed, `fresh-token`. */
export function createTestClient(config: Partial<BillingClientConfig> = {}) {
  const getToken = vi.fn(async (options?: { forceRefresh?: boolean }) =>
    options?.forceRefresh ? 'fresh-token' : 'token',
  );
  const client = createBillingClient({
    baseUrl,
    teamId,
    getToken,
    retry: { baseDelayMs: 1, maxDelayMs: 5_000 },
    ...config,
  });
  return { client, getToken };
}
