import type { RequestHandler } from 'msw';
import { type SetupWorker, setupWorker } from 'msw/browser';

/** Where the in-page mock serves the billing API (same origin: nothing leaves the page). */
export const mockApiPath = '/api/v1';

/** The mock's base URL for this page: absolute, so MSW matches requests to it exactly. */
export function mockBaseUrl(): string {
  return new URL(mockApiPath, location.origin).href;
}

/** Serves these handlers in place of the previous ones (one worker per page). */
export type ServeHandlers = (handlers: RequestHandler[]) => void;

/**
 * Starts MSW's service worker (served from this origin as a file, so it registers under a
 * `script-src 'self'` policy) and returns a `ServeHandlers` that swaps the handlers it answers with.
 */
export async function startMockWorker(): Promise<{ worker: SetupWorker; serve: ServeHandlers }> {
  const worker = setupWorker();
  await worker.start({
    quiet: true,
    onUnhandledRequest: 'bypass',
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
  return { worker, serve: (handlers) => worker.resetHandlers(...handlers) };
}
