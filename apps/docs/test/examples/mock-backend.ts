/**
 * The guides' examples run against the billing mock served by MSW's service worker, as a host
 * page would against the real API: a fresh team per test at `/api/billing/v1`, and the host's
 * token endpoint (`/session/billing-token`) answering with a token for the viewer's role.
 */
import {
  type BillingMock,
  type BillingMockOptions,
  createBillingMock,
  tokenFor,
} from '@billkit/mocks';
import type { Role } from '@billkit/sdk';
import { HttpResponse, http } from 'msw';
import { setupWorker } from 'msw/browser';
import { onTestFinished } from 'vitest';

const worker = setupWorker();
let started: Promise<unknown> | undefined;
let requests: string[] = [];
worker.events.on('request:start', ({ request }) => {
  const url = new URL(request.url);
  requests.push(
    `${request.method} ${url.pathname.replace(/^\/api\/billing\/v1\/teams\/[^/]+/, '')}`,
  );
});

export interface MockBackend {
  mock: BillingMock;
  /** What the host's getToken gets: the viewer's token from "your backend". */
  getToken: () => Promise<string>;
  /** Billing API requests that reached the mock so far (`POST /subscription/changes`, …). */
  requests: () => string[];
}

export async function startMockBackend(
  options: BillingMockOptions & { viewer?: Role } = {},
): Promise<MockBackend> {
  started ??= worker.start({
    quiet: true,
    onUnhandledRequest: 'bypass',
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
  await started;
  const { viewer = 'admin', ...mockOptions } = options;
  const mock = createBillingMock({ baseUrl: `${location.origin}/api/billing/v1`, ...mockOptions });
  worker.resetHandlers(
    http.get('/session/billing-token', () => HttpResponse.text(tokenFor(viewer))),
    ...mock.handlers,
  );
  requests = [];
  return {
    mock,
    getToken: async () => tokenFor(viewer),
    requests: () => requests.filter((r) => !r.startsWith('GET /session/')),
  };
}

/** The first node matching `selector` in `host`'s shadow root. */
export function inShadow<E extends Element = HTMLElement>(
  host: Element | null,
  selector: string,
): E | null {
  return host?.shadowRoot?.querySelector<E>(selector) ?? null;
}

/** A `bk-billing-provider` on `backend` around `markup` (bk- elements), removed after the test. */
export function mountProvider(
  backend: MockBackend,
  markup: string,
  options: { locale?: string } = {},
): HTMLElementTagNameMap['bk-billing-provider'] {
  const provider = document.createElement('bk-billing-provider');
  provider.baseUrl = backend.mock.baseUrl;
  provider.teamId = backend.mock.teamId;
  provider.getToken = backend.getToken;
  if (options.locale) provider.locale = options.locale;
  provider.innerHTML = markup;
  document.body.append(provider);
  onTestFinished(() => provider.remove());
  return provider;
}
