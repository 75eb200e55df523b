/**
 * Bundle-size budgets: what an app pays, minified and gzipped, for what it imports from a
 * package. Each entry of `bench/size-budgets.json` (in the package running it) names the
 * imports to bundle from the built package (`dist/`, so `build` first; turbo's `bench` task
 * depends on it). Dependencies are bundled too: a consumer downloads them as well.
 *
 *   node ../../scripts/bundle-size.mjs     every entry; exit 1 when one is over its budget
 *
 * size-budgets.json: { "<name>": { "from": "./dist/index.js", "imports": ["a", "b"],
 *                                  "maxGzipBytes": 1234,
 *                                  "minus": "<other entry>",          optional
 *                                  "lazy": ["dist/i18n/locales/"] } } optional
 *
 * The bundle is split as an app's bundler splits it: what `import()` loads on demand goes to
 * chunks of its own, and only the initial load (the entry and its static imports, each
 * gzipped) counts. `minus` budgets the addition over another entry (one element on top of
 * what every element shares); `lazy` lists modules that must stay out of the initial load.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const budgets = JSON.parse(readFileSync('bench/size-budgets.json', 'utf8'));

/** Bundles `imports` of `from` and measures the initial load. */
async function measure({ from, imports }) {
  // Using every import keeps it from being tree-shaken away, as an app's use would.
  const contents = `export { ${imports.join(', ')} } from ${JSON.stringify(resolve(from))};`;
  const result = await build({
    entryPoints: { entry: 'entry:' },
    plugins: [
      {
        // esbuild splits entry points only, not stdin: serve the source as a virtual module.
        name: 'virtual-entry',
        setup(b) {
          b.onResolve({ filter: /^entry:$/ }, () => ({ path: 'entry', namespace: 'entry' }));
          b.onLoad({ filter: /.*/, namespace: 'entry' }, () => ({
            contents,
            resolveDir: process.cwd(),
            loader: 'js',
          }));
        },
      },
    ],
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    outdir: 'out',
    metafile: true,
    logLevel: 'error',
  });
  const outputs = result.metafile.outputs;
  const initial = new Set();
  const visit = (path) => {
    if (initial.has(path)) return;
    initial.add(path);
    for (const { path: next, kind } of outputs[path].imports) {
      if (kind === 'import-statement') visit(next);
    }
  };
  visit(Object.keys(outputs).find((path) => outputs[path].entryPoint));
  const files = new Map(result.outputFiles.map((file) => [file.path, file.contents]));
  let gzipBytes = 0;
  let minBytes = 0;
  for (const path of initial) {
    const code = files.get(resolve(path));
    gzipBytes += gzipSync(code, { level: 9 }).length;
    minBytes += code.length;
  }
  const initialInputs = [...initial].flatMap((path) => Object.keys(outputs[path].inputs));
  return { gzipBytes, minBytes, initialInputs };
}

const measured = {};
let over = 0;
for (const [name, budget] of Object.entries(budgets)) {
  measured[name] = await measure(budget);
  const { gzipBytes, minBytes, initialInputs } = measured[name];
  const base = budget.minus ? measured[budget.minus] : undefined;
  if (budget.minus && !base)
    throw new Error(`${name}: "minus" names ${budget.minus}, not measured before it`);
  const counted = base ? gzipBytes - base.gzipBytes : gzipBytes;
  const eager = (budget.lazy ?? []).flatMap((pattern) =>
    initialInputs.filter((input) => input.includes(pattern)),
  );
  const ok = counted <= budget.maxGzipBytes && eager.length === 0;
  if (!ok) over++;
  const what = base ? `+${counted} B gzip over "${budget.minus}"` : `${counted} B gzip`;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${name.padEnd(44)} ${what.padStart(10)}` +
      ` (${minBytes} B min)  budget ${budget.maxGzipBytes} B`,
  );
  for (const input of eager) console.log(`     ${input} must be loaded on demand, not initially`);
}
if (over > 0) {
  console.error(`${over} bundle(s) over budget (bench/size-budgets.json)`);
  process.exit(1);
}
