/** Your token endpoint refused (401: signed out, 403: not a member of the team). */
export class TokenUnavailableError extends Error {
  override readonly name = 'TokenUnavailableError';
  constructor(readonly status: number) {
    super(status === 401 ? 'Signed out: sign in again' : `No billing token (HTTP ${status})`);
  }
}

export interface TokenProviderOptions {
  teamId: string;
  /** Your backend's token endpoint, on the page's own origin so its session cookie goes along. */
  url?: string;
  /** Fetch a new token this long before the current one expires. Default 30 s. */
  refreshBeforeMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

/**
 * The `getToken` callback for `createBillingClient` or `bk-billing-provider`. The SDK calls it
 * before every request, so it hands out the cached token until shortly before it expires, and
 * asks your backend once for every caller waiting at the same time. After a 401 the SDK calls
 * it with `{ forceRefresh: true }` and repeats the request once with what it returns.
 */
export function createTokenProvider({
  teamId,
  url = '/billing/token',
  refreshBeforeMs = 30_000,
  fetch: send = (input, init) => fetch(input, init),
  now = Date.now,
}: TokenProviderOptions) {
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<{ token: string; expiresAt: number }> | undefined;

  async function requestToken() {
    const response = await send(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ teamId }),
    });
    if (!response.ok) throw new TokenUnavailableError(response.status);
    const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: string };
    return { token, expiresAt: Date.parse(expiresAt) };
  }

  return async function getToken({ forceRefresh = false } = {}): Promise<string> {
    const fresh = cached && now() < cached.expiresAt - refreshBeforeMs;
    if (fresh && !forceRefresh) return cached!.token;
    cached = undefined;
    pending ??= requestToken().finally(() => {
      pending = undefined;
    });
    cached = await pending;
    return cached.token;
  };
}
