/**
 * Bundle-size budgets: what an app pays, minified and gzipped, for what it imports from a
 * package. Each entry of `bench/size-budgets.json` (in the package running it) names the
 * imports to bundle from the built package (`dist/`, so `build` first; turbo's `bench` task
 * depends on it). Dependencies are bundled too: a consumer downloads them as well.
 *
 *   node ../../scripts/bundle-size.mjs     every entry; exit 1 when one is over its budget
 *
 * size-budgets.json: { "<name>": { "from": "./dist/index.js", "imports": ["a", "b"],
 *                                  "maxGzipBytes": 1234 } }
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const budgets = JSON.parse(readFileSync('bench/size-budgets.json', 'utf8'));
let over = 0;
for (const [name, { from, imports, maxGzipBytes }] of Object.entries(budgets)) {
  // Using every import keeps it from being tree-shaken away, as an app's use would.
  const contents = `export { ${imports.join(', ')} } from ${JSON.stringify(resolve(from))};`;
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  const gzipBytes = gzipSync(code, { level: 9 }).length;
  const ok = gzipBytes <= maxGzipBytes;
  if (!ok) over++;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${name.padEnd(32)} ${String(gzipBytes).padStart(7)} B gzip` +
      ` (${code.length} B min)  budget ${maxGzipBytes} B`,
  );
}
if (over > 0) {
  console.error(`${over} bundle(s) over budget (bench/size-budgets.json)`);
  process.exit(1);
}
