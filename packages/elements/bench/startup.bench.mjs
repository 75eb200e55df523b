/**
 * Startup: the time from the elements' script starting to run to the first widget DOM
 * (`bk-seat-counter` inside `bk-billing-provider` rendered: compile, evaluate, define, upgrade,
 * first render), in headless Chromium, compared in the same run with a bare Lit element run the
 * same way. Each bundle is one minified file (the locale catalogs, loaded on demand, left out)
 * fetched before the clock starts — its download is the bytes the size budgets already hold —
 * then imported from memory. Runs alternate, each in a fresh browser context; the budget is on
 * the ratio of the medians (bench/startup-budget.json), so a slower machine does not fail it.
 *
 *   node bench/startup.bench.mjs      (after `pnpm build`)
 */
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../../scripts/chromium.mjs';
import { servePages } from './page-server.mjs';

const runs = 21;
const { maxRatio } = JSON.parse(readFileSync(new URL('startup-budget.json', import.meta.url)));

/** One minified ES module of `contents` and its imports, catalogs excluded. */
async function singleFile(contents) {
  const result = await build({
    stdin: { contents, resolveDir: new URL('..', import.meta.url).pathname, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'error',
    plugins: [
      {
        name: 'catalogs-on-demand',
        setup(b) {
          b.onResolve({ filter: /\/locales\// }, (args) => ({ path: args.path, external: true }));
        },
      },
    ],
  });
  return result.outputFiles[0].text;
}

// The page fetches the bundle, then times its import from memory and the first render.
const boot = (bundleFile, tag) => `
const code = await (await fetch('/${bundleFile}')).text();
const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
const start = performance.now();
await import(url);
await document.querySelector('${tag}').updateComplete;
window.startupMs = performance.now() - start;
`;
const page = (body, bootFile) =>
  `<!doctype html><html lang="en"><body>${body}<script type="module" src="/${bootFile}"></script></body></html>`;

const files = new Map([
  ['elements.js', await singleFile(`import './dist/index.js';`)],
  [
    'bare.js',
    await singleFile(`import { LitElement, html } from 'lit';
      customElements.define('bare-element', class extends LitElement {
        render() { return html\`<p>Hello</p>\`; }
      });`),
  ],
  ['elements-boot.js', boot('elements.js', 'bk-seat-counter')],
  ['bare-boot.js', boot('bare.js', 'bare-element')],
  [
    'elements.html',
    page(
      '<bk-billing-provider base-url="/v1" team-id="team_acme"><bk-seat-counter></bk-seat-counter></bk-billing-provider>',
      'elements-boot.js',
    ),
  ],
  ['bare.html', page('<bare-element></bare-element>', 'bare-boot.js')],
]);

const server = await servePages({ files });
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
const timings = { elements: [], bare: [] };
try {
  for (let run = 0; run < runs; run++) {
    for (const variant of run % 2 ? ['bare', 'elements'] : ['elements', 'bare']) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(`${server.url}/${variant}.html`);
      const startup = await tab.waitForFunction(() => window.startupMs);
      timings[variant].push(await startup.jsonValue());
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const elements = median(timings.elements);
const bare = median(timings.bare);
const ratio = elements / bare;
const ok = ratio <= maxRatio;
console.log(
  `${ok ? 'ok  ' : 'OVER'} startup to first widget DOM, median of ${runs}: elements ${elements.toFixed(1)} ms,` +
    ` bare Lit element ${bare.toFixed(1)} ms, ratio ${ratio.toFixed(2)}  budget ${maxRatio}`,
);
if (!ok) process.exit(1);
