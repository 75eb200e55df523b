import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type Role = 'admin' | 'billing' | 'member' | 'visitor';

/** What one token allows: one member of one team, until `expiresAt`. */
export interface TokenGrant {
  teamId: string;
  memberId: string;
  role: Role;
  expiresAt: Date;
}

export interface TokenEndpointOptions {
  /** Your session lookup: the signed-in user of this request (its cookie), or undefined. */
  userOf(request: IncomingMessage): string | undefined | Promise<string | undefined>;
  /** Your records: the user's membership of the team, or undefined when they have none. */
  membership(
    userId: string,
    teamId: string,
  ):
    | { memberId: string; role: Role }
    | undefined
    | Promise<{ memberId: string; role: Role } | undefined>;
  /** Turns a grant into the bearer token your billing API accepts. */
  mint(grant: TokenGrant): string | Promise<string>;
  /** How long a token lives. Default 5 minutes: a leaked token is worth little for long. */
  ttlSeconds?: number;
}

/**
 * The billing mock reads a token as `member:<memberId>` (or `role:<role>`) and verifies
 * nothing: no signature, no expiry. So against the mock, this is the whole of minting.
 * Against your own implementation of the contract, mint what it verifies instead (for
 * example a JWT with `sub`, `team`, `role` and `exp`, signed with a key only servers hold).
 */
export const mintForMock = (grant: TokenGrant): string => `member:${grant.memberId}`;

/**
 * `POST /billing/token` with `{ "teamId": "…" }`: a short-lived token for the signed-in user's
 * membership of that team. The browser never holds a secret, only this token; a user who
 * leaves the team gets no new one.
 */
export function createTokenEndpoint(options: TokenEndpointOptions): Server {
  const ttlMs = (options.ttlSeconds ?? 300) * 1000;
  return createServer((request, response) => {
    answer(request, response).catch(() => problem(response, 500, 'internal_error'));
  });

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (new URL(request.url ?? '/', 'http://host').pathname !== '/billing/token')
      return problem(response, 404, 'not_found');
    if (request.method !== 'POST') return problem(response, 405, 'method_not_allowed');
    // JSON only: a cross-site form cannot send it, so another site cannot mint with the cookie.
    if (request.headers['content-type']?.split(';')[0] !== 'application/json')
      return problem(response, 415, 'unsupported_media_type');
    const body = await readJson(request);
    const teamId = typeof body?.teamId === 'string' ? body.teamId : undefined;
    if (!teamId) return problem(response, 422, 'team_required');
    const userId = await options.userOf(request);
    if (!userId) return problem(response, 401, 'unauthorized');
    const member = await options.membership(userId, teamId);
    if (!member) return problem(response, 403, 'not_a_member');
    const expiresAt = new Date(Date.now() + ttlMs);
    const token = await options.mint({ teamId, ...member, expiresAt });
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify({ token, expiresAt: expiresAt.toISOString() }));
  }
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  let text = '';
  for await (const chunk of request) {
    text += chunk;
    if (text.length > 1024) return undefined; // a team id, nothing more
  }
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function problem(response: ServerResponse, status: number, code: string): void {
  response.writeHead(status, {
    'content-type': 'application/problem+json',
    'cache-control': 'no-store',
  });
  response.end(
    JSON.stringify({ type: 'about:blank', title: code.replaceAll('_', ' '), status, code }),
  );
}
