import { setupWorker } from 'msw/browser';
import './playground.js';

// One worker for the page; the playground swaps its handlers when the scenario changes.
const worker = setupWorker();
await worker.start({
  quiet: true,
  onUnhandledRequest: 'bypass',
  serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
});

const playground = document.querySelector('docs-playground');
if (playground) {
  playground.serveMock = (mock) => worker.resetHandlers(...mock.handlers);
  playground.start();
}
