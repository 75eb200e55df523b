/// <reference types="node" />
/**
 * A plain Node HTTP server around the mock's fetch handler. A separate entry
 * (`@billkit/mocks/node`) so browser bundles never see `node:http`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface NodeServerOptions {
  /** answer CORS preflights and allow any origin (for a browser app on another port) */
  cors?: boolean;
}

const corsHeaders = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, idempotency-key, if-match',
  'access-control-expose-headers': 'etag, retry-after, idempotent-replayed, content-disposition',
};

async function toRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = incoming.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD' && chunks.length > 0;
  return new Request(new URL(incoming.url ?? '/', origin), {
    method,
    headers,
    ...(hasBody ? { body: Buffer.concat(chunks) } : {}),
  });
}

async function send(response: Response, outgoing: ServerResponse, cors: boolean): Promise<void> {
  // A dropped connection (injected fault): close the socket without an answer.
  if (response.type === 'error') {
    outgoing.socket?.destroy();
    return;
  }
  const headers: Record<string, string> = { ...(cors ? corsHeaders : {}) };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  outgoing.writeHead(response.status, headers);
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

/** A Node server that serves `handle` (e.g. `mock.handle`). Call `listen` yourself. */
export function createNodeServer(
  handle: (request: Request) => Promise<Response>,
  options: NodeServerOptions = {},
): Server {
  const cors = options.cors ?? false;
  return createServer((incoming, outgoing) => {
    const origin = `http://${incoming.headers.host ?? 'localhost'}`;
    if (cors && incoming.method === 'OPTIONS') {
      outgoing.writeHead(204, corsHeaders).end();
      return;
    }
    toRequest(incoming, origin)
      .then(handle)
      .then((response) => send(response, outgoing, cors))
      .catch((error: unknown) => {
        console.error('@billkit/mocks/node:', error);
        if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'text/plain' });
        outgoing.end('mock server error');
      });
  });
}

/** Starts the server on `port` (0 = any free one) and resolves with its origin, e.g. `http://127.0.0.1:4010`. */
export function listen(server: Server, port: number, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      resolve(`http://${host}:${address.port}`);
    });
  });
}
