/**
 * The Node server over real HTTP on 127.0.0.1: what only a server sees (methods, the Host
 * header, the raw request target, upload sizes) is answered as problem+json, never plain text.
 * Raw requests go through a socket, since fetch would fix what these tests send wrong.
 */
import { connect } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { maxBodyBytes } from '../src/body.js';
import { createBillingMock } from '../src/index.js';
import { createNodeServer, listen } from '../src/node.js';

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends `request` as is and reads the answer until the server closes or it is complete. */
function rawHttp(origin: string, request: string | Buffer): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const finish = () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(
        headerLines.map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
        }),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    };
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      // Complete once the declared body is in (the server may keep the connection open).
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const length = /content-length:\s*(\d+)/i.exec(text.slice(0, split))?.[1];
      if (
        split >= 0 &&
        length !== undefined &&
        Buffer.byteLength(text) - split - 4 >= Number(length)
      ) {
        socket.destroy();
        finish();
      }
    });
    socket.on('end', finish);
    socket.on('error', reject);
    socket.write(request);
  });
}

function problemOf(response: RawResponse) {
  expect(response.headers['content-type']).toBe('application/problem+json');
  return JSON.parse(response.body) as { status: number; code: string; detail?: string };
}

describe('Node server', () => {
  let close: (() => void) | undefined;
  afterEach(() => close?.());

  async function start(handle?: (request: Request) => Promise<Response>) {
    const mock = createBillingMock({ scenario: 'basic-monthly', baseUrl: 'http://127.0.0.1/v1' });
    const server = createNodeServer(handle ?? mock.handle, { cors: true });
    const origin = await listen(server, 0);
    close = () => server.close();
    const host = new URL(origin).host;
    return { mock, origin, host, team: `/v1/teams/${mock.teamId}` };
  }

  it('answers methods the API does not use with 405 problem+json and Allow', async () => {
    const { origin, host, team } = await start();
    for (const method of ['TRACE', 'PROPFIND', 'FOO']) {
      const response = await rawHttp(
        origin,
        `${method} ${team}/plans HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer role:admin\r\n\r\n`,
      );
      expect(response.status, method).toBe(405);
      expect(response.headers.allow).toContain('GET');
      expect(problemOf(response).code).toBe('method_not_allowed');
    }
    const tunnel = await rawHttp(origin, `CONNECT ${host} HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
    expect(tunnel.status).toBe(405);
    expect(problemOf(tunnel).code).toBe('method_not_allowed');
  });

  it('answers a malformed or missing Host with 400 problem+json', async () => {
    const { origin, team } = await start();
    for (const host of ['exa mple.com', '[::1', 'user@example.com', 'example.com/x', '']) {
      const response = await rawHttp(
        origin,
        `GET ${team}/plans HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer role:admin\r\n\r\n`,
      );
      expect(response.status, host).toBe(400);
      expect(problemOf(response).code).toBe('bad_request');
    }
    const missing = await rawHttp(origin, `GET ${team}/plans HTTP/1.1\r\n\r\n`);
    expect(missing.status).toBe(400);
    expect(problemOf(missing).code).toBe('bad_request');
  });

  it('refuses "." and ".." segments, plain or encoded, instead of routing them elsewhere', async () => {
    const { origin, host, team, mock } = await start();
    // Resolved, these would reach the control endpoint that dumps the engine state.
    for (const dots of ['../../..', '%2e%2e/%2E%2E/.%2e', './../../..']) {
      const response = await rawHttp(
        origin,
        `GET ${team}/invoices/${dots}/__mock/teams/${mock.teamId}/state HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer role:admin\r\n\r\n`,
      );
      expect(response.status, dots).toBe(400);
      expect(problemOf(response).code).toBe('bad_request');
    }
    // Dots inside a segment are ordinary characters.
    const dotted = await rawHttp(
      origin,
      `GET ${team}/invoices/..inv HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer role:admin\r\n\r\n`,
    );
    expect(problemOf(dotted).code).toBe('invoice_not_found');
  });

  it('refuses a body over 64 KiB with 413 problem+json and keeps serving', async () => {
    const { origin, host, team } = await start();
    const body = JSON.stringify({ seats: 3, timing: 'immediately', pad: 'x'.repeat(maxBodyBytes) });
    const response = await rawHttp(
      origin,
      `POST ${team}/subscription/preview HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer role:admin\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    expect(response.status).toBe(413);
    expect(response.headers.connection).toBe('close');
    expect(problemOf(response).code).toBe('body_too_large');
    // Chunked, the size shows only while reading: refused all the same.
    const chunk = 'x'.repeat(16_384);
    const chunked = await rawHttp(
      origin,
      `POST ${team}/subscription/preview HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer role:admin\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${`${chunk.length.toString(16)}\r\n${chunk}\r\n`.repeat(5)}0\r\n\r\n`,
    );
    expect(chunked.status).toBe(413);
    const after = await fetch(`${origin}${team}/plans`, {
      headers: { authorization: 'Bearer role:admin' },
    });
    expect(after.status).toBe(200);
  });

  it('exposes X-Request-Id, Idempotent-Replayed, ETag and Retry-After to browsers', async () => {
    const { origin, team } = await start();
    const response = await fetch(`${origin}${team}/subscription`, {
      headers: { authorization: 'Bearer role:admin', origin: 'http://localhost:5173' },
    });
    const exposed = (response.headers.get('access-control-expose-headers') ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase());
    expect(exposed).toEqual(
      expect.arrayContaining(['x-request-id', 'idempotent-replayed', 'etag', 'retry-after']),
    );
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('answers a failing handler with a problem+json 500, never plain text', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { origin } = await start(async () => {
      throw new Error('the handler broke');
    });
    const response = await fetch(`${origin}/v1/anything`);
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.json()).code).toBe('internal_error');
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});
