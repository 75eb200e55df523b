/**
 * The built app (`vite build`, run by turbo before the tests) served by `vite preview` with its
 * Content-Security-Policy, in Chromium through playwright-core: the billing page works under
 * `script-src 'self'` (no inline script, no eval), MSW's worker included, and nothing is refused.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { strictContentSecurityPolicy } from '../../csp.js';
import { type App, openPage, startApp } from '../../e2e/harness.js';

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
