/**
 * The mock's Node server on a free port of 127.0.0.1, as a host's backend would be reached:
 * over real HTTP. The mock is created once the port is known, so its base URL is the server's.
 */
import type { Server } from 'node:http';
import { type BillingMock, type BillingMockOptions, createBillingMock } from '@billkit/mocks';
import { createNodeServer, listen } from '@billkit/mocks/node';

export interface ServedMock {
  mock: BillingMock;
  baseUrl: string;
  /** requests the server received, as `METHOD /path` */
  requests: string[];
  close(): Promise<void>;
}

export async function serveMock(options: BillingMockOptions = {}): Promise<ServedMock> {
  let mock: BillingMock | undefined;
  const requests: string[] = [];
  const server: Server = createNodeServer(async (request) => {
    const url = new URL(request.url);
    requests.push(`${request.method} ${url.pathname}${url.search}`);
    return mock!.handle(request);
  });
  const origin = await listen(server, 0);
  mock = createBillingMock({ ...options, baseUrl: `${origin}/v1` });
  return {
    mock,
    baseUrl: mock.baseUrl,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
