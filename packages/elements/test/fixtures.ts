/**
 * Browser test fixtures: the billing mock served by MSW's service worker, a fresh team per test,
 * and a `bk-billing-provider` mounted on it with the viewer's role as its token.
 */
import {
  type BillingMock,
  type BillingMockOptions,
  createBillingMock,
  tokenFor,
} from '@billkit/mocks';
import { type BillingClient, createBillingClient, type Role } from '@billkit/sdk';
import { render, type TemplateResult } from 'lit';
import type { RequestHandler } from 'msw';
import { setupWorker } from 'msw/browser';
import { onTestFinished } from 'vitest';
import type { BkBillingProvider } from '../src/billing-provider/billing-provider.js';
import '../src/billing-provider/billing-provider.js';

const worker = setupWorker();
let started: Promise<unknown> | undefined;
/** Every API request the page sent since the fixture was made: `GET /billing/overview`, … */
let requests: string[] = [];
worker.events.on('request:start', ({ request }) => {
  const url = new URL(request.url);
  const path = url.pathname.replace(/^\/v1\/teams\/[^/]+/, '');
  requests.push(`${request.method} ${path}`);
});

export interface Fixture {
  mock: BillingMock;
  provider: BkBillingProvider;
  /** API requests sent so far (`METHOD /path` under the team). */
  requests: () => string[];
  /** How many requests matched `METHOD /path`. */
  count: (request: string) => number;
  /** Serves these MSW handlers before the mock's, for this test only. */
  use: (...handlers: RequestHandler[]) => void;
  /** An SDK client calling the mock in-process (not counted, not through the page's worker). */
  api: BillingClient;
}

export interface FixtureOptions extends BillingMockOptions {
  role?: Role;
  locale?: string;
  theme?: 'light' | 'dark';
}

/** A fresh mock team and a provider rendering `content`; removed when the test ends. */
export async function mountBilling(
  content: TemplateResult,
  { role = 'admin', locale = 'en', theme, ...mockOptions }: FixtureOptions = {},
): Promise<Fixture> {
  started ??= worker.start({
    quiet: true,
    onUnhandledRequest: 'bypass',
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
  await started;
  const mock = createBillingMock(mockOptions);
  worker.resetHandlers(...mock.handlers);
  requests = [];

  const provider = document.createElement('bk-billing-provider');
  provider.baseUrl = mock.baseUrl;
  provider.teamId = mock.teamId;
  provider.locale = locale;
  if (theme) provider.theme = theme;
  provider.getToken = () => tokenFor(role);
  render(content, provider);
  document.body.append(provider);
  onTestFinished(() => provider.remove());
  return {
    mock,
    provider,
    requests: () => [...requests],
    count: (request) => requests.filter((r) => r === request).length,
    use: (...handlers) => worker.use(...handlers),
    api: createBillingClient({
      baseUrl: mock.baseUrl,
      teamId: mock.teamId,
      getToken: () => tokenFor('admin'),
      fetch: mock.fetch,
    }),
  };
}

/** The first element matching `selector` in `host`'s shadow root. */
export function part<E extends Element = HTMLElement>(host: Element, selector: string): E | null {
  return host.shadowRoot?.querySelector<E>(selector) as E | null;
}

/** The visible text of `host`'s shadow root, whitespace collapsed. */
export function textOf(host: Element): string {
  return (host.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * English words left in what `host` shows or says to assistive technology (its shadow root's
 * text and its `aria-label`, `title`, `placeholder` and `alt` attributes): in a translated
 * locale there must be none. Currency codes such as "US$" are two letters; words are longer.
 */
export function englishLeft(host: Element): string[] {
  const root = host.shadowRoot!;
  const attributes = [
    ...root.querySelectorAll('[aria-label], [title], [placeholder], [alt]'),
  ].flatMap((node) =>
    ['aria-label', 'title', 'placeholder', 'alt'].map((name) => node.getAttribute(name) ?? ''),
  );
  return [root.textContent ?? '', ...attributes].join(' ').match(/[A-Za-z]{3,}/g) ?? [];
}
