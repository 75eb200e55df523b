/**
 * Engine throughput benchmarks with budgets (`budgets.json`, minimum ops/s).
 *
 * Runs against the built package (`dist/`, so `pnpm run build` first; turbo's `bench` task
 * depends on `build`). Each benchmark runs a fixed number of iterations per sample after a
 * warm-up; the best of `SAMPLES` samples is compared with the budget, because on a loaded
 * machine the slow samples measure the other work, not the engine.
 *
 *   node bench/engine.bench.mjs            all benchmarks, exit 1 when one is under budget
 *   node bench/engine.bench.mjs quote      only benchmarks whose name contains "quote"
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  addDays,
  advance,
  applyChange,
  createTeam,
  demoCatalog,
  money,
  prorate,
  quoteChange,
} from '../dist/index.js';

const SAMPLES = 7;
const ctx = { catalog: demoCatalog };
const start = '2026-01-15';

function members(count) {
  return Array.from({ length: count }, (_, index) => ({
    id: `m${index + 1}`,
    name: `Member ${index + 1}`,
    role: index === 0 ? 'admin' : 'member',
  }));
}

/** Basic monthly, prorate, 10 seats, four paid invoices; today is inside its fourth period. */
function typicalTeam() {
  const created = createTeam(
    {
      teamId: 'acme',
      planId: 'basic',
      interval: 'month',
      policy: 'prorate',
      start,
      members: members(10),
      paymentMethodId: 'pm_card',
    },
    ctx,
  ).state;
  return advance(created, '2026-04-20', ctx).state;
}

/** The typical team with `count` more paid invoices of earlier years (a long history). */
function withHistory(state, count) {
  const [template] = state.invoices;
  const history = Array.from({ length: count }, (_, index) => {
    const issueDate = addDays('2020-01-01', index);
    return {
      ...structuredClone(template),
      id: `inv_history_${index + 1}`,
      number: `HISTORY-${String(index + 1).padStart(4, '0')}`,
      issueDate,
      dueDate: issueDate,
      paidAt: issueDate,
      period: { start: issueDate, end: addDays(issueDate, 1) },
    };
  });
  return { ...state, invoices: [...history, ...state.invoices] };
}

const typical = typicalTeam();
const long = withHistory(typical, 1_100);
const today = '2026-04-25';
const upgrade = { planId: 'professional', seats: 12, timing: 'immediately' };
const moreSeats = { seats: 12, timing: 'immediately' };

/** name → [iterations per sample, one iteration]; results go to `sink` so nothing is optimized away. */
let sink = 0;
const benchmarks = {
  'quoteChange typical team': [
    3_000,
    () => {
      sink += quoteChange(typical, upgrade, today, ctx).amountDueNow.amount;
    },
  ],
  'quoteChange 1,100 invoices': [
    1_000,
    () => {
      sink += quoteChange(long, upgrade, today, ctx).amountDueNow.amount;
    },
  ],
  'applyChange typical team': [
    3_000,
    () => {
      sink += applyChange(typical, moreSeats, today, ctx).state.invoices.length;
    },
  ],
  'advance a year of monthly renewals': [
    500,
    () => {
      sink += advance(typical, '2027-04-20', ctx).state.invoices.length;
    },
  ],
  'prorate money math': [
    1_000_000,
    (index) => {
      const unit = money(1_000 + (index % 5_000), 'USD');
      sink += prorate(unit, 1 + (index % 40), { numerator: index % 31, denominator: 31 }).amount;
    },
  ],
};

function sample(iterations, run) {
  const began = performance.now();
  for (let index = 0; index < iterations; index += 1) run(index);
  const seconds = (performance.now() - began) / 1_000;
  return iterations / seconds;
}

const budgets = JSON.parse(readFileSync(new URL('./budgets.json', import.meta.url), 'utf8'));
const filter = process.argv[2] ?? '';
const format = (opsPerSecond) => Math.round(opsPerSecond).toLocaleString('en-US');
const failures = [];

for (const name of Object.keys(budgets)) {
  if (!(name in benchmarks)) failures.push(`budgets.json names "${name}", which is no benchmark`);
}
console.log(
  `${'benchmark'.padEnd(36)} ${'best ops/s'.padStart(12)} ${'median'.padStart(12)} ${'budget'.padStart(12)}`,
);
for (const [name, [iterations, run]] of Object.entries(benchmarks)) {
  if (!name.includes(filter)) continue;
  const budget = budgets[name];
  sample(Math.max(1, Math.ceil(iterations / 2)), run); // warm-up
  const samples = Array.from({ length: SAMPLES }, () => sample(iterations, run)).sort(
    (a, b) => a - b,
  );
  const best = samples[samples.length - 1];
  const median = samples[Math.floor(samples.length / 2)];
  const verdict = budget === undefined ? 'no budget' : best < budget ? 'UNDER BUDGET' : 'ok';
  console.log(
    `${name.padEnd(36)} ${format(best).padStart(12)} ${format(median).padStart(12)} ${(budget === undefined ? '-' : format(budget)).padStart(12)}  ${verdict}`,
  );
  if (budget === undefined) {
    failures.push(`"${name}" has no budget in bench/budgets.json`);
  } else if (best < budget) {
    failures.push(
      `"${name}" ran at ${format(best)} ops/s (best of ${SAMPLES}), under its budget of ${format(budget)} ops/s`,
    );
  }
}
if (sink === Number.MIN_VALUE) console.log(sink);

if (failures.length > 0) {
  console.error(`\nbench failed:\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
  process.exit(1);
}
console.log('\nbench: every benchmark is within its budget');
