import type { BillingMock } from '@billkit/mocks';
import { type SetupWorker, setupWorker } from 'msw/browser';

/** Where the in-page mock serves the billing API (same origin: nothing leaves the page). */
export const mockApiPath = '/api/v1';

/** The mock's base URL for this page: absolute, so MSW matches requests to it exactly. */
export function mockBaseUrl(): string {
  return new URL(mockApiPath, location.origin).href;
}

/** Serves a mock's handlers in place of the previous mock's (one worker per page). */
export type ServeMock = (mock: BillingMock) => void;

/**
 * Starts MSW's service worker (served from this origin as a file, so it registers under a
 * `script-src 'self'` policy) and returns a `ServeMock` that swaps the handlers it answers with.
 */
export async function startMockWorker(): Promise<{ worker: SetupWorker; serve: ServeMock }> {
  const worker = setupWorker();
  await worker.start({
    quiet: true,
    onUnhandledRequest: 'bypass',
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
  return { worker, serve: (mock) => worker.resetHandlers(...mock.handlers) };
}
