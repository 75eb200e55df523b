// The billing page: the demo (with every billkit element) on the mock backend in MSW's worker.
import { startMockWorker } from '../mock-worker.js';
import './billing-demo.js';

const { serve } = await startMockWorker();
const demo = document.querySelector('docs-billing-demo');
if (demo) {
  demo.serve = serve;
  await demo.start();
}
