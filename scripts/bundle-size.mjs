/**
 * Bundle-size budgets: what an app pays, minified and gzipped, for what it imports from a
 * package. Each entry of `bench/size-budgets.json` (in the package running it) names the
 * imports to bundle from the built package (`dist/`, so `build` first; turbo's `bench` task
 * depends on it). Dependencies are bundled too: a consumer downloads them as well.
 *
 *   node ../../scripts/bundle-size.mjs     every entry; exit 1 when one is over its budget
 *
 * size-budgets.json: { "<name>": { "from": "./dist/index.js", "imports": ["a", "b"],
 *                                  (or, from several modules: "imports": { "a": "./dist/a.js" })
 *                                  "maxGzipBytes": 1234,
 *                                  "minus": "<other entry>",          optional
 *                                  "lazy": ["dist/i18n/locales/"],    optional
 *                                  "chunk": "dist/i18n/x.js" } }      optional
 *
 * The bundle is split as an app's bundler splits it, and the budget counts what loads up
 * front: the entry chunk and the chunks it imports statically. Chunks behind `import()` load
 * when the app first needs them; they are listed but not counted. `minus` budgets the
 * addition over another entry measured before it (one element on top of what every element
 * shares); `lazy` lists modules that must stay out of what loads up front. `chunk` budgets
 * instead the on-demand chunk holding that module (what loading it adds, beyond the chunks
 * already loaded up front).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * Bundles `imports` from `from` (a path relative to the working directory) for browsers, or
 * each import from its own module when `imports` maps names to paths. Returns the size of what
 * loads up front (`eager`) and of each chunk loaded on demand (`lazy`), with the source files
 * bundled into each.
 */
export async function measureBundle({ from, imports }) {
  const modules = Array.isArray(imports)
    ? [[imports, from]]
    : Object.entries(imports).map(([name, path]) => [[name], path]);
  // Using every import keeps it from being tree-shaken away, as an app's use would.
  const contents = modules
    .map(([names, path]) => `export { ${names.join(', ')} } from ${JSON.stringify(resolve(path))};`)
    .join('\n');
  const outdir = resolve('bundle-size-out'); // nothing is written: `write: false`
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir,
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const { outputs } = result.metafile;
  const contentsOf = new Map(result.outputFiles.map((file) => [file.path, file.contents]));
  const chunk = (path) => {
    const code = contentsOf.get(resolve(path));
    return {
      path,
      inputs: Object.keys(outputs[path].inputs),
      bytes: code.length,
      gzipBytes: gzipSync(code, { level: 9 }).length,
    };
  };
  const entry = Object.keys(outputs).find((path) => outputs[path].entryPoint === '<stdin>');
  const eagerPaths = new Set([entry]);
  for (const path of eagerPaths) {
    for (const imported of outputs[path].imports) {
      if (imported.kind === 'import-statement') eagerPaths.add(imported.path);
    }
  }
  const eagerChunks = [...eagerPaths].map(chunk);
  const lazy = Object.keys(outputs)
    .filter((path) => path.endsWith('.js') && !eagerPaths.has(path))
    .map(chunk);
  return {
    eager: {
      inputs: eagerChunks.flatMap((each) => each.inputs),
      bytes: eagerChunks.reduce((sum, each) => sum + each.bytes, 0),
      gzipBytes: eagerChunks.reduce((sum, each) => sum + each.gzipBytes, 0),
    },
    lazy,
  };
}

async function checkBudgets() {
  const budgets = JSON.parse(readFileSync('bench/size-budgets.json', 'utf8'));
  const measured = {};
  let over = 0;
  for (const [
    name,
    { maxGzipBytes, minus, lazy: mustBeLazy = [], chunk: lazyModule, ...bundle },
  ] of Object.entries(budgets)) {
    const { eager: upFront, lazy } = await measureBundle(bundle);
    const eager = lazyModule ? lazyChunkOf(lazy, lazyModule, name) : upFront;
    measured[name] = eager;
    const base = minus === undefined ? undefined : measured[minus];
    if (minus !== undefined && !base) {
      throw new Error(`${name}: "minus" names ${minus}, which is not measured before it`);
    }
    const counted = eager.gzipBytes - (base?.gzipBytes ?? 0);
    const loadedEarly = mustBeLazy.flatMap((pattern) =>
      upFront.inputs.filter((input) => input.includes(pattern)),
    );
    const ok = counted <= maxGzipBytes && loadedEarly.length === 0;
    if (!ok) over++;
    const onDemand = lazy.length
      ? `; on demand: ${lazy.length} chunks, ${lazy.reduce((sum, each) => sum + each.gzipBytes, 0)} B gzip`
      : '';
    console.log(
      `${ok ? 'ok  ' : 'OVER'} ${name.padEnd(48)} ${String(counted).padStart(7)} B gzip` +
        `${base ? ' added' : lazyModule ? ' on demand' : ''} (${eager.bytes} B min)  budget ${maxGzipBytes} B` +
        `${lazyModule ? '' : onDemand}`,
    );
    for (const input of loadedEarly) {
      console.log(`     ${input} must be loaded on demand, not up front`);
    }
  }
  if (over > 0) {
    console.error(`${over} bundle(s) over budget (bench/size-budgets.json)`);
    process.exit(1);
  }
}

/** The on-demand chunk bundling `module`; an error when it is loaded up front or not at all. */
function lazyChunkOf(lazy, module, name) {
  const chunk = lazy.find((each) => each.inputs.some((input) => input.includes(module)));
  if (!chunk) throw new Error(`${name}: no on-demand chunk holds ${module}`);
  return chunk;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await checkBudgets();
}
