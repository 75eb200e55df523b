// The one-script-tag build: every element, the SDK and Lit in one minified ES module,
// dist/cdn/billkit-elements.js, with each locale catalog a chunk beside it (ja.js, zh-CN.js),
// loaded only by a page that shows that locale. A host serves the folder from its server or a CDN
// and loads it with `<script type="module" src=".../billkit-elements.js">`.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const outdir = fileURLToPath(new URL('../dist/cdn/', import.meta.url));
rmSync(outdir, { recursive: true, force: true });

const result = await build({
  entryPoints: { 'billkit-elements': fileURLToPath(new URL('../dist/index.js', import.meta.url)) },
  bundle: true,
  format: 'esm',
  splitting: true,
  minify: true,
  target: 'es2022',
  sourcemap: 'linked',
  outdir,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
});

const files = Object.entries(result.metafile.outputs)
  .filter(([file]) => file.endsWith('.js'))
  .map(
    ([file, { bytes }]) => `${file.slice(file.indexOf('dist/'))} ${(bytes / 1024).toFixed(1)} KiB`,
  );
console.log(`build-cdn:\n  ${files.join('\n  ')}`);
