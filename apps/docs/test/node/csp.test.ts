/**
 * The built app (`vite build`, run by turbo before the tests) served by `vite preview` with its
 * Content-Security-Policy, in Chromium through playwright-core: the billing page works under
 * `script-src 'self'` (no inline script, no eval), MSW's worker included, and nothing is refused.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { billingSpec, listOperations } from '@billkit/mocks';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chromiumArgs, findChromium } from '../../../../scripts/chromium.mjs';
import { strictContentSecurityPolicy } from '../../csp.js';
import { anchor } from '../../src/reference/html.js';
import { referencePages } from '../../src/reference/layout.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let server: PreviewServer;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  server = await preview({
    root,
    logLevel: 'silent',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  origin = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `path`, recording what the policy refused and every console error or uncaught exception. */
async function open(path: string) {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP refused ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const response = await page.goto(`${origin}${path}`);
  return { page, problems, response, close: () => context.close() };
}

const seatText = (page: Page, part: string) =>
  page.locator(`bk-seat-counter [part~=${part}] dd`).textContent();

test('the billing page runs under script-src self: elements, MSW worker, mock backend, test clock', async () => {
  const { page, problems, response, close } = await open(
    '/?scenario=professional-annual-autoflex&locale=ja&theme=dark',
  );
  try {
    expect(response?.headers()['content-security-policy']).toBe(strictContentSecurityPolicy);
    // The seat counter got its data through MSW's service worker from the mock's worker.
    await expect.poll(() => seatText(page, 'purchased')).toBe('10');
    await expect
      .poll(() => page.locator('bk-seat-counter [part=heading]').textContent())
      .toBe('シート');
    // No inline script anywhere: every script on the page is a file from this origin.
    const inlineScripts = await page.locator('script:not([src])').count();
    expect(inlineScripts).toBe(0);

    await page.locator('button[name=next-billing]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('date')).toBe('2026-07-01');
    await expect.poll(() => seatText(page, 'purchased')).toBe('12');
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('the API explorer loads from the built app and talks to the mock', async () => {
  const { page, problems, close } = await open('/api-explorer.html');
  try {
    await expect
      .poll(() => page.locator('docs-playground #overview-title').textContent())
      .toContain('Professional · annual');
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('the reference pages are built, load under the strict policy with their stylesheet, and the operations page has every operation', async () => {
  const operations = listOperations(billingSpec).map(({ operationId }) =>
    anchor('op', operationId),
  );
  expect(operations.length).toBeGreaterThan(0);
  for (const { page: name } of referencePages) {
    expect(existsSync(`${root}/dist/reference/${name}.html`), `dist/reference/${name}.html`).toBe(
      true,
    );
    const { page, problems, response, close } = await open(
      name === 'index' ? '/reference/' : `/reference/${name}.html`,
    );
    try {
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toBe(strictContentSecurityPolicy);
      const shown = await page.evaluate(() => ({
        // Plain HTML: no script at all, no inline style the policy would refuse.
        scriptsAndInlineStyles: document.querySelectorAll('script, style, [style]').length,
        heading: document.querySelector('main h1')?.textContent,
        // The reference stylesheet applied: the sidebar sticks beside the content.
        sidebar: getComputedStyle(document.querySelector('.reference-sidebar')!).position,
        operations: [...document.querySelectorAll('section.operation')].map(({ id }) => id),
      }));
      expect(shown.scriptsAndInlineStyles).toBe(0);
      expect(shown.heading).toBeTruthy();
      expect(shown.sidebar).toBe('sticky');
      if (name === 'api') expect(shown.operations.sort()).toEqual([...operations].sort());
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  }
});
