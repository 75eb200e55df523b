import { startMockWorker } from '../mock-worker.js';
import './playground.js';

// One worker for the page; the playground swaps its handlers when the scenario changes.
const { serve } = await startMockWorker();
const playground = document.querySelector('docs-playground');
if (playground) {
  playground.serveMock = (mock) => serve(mock.handlers);
  playground.start();
}
