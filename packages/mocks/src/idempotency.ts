/**
 * Idempotency keys: the first response of a key is kept and replayed for every
 * retry with the same key (header `Idempotent-Replayed: true`), so a retried
 * charge never charges twice. The same key with another request is refused.
 *
 * Only answers of an operation that began executing are kept (see `app.ts`): a request
 * refused before (auth, validation, a stale `If-Match`) leaves its key unused, so the same
 * intent can be retried under the same key once the client has fixed what was refused.
 */

/** How long a key is kept (test-clock time), per the contract. */
export const keyLifetimeMs = 24 * 3_600_000;

interface StoredResponse {
  fingerprint: string;
  savedAt: number;
  status: number;
  headers: [string, string][];
  body: Uint8Array;
}

export type IdempotencyLookup =
  | { kind: 'new' }
  | { kind: 'replay'; response: Response }
  | { kind: 'reused' };

/** Stable JSON: object keys sorted, so `{a,b}` and `{b,a}` are the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestFingerprint(method: string, path: string, body: unknown): string {
  return `${method} ${path} ${canonicalJson(body ?? null)}`;
}

/** A fresh, unread Response of a kept one (each gets its own copy of the body). */
function copyOf(stored: StoredResponse, headers: HeadersInit): Response {
  return new Response(stored.body.byteLength === 0 ? null : stored.body.slice(), {
    status: stored.status,
    headers,
  });
}

export class IdempotencyStore {
  /**
   * Kept responses, oldest first: a key is (re)inserted when saved and the test clock never
   * runs backwards, so the expired ones are always at the front and eviction stops at the
   * first live one. Memory is bounded by the keys used in the last 24 hours.
   */
  readonly #responses = new Map<string, StoredResponse>();
  readonly #inFlight = new Map<string, Promise<unknown>>();

  /** Keys kept now (expired ones are evicted as the store is used). */
  get size(): number {
    return this.#responses.size;
  }

  /**
   * Runs `work` for a key once the earlier requests with the same key have finished, so
   * concurrent retries (a double click, a client retrying a slow request) run the operation
   * once and the later ones find its response to replay.
   */
  async exclusive<T>(scope: string, work: () => Promise<T>): Promise<T> {
    const earlier = this.#inFlight.get(scope) ?? Promise.resolve();
    const current = earlier.catch(() => undefined).then(work);
    this.#inFlight.set(scope, current);
    try {
      return await current;
    } finally {
      if (this.#inFlight.get(scope) === current) this.#inFlight.delete(scope);
    }
  }

  /** Keys are scoped by team, operation and viewer-independent key value. */
  static scope(teamId: string, operationId: string, key: string): string {
    return `${teamId}\u0000${operationId}\u0000${key}`;
  }

  lookup(scope: string, fingerprint: string, now: Date): IdempotencyLookup {
    this.#evictExpired(now);
    const stored = this.#responses.get(scope);
    if (!stored) return { kind: 'new' };
    if (stored.fingerprint !== fingerprint) return { kind: 'reused' };
    const headers = new Headers(stored.headers);
    headers.set('idempotent-replayed', 'true');
    return { kind: 'replay', response: copyOf(stored, headers) };
  }

  /** Keeps a copy of the response and hands back an unread one. */
  async save(scope: string, fingerprint: string, response: Response, now: Date): Promise<Response> {
    const body = new Uint8Array(await response.arrayBuffer());
    const stored: StoredResponse = {
      fingerprint,
      savedAt: now.getTime(),
      status: response.status,
      headers: [...response.headers.entries()],
      body,
    };
    this.#evictExpired(now);
    // Deleted first so the key moves to the back, keeping the map in order of `savedAt`.
    this.#responses.delete(scope);
    this.#responses.set(scope, stored);
    return copyOf(stored, stored.headers);
  }

  /** Forgets the keys saved 24 hours or more before `now`. */
  #evictExpired(now: Date): void {
    const oldestLive = now.getTime() - keyLifetimeMs;
    for (const [scope, stored] of this.#responses) {
      if (stored.savedAt > oldestLive) return;
      this.#responses.delete(scope);
    }
  }
}
