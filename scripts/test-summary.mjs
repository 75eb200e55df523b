// Sums the "Tests  N passed | M failed" lines that Vitest printed into one
// closing line, "Tests: N passed, M failed", for whoever reads the end of the log.
import { readFileSync } from 'node:fs';

const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const log = readFileSync(process.argv[2] ?? 0, 'utf8').replace(ansi, '');
let passed = 0;
let failed = 0;
let runs = 0;
for (const [, summary] of log.matchAll(/^\S*:?\s*Tests\s+(.+\(\d+\))\s*$/gm)) {
  runs += 1;
  passed += Number(/(\d+) passed/.exec(summary)?.[1] ?? 0);
  failed += Number(/(\d+) failed/.exec(summary)?.[1] ?? 0);
}
if (runs === 0) {
  console.error('No Vitest summary found in the log: no test ran.');
  process.exit(1);
}
console.log(`\nTests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
