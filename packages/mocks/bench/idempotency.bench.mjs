/**
 * Idempotency-key memory benchmark with budgets (`budgets.json`): the store forgets keys after
 * their 24 hours, so memory stays flat however many keyed requests a long-running mock serves.
 *
 * Runs against the built package (`dist/`, so `pnpm run build` first; turbo's `bench` task
 * depends on `build`), with `--expose-gc` so the heap is measured after a full collection.
 * It sends 100,000 keyed requests, each with a new key, one per minute of test-clock time (so
 * 1,440 keys are inside their 24 hours at any moment), and checks at every checkpoint after the
 * first 24 hours that the kept keys stay within `maxKeptKeys` and the heap within
 * `maxHeapGrowthBytes` of what it was then. Without eviction the heap grows by about 1 KB a request.
 *
 *   node --expose-gc bench/idempotency.bench.mjs     exit 1 when a measure is over its budget
 */
import { readFileSync } from 'node:fs';
import { createBillingMock } from '../dist/index.js';

const REQUESTS = 100_000;
const CLOCK_STEP_MINUTES = 1;
const CHECKPOINT_EVERY = 10_000;
/** The first checkpoint is the baseline: the 24-hour window is full long before it. */
const BASELINE_AT = CHECKPOINT_EVERY;

if (typeof globalThis.gc !== 'function') {
  console.error('run with node --expose-gc (the heap is measured after a full collection)');
  process.exit(1);
}
const budgets = JSON.parse(readFileSync(new URL('./budgets.json', import.meta.url), 'utf8'));

// enableAutoFlex on a team that has it on already answers 200 and changes nothing, so what
// grows with the requests is the idempotency store alone (the clock adds a renewal or two).
const mock = createBillingMock({ scenario: 'professional-annual-autoflex' });
const url = `${mock.baseUrl}/teams/${mock.teamId}/auto-flex/enable`;
const body = JSON.stringify({ acceptTerms: true, termsVersion: '2026-01' });
const send = (key) =>
  mock.handle(
    new Request(url, {
      method: 'POST',
      headers: {
        authorization: 'Bearer role:admin',
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body,
    }),
  );

function heapUsed() {
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

const mb = (bytes) => `${(bytes / 1_048_576).toFixed(2)} MB`;
const failures = [];
let baseline;
let maxKeptKeys = 0;
let maxGrowth = 0;

console.log(
  `${'requests'.padStart(9)} ${'clock'.padEnd(17)} ${'kept keys'.padStart(9)} ${'heap'.padStart(10)}`,
);
const began = performance.now();
for (let index = 1; index <= REQUESTS; index += 1) {
  mock.clock.advance({ hours: CLOCK_STEP_MINUTES / 60 });
  const response = await send(`bench-${index}`);
  if (response.status !== 200) {
    console.error(`request ${index} answered ${response.status}: ${await response.text()}`);
    process.exit(1);
  }
  await response.arrayBuffer();
  maxKeptKeys = Math.max(maxKeptKeys, mock.idempotency.size);
  if (index % CHECKPOINT_EVERY !== 0) continue;
  const heap = heapUsed();
  if (index === BASELINE_AT) baseline = heap;
  else maxGrowth = Math.max(maxGrowth, heap - baseline);
  console.log(
    `${String(index).padStart(9)} ${mock.clock.now().toISOString().slice(0, 16)} ${String(mock.idempotency.size).padStart(9)} ${mb(heap).padStart(10)}`,
  );
}
const seconds = (performance.now() - began) / 1_000;

console.log(
  `\n${REQUESTS.toLocaleString('en-US')} keyed requests in ${seconds.toFixed(1)} s;` +
    ` at most ${maxKeptKeys} keys kept (budget ${budgets.maxKeptKeys});` +
    ` heap grew at most ${mb(maxGrowth)} after the first ${BASELINE_AT.toLocaleString('en-US')} (budget ${mb(budgets.maxHeapGrowthBytes)})`,
);
if (maxKeptKeys > budgets.maxKeptKeys) {
  failures.push(`${maxKeptKeys} keys kept at once, over the budget of ${budgets.maxKeptKeys}`);
}
if (maxGrowth > budgets.maxHeapGrowthBytes) {
  failures.push(
    `the heap grew by ${mb(maxGrowth)}, over the budget of ${mb(budgets.maxHeapGrowthBytes)}`,
  );
}
if (failures.length > 0) {
  console.error(`\nbench failed:\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
  process.exit(1);
}
console.log('\nbench: the idempotency store stays within its budgets');
