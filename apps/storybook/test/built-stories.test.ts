/**
 * Every story of the built Storybook (storybook-static, from `storybook build`) in Chromium:
 * each opens alone in iframe.html, its play function reaches the state the story is about (the
 * element loaded, loading, failed, empty or hidden), and then there must be no console error, no
 * uncaught exception and no axe-core violation in the story's root (shadow roots included).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { AxeResults } from 'axe-core';
import {
  type Browser,
  type BrowserContext,
  type ConsoleMessage,
  chromium,
  type Page,
} from 'playwright-core';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumArgs, findChromium } from '../../../scripts/chromium.mjs';

const staticDir = fileURLToPath(new URL('../storybook-static', import.meta.url));
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface IndexEntry {
  id: string;
  type: 'story' | 'docs';
  title: string;
  name: string;
}

function builtStories(): IndexEntry[] {
  const index = `${staticDir}/index.json`;
  if (!existsSync(index)) {
    throw new Error(`${index} is missing: run \`pnpm --filter @billkit/storybook build\` first`);
  }
  const { entries } = JSON.parse(readFileSync(index, 'utf8')) as {
    entries: Record<string, IndexEntry>;
  };
  return Object.values(entries).filter((entry) => entry.type === 'story');
}

const stories = builtStories();
/** Stories shown at once (vitest's maxConcurrency is the same): 2 cores, one browser. */
const maxPages = 3;
let server: Server;
let origin: string;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  const serve = sirv(staticDir, { dev: false, etag: true });
  server = createServer((request, response) => serve(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  // One context: its pages share the HTTP cache and MSW's service worker registration.
  context = await browser.newContext({ serviceWorkers: 'allow', reducedMotion: 'reduce' });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

interface Preview {
  currentRender?: {
    id?: string;
    phase?: string;
    story?: { parameters: { billkit?: { faults?: unknown[] } } };
  };
}
interface Channel {
  emit(event: string, payload: unknown): void;
}

/**
 * Pages with the built preview loaded, reused across stories: loading iframe.html (the
 * preview's bundle, MSW's worker, the mock) is most of a story's cost, so each page opens its
 * first story by URL and the next ones through Storybook's channel, as the manager does.
 */
const idlePages: Page[] = [];
const waiting: ((page: Page) => void)[] = [];
let opened = 0;

async function acquirePage(firstStory: string): Promise<{ page: Page; loaded: boolean }> {
  const idle = idlePages.pop();
  if (idle) return { page: idle, loaded: true };
  if (opened < maxPages) {
    opened += 1;
    const page = await context.newPage();
    // a11y.manual: the a11y addon leaves axe to this test (it would run it a second time).
    await page.goto(
      `${origin}/iframe.html?id=${firstStory}&viewMode=story&globals=a11y.manual:!true`,
    );
    return { page, loaded: false };
  }
  return { page: await new Promise<Page>((resolve) => waiting.push(resolve)), loaded: true };
}

function releasePage(page: Page): void {
  const next = waiting.shift();
  if (next) next(page);
  else idlePages.push(page);
}

/** Shows the story `id` (already the page's story when just opened by URL) and waits until Storybook finished it, play function included. */
async function showStory(page: Page, id: string, loaded: boolean): Promise<void> {
  if (loaded) {
    await page.evaluate((storyId) => {
      (
        window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: Channel }
      ).__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId, viewMode: 'story' });
    }, id);
  }
  await page.waitForFunction(
    (storyId) => {
      const render = (window as unknown as { __STORYBOOK_PREVIEW__?: Preview })
        .__STORYBOOK_PREVIEW__?.currentRender;
      return render?.id === storyId && render.phase === 'finished';
    },
    id,
    { timeout: 45_000, polling: 50 },
  );
}

describe.concurrent('every built story', () => {
  test('the build has stories', () => {
    expect(stories.length).toBeGreaterThan(0);
  });

  test.each(stories.map((story) => [`${story.title} / ${story.name}`, story.id] as const))(
    '%s',
    async (_name, id) => {
      const { page, loaded } = await acquirePage(id);
      const problems: string[] = [];
      const failedResponses: string[] = [];
      const onConsole = (message: ConsoleMessage) => {
        if (message.type() !== 'error') return;
        // Chromium logs every failed response as a console error: a story's own mock faults
        // are checked against what the story asked for below; anything else is a problem.
        if (
          message
            .text()
            .startsWith('Failed to load resource: the server responded with a status of 500')
        ) {
          failedResponses.push(message.location().url);
        } else problems.push(`console error: ${message.text()} (${message.location().url})`);
      };
      const onPageError = (error: Error) => problems.push(`uncaught exception: ${error.message}`);
      page.on('console', onConsole);
      page.on('pageerror', onPageError);
      try {
        await showStory(page, id, loaded);
        const storyError = await page.evaluate(() =>
          document.body.classList.contains('sb-show-errordisplay')
            ? (document.querySelector('#error-message')?.textContent ?? 'story error') +
              (document.querySelector('#error-stack')?.textContent ?? '')
            : null,
        );
        expect(storyError, 'the story rendered and its play function passed').toBeNull();
        const faulted = await page.evaluate(() => {
          const { story } = (window as unknown as { __STORYBOOK_PREVIEW__: Preview })
            .__STORYBOOK_PREVIEW__.currentRender!;
          return (story?.parameters.billkit?.faults?.length ?? 0) > 0;
        });
        for (const url of failedResponses) {
          if (!faulted || !new URL(url).pathname.startsWith('/api/story-')) {
            problems.push(`console error: a 500 from ${url}, not a fault the story asked for`);
          }
        }

        if (!(await page.evaluate(() => 'axe' in window)))
          await page.addScriptTag({ content: axeSource });
        const { violations } = await page.evaluate(() =>
          (
            window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } }
          ).axe.run('#storybook-root', { resultTypes: ['violations'] }),
        );
        const described = violations.map(
          (violation) =>
            `${violation.id}: ${violation.help} — ${violation.nodes
              .map((node) => node.target.join(' '))
              .join(', ')}`,
        );
        expect(described, 'axe-core violations').toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        page.off('console', onConsole);
        page.off('pageerror', onPageError);
        releasePage(page);
      }
    },
  );
});
