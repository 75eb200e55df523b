/**
 * The built docs app (`vite build`: turbo runs it before the tests) served by `vite preview`
 * with its Content-Security-Policy (csp.ts), and the system Chromium driven through
 * playwright-core. A page opens in a context of its own: its MSW service worker, and the mock
 * team in the page's backend worker, are new, so every page starts from its link's state.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Page,
  type Response,
} from 'playwright-core';
import { type PreviewServer, preview } from 'vite';
import { expect } from 'vitest';
import { chromiumArgs, findChromium } from '../../../scripts/chromium.mjs';
import { strictContentSecurityPolicy } from '../csp.js';
import { checkScreenshot } from './screenshots.js';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Where each step's screenshot goes (gitignored; CI keeps it as an artifact). */
export const artifactsDir = join(root, 'e2e-artifacts');

export interface App {
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Serves `dist/` as `vite preview` does (with the CSP headers) and launches Chromium. */
export async function startApp(): Promise<App> {
  const server: PreviewServer = await preview({
    root,
    logLevel: 'silent',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const origin = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium: set CHROMIUM_PATH or install chromium');
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  return {
    origin,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  response: Response | null;
  /** Console errors, uncaught exceptions and refused resources (CSP) seen so far. */
  problems: string[];
  close(): Promise<void>;
}

/** Records what the page reports as wrong: console errors, exceptions, CSP refusals. */
function watch(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
}

/** Opens `path` in a new browser context (a fresh service worker and mock team). */
export async function openPage(app: App, path: string): Promise<OpenedPage> {
  const context = await app.browser.newContext({
    serviceWorkers: 'allow',
    // A common desktop screen: the page column beside the demo controls fits the invoice table.
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP refused ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const page = await context.newPage();
  const problems: string[] = [];
  watch(page, problems);
  context.on('page', (other) => watch(other, problems));
  const response = await page.goto(`${app.origin}${path}`);
  return { page, context, response, problems, close: () => context.close() };
}

/** The widgets the billing page composes (the provider's children that render a card). */
export const widgets = [
  'bk-billing-notices',
  'bk-auto-flex-banner',
  'bk-plan-picker',
  'bk-seat-counter',
  'bk-usage-meter',
  'bk-invoice-list',
] as const;

/**
 * One user journey on the billing page: a fresh page at `path`, a screenshot of every step
 * (checked not blank or broken) under `e2e-artifacts/<name>/`, and, at the end, no console
 * error, uncaught exception or CSP refusal.
 */
export class Journey {
  readonly page: Page;
  readonly #opened: OpenedPage;
  readonly #dir: string;
  #steps = 0;

  private constructor(opened: OpenedPage, dir: string) {
    this.#opened = opened;
    this.page = opened.page;
    this.#dir = dir;
  }

  static async start(app: App, name: string, path: string): Promise<Journey> {
    const dir = join(artifactsDir, name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const opened = await openPage(app, path);
    // The page runs under the strict policy (no inline script or style, no eval).
    expect(opened.response?.headers()['content-security-policy']).toBe(strictContentSecurityPolicy);
    const journey = new Journey(opened, dir);
    await journey.settled();
    return journey;
  }

  get problems(): readonly string[] {
    return this.#opened.problems;
  }

  /**
   * Waits until every widget shows content (no loading placeholder), then saves a full-page
   * screenshot and checks it shows a page. A widget error is a broken page unless the step
   * expects one.
   */
  async step(
    name: string,
    { widgetErrors = 0, modal = false }: { widgetErrors?: number; modal?: boolean } = {},
  ): Promise<void> {
    await this.settled();
    await expect
      .poll(() => this.page.locator('bk-billing-provider [part~=error]').count())
      .toBe(widgetErrors);
    const file = `${String(++this.#steps).padStart(2, '0')}-${name}.png`;
    // A modal dialog is shown over the screen, so the screen is what the user sees; otherwise
    // the whole page, from its top (where the sticky controls sit).
    if (!modal) await this.page.evaluate(() => window.scrollTo(0, 0));
    const png = await this.page.screenshot({ fullPage: !modal, animations: 'disabled' });
    writeFileSync(join(this.#dir, file), png);
    const check = checkScreenshot(png);
    expect(check.problems, `${file}: ${JSON.stringify(check.stats)}`).toEqual([]);
  }

  /** The page has started and every widget on it has loaded. */
  async settled(): Promise<void> {
    await expect.poll(() => this.page.locator('bk-billing-provider').count()).toBe(1);
    await expect
      .poll(() =>
        this.page.evaluate(
          (tags) =>
            tags.every((tag) => {
              // Rendered (a shadow root), and nothing in it loading or computing a price.
              const shadow = document.querySelector(tag)?.shadowRoot;
              return !!shadow && !shadow.querySelector('[part~=skeleton], [aria-busy=true]');
            }),
          [...widgets],
        ),
      )
      .toBe(true);
  }

  /**
   * Closes the page and fails on anything it reported, except what the journey `expects`: each
   * of those must have been reported (so an expectation cannot outlive what it was for).
   */
  async finish({ expects = [] }: { expects?: RegExp[] } = {}): Promise<void> {
    const problems = [...this.problems];
    await this.#opened.close();
    for (const expected of expects) {
      expect(
        problems.some((problem) => expected.test(problem)),
        String(expected),
      ).toBe(true);
    }
    expect(problems.filter((problem) => !expects.some((re) => re.test(problem)))).toEqual([]);
  }
}
