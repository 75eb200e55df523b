/**
 * Startup: the time from a page's script starting to load the elements to the first widget DOM
 * (`bk-seat-counter` inside `bk-billing-provider` rendered), in headless Chromium, compared in
 * the same run with a bare Lit element loaded and rendered the same way. Runs alternate, each
 * in a fresh browser context (nothing cached); the budget is on the ratio of the medians
 * (bench/startup-budget.json), so a slower machine does not fail it.
 *
 *   node bench/startup.bench.mjs      (after `pnpm build`)
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../../scripts/chromium.mjs';
import { bundle, servePages } from './page-server.mjs';

const runs = 21;
const { maxRatio } = JSON.parse(readFileSync(new URL('startup-budget.json', import.meta.url)));

// Each page's one module script times the load of its bundle and the first render.
const boot = (bundleFile, tag) => `
const start = performance.now();
await import('./${bundleFile}');
await document.querySelector('${tag}').updateComplete;
window.startupMs = performance.now() - start;
`;
// As a bundler's HTML does (Vite's modulepreload), the page preloads the bundle's static chunks
// (not the locale catalogs, which load on demand), so they arrive together, not one by one.
const page = (body, bootFile, preload) =>
  `<!doctype html><html lang="en"><head>${preload
    .map((file) => `<link rel="modulepreload" href="/${file}">`)
    .join('')}</head><body>${body}<script type="module" src="/${bootFile}"></script></body></html>`;
const staticChunks = (files, entry) => [
  entry,
  ...[...files.keys()].filter(
    (name) => name.startsWith('chunk-') && files.get(entry).includes(name),
  ),
];

const files = new Map();
for (const [name, contents] of await bundle(`import './dist/index.js';`, 'elements')) {
  files.set(name, contents);
}
for (const [name, contents] of await bundle(
  `import { LitElement, html } from 'lit';
   customElements.define('bare-element', class extends LitElement {
     render() { return html\`<p>Hello</p>\`; }
   });`,
  'bare',
)) {
  files.set(name, contents);
}
files.set('elements-boot.js', boot('elements.js', 'bk-seat-counter'));
files.set('bare-boot.js', boot('bare.js', 'bare-element'));
files.set(
  'elements.html',
  page(
    '<bk-billing-provider base-url="/v1" team-id="team_acme"><bk-seat-counter></bk-seat-counter></bk-billing-provider>',
    'elements-boot.js',
    staticChunks(files, 'elements.js'),
  ),
);
files.set('bare.html', page('<bare-element></bare-element>', 'bare-boot.js', ['bare.js']));

const server = await servePages({ files });
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
const timings = { elements: [], bare: [] };
try {
  for (let run = 0; run < runs; run++) {
    for (const variant of run % 2 ? ['bare', 'elements'] : ['elements', 'bare']) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(`${server.url}/${variant}.html`);
      timings[variant].push(
        await tab.waitForFunction(() => window.startupMs).then((h) => h.jsonValue()),
      );
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
