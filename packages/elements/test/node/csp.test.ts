/**
 * The elements on a page with a strict Content-Security-Policy: scripts only from the page's
 * origin (no inline script, no eval), styles only from it too (no inline <style>, no style
 * attributes). The built package is bundled as a host would, served with the billing mock from
 * one origin, and driven in Chromium through playwright-core.
 */
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chromiumArgs, findChromium } from '../../../../scripts/chromium.mjs';
import { bundle, servePages } from '../../bench/page-server.mjs';

const csp =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
});
afterAll(() => browser?.close());

test('they load, localize, talk to the API and are styled under script-src/style-src self', async () => {
  const files = new Map(await bundle(`import './dist/index.js';`, 'elements'));
  files.set(
    'page.js',
    `window.violations = [];
     document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));
     document.querySelector('bk-billing-provider').getToken = () => 'role:admin';`,
  );
  files.set(
    'index.html',
    `<!doctype html><html lang="ja"><head><script type="module" src="/page.js"></script>
     <script type="module" src="/elements.js"></script></head><body>
     <bk-billing-provider base-url="/v1" team-id="team_acme"><bk-seat-counter></bk-seat-counter>
     <bk-usage-meter resource="monitoring_requests"></bk-usage-meter></bk-billing-provider>
     <p class="card" part="base">Host text</p></body></html>`,
  );
  const server = await servePages({ files, csp, scenario: 'basic-monthly' });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    const response = await page.goto(server.url);
    expect(response?.headers()['content-security-policy']).toBe(csp);

    const counter = page.locator('bk-seat-counter');
    // The page's lang picks Japanese: its catalog is a separate chunk, loaded under the policy.
    await expect.poll(() => counter.locator('[part=heading]').textContent()).toBe('シート');
    await expect.poll(() => counter.locator('[part~=purchased] dd').textContent()).toBe('5');
    await counter.locator('[part=increment]').click();
    await expect.poll(() => counter.locator('[part~=due-now]').textContent()).toContain('$');
    // The usage meter sizes its bar through the CSSOM, which the policy allows (no style attribute).
    const fill = page.locator('bk-usage-meter [part~=meter-fill]');
    await expect
      .poll(() => fill.evaluate((node) => (node as HTMLElement).style.inlineSize))
      .toBe('0%');

    // Styles came from constructable stylesheets inside the shadow root…
    const card = await counter
      .locator('[part~=base]')
      .evaluate((node) => getComputedStyle(node).borderTopLeftRadius);
    expect(card).toBe('12px');
    // …and stayed there: the page's own element with the same class and part is untouched.
    const host = await page
      .locator('p.card')
      .evaluate((node) => getComputedStyle(node).borderTopLeftRadius);
    expect(host).toBe('0px');

    expect(await page.evaluate(() => (window as { violations?: string[] }).violations)).toEqual([]);
    expect(refused).toEqual([]);
  } finally {
    await context.close();
    await server.close();
  }
});
