/// <reference types="node" />
/**
 * A plain Node HTTP server around the mock's fetch handler. A separate entry
 * (`@billkit/mocks/node`) so browser bundles never see `node:http`.
 *
 * What only a server sees is refused here, before the handler runs, as problem+json: methods
 * the API does not use (405), a missing or malformed `Host` (400), `.` and `..` path segments
 * (400: URL parsing would resolve them into another route), requests that are not HTTP (400)
 * and bodies over the mock's limit (413, without keeping them). Anything that still goes wrong
 * is a problem+json 500, never plain text.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { bodyTooLarge, maxBodyBytes } from './body.js';
import { type ProblemInit, problemDocument, problemResponse } from './problem.js';

export interface NodeServerOptions {
  /** answer CORS preflights and allow any origin (for a browser app on another port) */
  cors?: boolean;
}

/** The methods the API and its control endpoints use; anything else is 405. */
const servedMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

const corsHeaders = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, idempotency-key, if-match',
  // Browsers hide response headers from scripts unless listed; the SDK reads these.
  'access-control-expose-headers':
    'x-request-id, idempotent-replayed, etag, retry-after, content-disposition',
};

/** A request refused before the handler runs. */
class Refusal {
  constructor(
    readonly response: Response,
    /** the body was not read to its end: close the connection after the answer */
    readonly bodyLeftUnread = false,
  ) {}
}

const methodNotAllowed: [number, string, ProblemInit] = [
  405,
  'method_not_allowed',
  {
    detail: `The API answers ${servedMethods.join(', ')}`,
    headers: { allow: servedMethods.join(', ') },
  },
];

const badRequest = (detail: string) => new Refusal(problemResponse(400, 'bad_request', { detail }));

/** `host[:port]`: a registered name or IPv4 address, or an IPv6 literal in brackets. */
const hostHeader = /^(?:\[[0-9a-f:.]+\]|[a-z0-9\-._~%!$&'()*+,;=]+)(?::\d{1,5})?$/i;

function originOf(incoming: IncomingMessage): string {
  const host = incoming.headers.host;
  if (host === undefined) throw badRequest('The Host header is required');
  if (hostHeader.test(host)) {
    try {
      return new URL(`http://${host}`).origin;
    } catch {
      // not a host after all (e.g. a bad IPv6 literal): refused below
    }
  }
  throw badRequest('The Host header is not a valid host');
}

/** A dot segment, also percent-encoded (`%2e`): URL parsing resolves both away. */
const dotSegment = /^(?:\.|%2e){1,2}$/i;
const absoluteForm = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/**
 * The request target's path and query. Refused when URL parsing would move it to another
 * route (`.` and `..` segments, plain or percent-encoded) or when it is not a path at all.
 */
function pathOf(incoming: IncomingMessage): string {
  const target = incoming.url ?? '/';
  // The absolute form (`GET http://host/path`) is valid HTTP; only its path is routed.
  const path = absoluteForm.test(target) ? target.replace(absoluteForm, '') || '/' : target;
  if (!path.startsWith('/')) throw badRequest('The request target is not a path');
  const segments = (path.split(/[?#]/)[0] ?? '').split('/');
  if (segments.some((segment) => dotSegment.test(segment))) {
    throw badRequest('Paths may not contain "." or ".." segments');
  }
  return path;
}

/**
 * The body, refused (413) as soon as its declared or actual size passes `maxBodyBytes`. Read
 * with events, not `for await`: leaving that loop early would destroy the socket, and the 413
 * with it.
 */
function readBody(incoming: IncomingMessage): Promise<Buffer<ArrayBuffer>> {
  const tooLarge = () => new Refusal(bodyTooLarge().toResponse(), true);
  if (Number(incoming.headers['content-length'] ?? 0) > maxBodyBytes) {
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      if (size > maxBodyBytes) return; // refused already: the rest is dropped as it arrives
      size += chunk.byteLength;
      if (size > maxBodyBytes) reject(tooLarge());
      else chunks.push(chunk);
    });
    incoming.on('end', () => resolve(Buffer.concat(chunks)));
    incoming.on('error', reject);
  });
}

async function toRequest(incoming: IncomingMessage): Promise<Request> {
  const method = incoming.method ?? 'GET';
  if (!servedMethods.includes(method)) throw new Refusal(problemResponse(...methodNotAllowed));
  const url = new URL(pathOf(incoming), originOf(incoming));
  const body = await readBody(incoming);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = method !== 'GET' && method !== 'HEAD' && body.byteLength > 0;
  return new Request(url, { method, headers, ...(hasBody ? { body } : {}) });
}

async function send(
  response: Response,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  cors: boolean,
  bodyLeftUnread = false,
): Promise<void> {
  // A dropped connection (injected fault): close the socket without an answer.
  if (response.type === 'error') {
    outgoing.socket?.destroy();
    return;
  }
  const headers: Record<string, string> = { ...(cors ? corsHeaders : {}) };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (bodyLeftUnread) {
    // Discard the rest of the upload (nothing is kept) and end the connection after the
    // answer: the client learns at once, and no byte of the body is read as a next request.
    headers.connection = 'close';
    incoming.resume();
  }
  const body = Buffer.from(await response.arrayBuffer());
  outgoing.writeHead(response.status, { ...headers, 'content-length': String(body.byteLength) });
  outgoing.end(body);
}

/** A problem answer written straight to a socket that has no parsed request to answer. */
function answerSocket(socket: Socket, [status, code, init]: [number, string, ProblemInit]): void {
  const document = problemDocument(status, code, init);
  const body = JSON.stringify(document);
  const head = [
    `HTTP/1.1 ${status} ${document.title}`,
    'content-type: application/problem+json',
    `content-length: ${Buffer.byteLength(body)}`,
    ...Object.entries(init.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
    'connection: close',
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}

/** A Node server that serves `handle` (e.g. `mock.handle`). Call `listen` yourself. */
export function createNodeServer(
  handle: (request: Request) => Promise<Response>,
  options: NodeServerOptions = {},
): Server {
  const cors = options.cors ?? false;
  // A missing Host is refused as problem+json below rather than by Node as an empty 400.
  const server = createServer({ requireHostHeader: false }, (incoming, outgoing) => {
    if (cors && incoming.method === 'OPTIONS') {
      outgoing.writeHead(204, corsHeaders).end();
      return;
    }
    toRequest(incoming)
      .then(handle)
      .then((response) => send(response, incoming, outgoing, cors))
      .catch(async (error: unknown) => {
        if (error instanceof Refusal) {
          await send(error.response, incoming, outgoing, cors, error.bodyLeftUnread);
          return;
        }
        console.error('@billkit/mocks/node:', error);
        // Half an answer cannot be turned into a problem: end it where it is.
        if (outgoing.headersSent) {
          outgoing.destroy();
          return;
        }
        const failed = problemResponse(500, 'internal_error', { detail: String(error) });
        await send(failed, incoming, outgoing, cors);
      })
      .catch((error: unknown) => {
        console.error('@billkit/mocks/node: could not answer', error);
        outgoing.destroy();
      });
  });
  // Requests Node cannot parse (an unknown method such as FOO, a broken request line) and
  // CONNECT never reach the handler above; they are answered here, as problem+json too.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    answerSocket(
      socket,
      error.code === 'HPE_INVALID_METHOD'
        ? methodNotAllowed
        : [400, 'bad_request', { detail: 'The request is not valid HTTP/1.1' }],
    );
  });
  server.on('connect', (_request: IncomingMessage, socket: Socket) => {
    answerSocket(socket, methodNotAllowed);
  });
  return server;
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
