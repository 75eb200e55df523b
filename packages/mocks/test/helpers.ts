import type { Invoice } from '@billkit/sdk';
import {
  type CallOptions,
  ContractSession,
  type CallResult as SessionCallResult,
} from '../src/contract/session.js';
import { type BillingMock, type BillingMockOptions, createBillingMock } from '../src/index.js';

export type { CallOptions };

/** A call's answer, with what does not match the spec as `problems`. */
export type CallResult = SessionCallResult & { problems: string[] };

/**
 * Calls operations by operationId through the mock's fetch handler, with the contract suite's
 * session (`src/contract/session.ts`): every response is checked against the spec (status
 * declared, content type, body schema, required headers) and every call is recorded for
 * coverage checks. The token defaults to `role:admin`.
 */
export class ContractClient {
  readonly calls: CallResult[] = [];
  readonly #session: ContractSession;

  constructor(readonly mock: BillingMock) {
    this.#session = new ContractSession(mock.validator, {
      baseUrl: mock.baseUrl,
      teamId: mock.teamId,
      token: 'role:admin',
      fetch: (url, init) => mock.handle(new Request(url, init)),
      timeoutMs: 60_000,
    });
  }

  async call(operationId: string, options: CallOptions = {}): Promise<CallResult> {
    const result = await this.#session.call(operationId, options);
    const call = { ...result, problems: result.mismatches };
    this.calls.push(call);
    return call;
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
