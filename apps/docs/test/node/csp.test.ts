/**
 * The built app (`vite build`, run by turbo before the tests) served by `vite preview` with its
 * Content-Security-Policy, in Chromium through playwright-core: the billing page works under
 * `script-src 'self'` (no inline script, no eval), MSW's worker included, and nothing is refused.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { billingSpec, listOperations } from '@billkit/mocks';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { strictContentSecurityPolicy } from '../../csp.js';
import { type App, openPage, startApp } from '../../e2e/harness.js';
import { referencePages } from '../../src/reference/layout.js';
import { anchor } from '../../src/site/html.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

let app: App;

beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.close());

const seatText = (page: Page, part: string) =>
  page.locator(`bk-seat-counter [part~=${part}] dd`).textContent();

test('the billing page runs under script-src self: elements, MSW worker, mock backend, test clock', async () => {
  const { page, problems, response, close } = await openPage(
    app,
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
  const { page, problems, close } = await openPage(app, '/api-explorer.html');
  try {
    await expect
      .poll(() => page.locator('docs-playground #overview-title').textContent())
      .toContain('Professional · annual');
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('every guide page loads under the strict policy in the one guide layout and shows its examples exactly as the tested files', async () => {
  const guides = readdirSync(join(root, 'guides')).filter((file) => file.endsWith('.html'));
  const topics = guides.filter((file) => file !== 'index.html');
  expect(topics.sort()).toEqual(
    [
      'plain-html',
      'react',
      'vue',
      'theming',
      'localization',
      'events',
      'sdk-browser',
      'sdk-node',
      'auth',
      'own-backend',
    ]
      .map((name) => `${name}.html`)
      .sort(),
  );
  // One tab for every guide (static pages: nothing carries over from one to the next).
  const { page, problems, close } = await openPage(app, '/guides/');
  try {
    // The index links every guide.
    const listed = await page
      .locator('main .guide-list a')
      .evaluateAll((links) =>
        links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
      );
    expect(listed.sort()).toEqual(topics.map((file) => `/guides/${file}`).sort());

    for (const guide of guides) {
      const response = await page.goto(`${app.origin}/guides/${guide}`);
      expect(response?.status(), guide).toBe(200);
      expect(response?.headers()['content-security-policy']).toBe(strictContentSecurityPolicy);
      // Static pages: no script at all, inline or not.
      expect(await page.locator('script').count(), guide).toBe(0);
      expect(await page.locator('.site-header nav a').allTextContents(), guide).toEqual([
        'Billing page',
        'Guides',
        'Reference',
        'API explorer',
      ]);
      expect(await page.locator('link[rel=stylesheet]').count(), guide).toBe(2);
      // The page's code blocks are the example files, byte for byte (after HTML parsing).
      const blocks = await page.locator('main.guide figure.code').evaluateAll((figures) =>
        figures.map((figure) => ({
          path: figure.querySelector('figcaption')!.textContent!,
          code: figure.querySelector('code')!.textContent!,
          font: getComputedStyle(figure.querySelector('pre')!).fontFamily,
        })),
      );
      for (const { path, code, font } of blocks) {
        expect(code, `${guide}: ${path}`).toBe(
          readFileSync(join(root, path), 'utf8').replace(/\n$/, ''),
        );
        // Styled by the guides' stylesheet (a file: style-src 'self').
        expect(font).toMatch(/monospace/);
      }
      // Nothing left for a script to fill in.
      expect(
        await page.locator('pre:not(:has(code)), [data-include], [data-example]').count(),
        guide,
      ).toBe(0);
      if (guide !== 'index.html') {
        expect(blocks.length, `${guide} shows its code`).toBeGreaterThan(0);
        // Back to all guides, above the title and at the end.
        expect(await page.locator('main .crumbs a[href="/guides/"]').count(), guide).toBe(1);
        expect(await page.locator('main .next a[href="/guides/"]').count(), guide).toBe(1);
      }
    }
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
    const { page, problems, response, close } = await openPage(
      app,
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
