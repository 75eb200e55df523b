import type { Invoice } from '@billkit/sdk';
import { type BillingMock, type BillingMockOptions, createBillingMock } from '../src/index.js';

export interface CallOptions {
  path?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** sent as is instead of `body` (e.g. malformed JSON) */
  rawBody?: string;
  headers?: Record<string, string>;
  /** bearer token; null sends none (default `role:admin`) */
  token?: string | null;
}

export interface CallResult {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked against the spec, then read freely
  body: any;
  /** what does not match the spec */
  problems: string[];
}

/**
 * Calls operations by operationId through the mock's fetch handler and checks
 * every response against the spec (status declared, content type, body schema,
 * required headers). Every call is recorded for coverage checks.
 */
export class ContractClient {
  readonly calls: { operationId: string; status: number; problems: string[] }[] = [];

  constructor(readonly mock: BillingMock) {}

  async call(operationId: string, options: CallOptions = {}): Promise<CallResult> {
    const entry = this.mock.validator.operation(operationId);
    const path = entry.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(
        options.path?.[name] ?? (name === 'teamId' ? this.mock.teamId : `unknown_${name}`),
      ),
    );
    const url = new URL(`${this.mock.baseUrl}${path}`);
    for (const [name, value] of Object.entries(options.query ?? {}))
      url.searchParams.set(name, value);
    const headers = new Headers(options.headers);
    if (options.token !== null)
      headers.set('authorization', `Bearer ${options.token ?? 'role:admin'}`);
    const method = entry.method.toUpperCase();
    const sendsBody = method !== 'GET' && method !== 'DELETE';
    const body = !sendsBody
      ? undefined
      : (options.rawBody ??
        (options.body === undefined ? undefined : JSON.stringify(options.body)));
    if (body !== undefined && !headers.has('content-type'))
      headers.set('content-type', 'application/json');
    const response = await this.mock.handle(
      new Request(url, { method, headers, ...(body === undefined ? {} : { body }) }),
    );
    const problems = await this.mock.validator.validateResponse(operationId, response.clone());
    const contentType = response.headers.get('content-type') ?? '';
    const parsed = contentType.includes('json')
      ? await response.json()
      : new Uint8Array(await response.arrayBuffer());
    this.calls.push({ operationId, status: response.status, problems });
    return { status: response.status, headers: response.headers, body: parsed, problems };
  }

  /** The subscription's version, quoted, for If-Match. */
  async ifMatch(): Promise<string> {
    const { headers } = await this.call('getSubscription');
    return headers.get('etag') ?? '"?"';
  }
}

export function contractClient(options: BillingMockOptions = {}): ContractClient {
  return new ContractClient(createBillingMock(options));
}

let keyCounter = 0;
export function idempotencyKey(): string {
  keyCounter += 1;
  return `test-key-${keyCounter}`;
}

/** The newest 100 invoices (optionally of one status), as `listInvoices` returns them. */
export async function invoices(client: ContractClient, status?: string) {
  const { body } = await client.call('listInvoices', {
    query: { limit: '100', ...(status ? { status } : {}) },
  });
  return body.data as Invoice[];
}
