// Finds the Chromium that browser tests drive. Order: $CHROMIUM_PATH, Debian's
// /usr/bin/chromium, then playwright's own download (if one was ever installed).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function playwrightChromium() {
  try {
    const { chromium } = require('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** @returns {string | undefined} the path of a Chromium executable that exists */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return playwrightChromium();
}

/** Launch flags that keep Chromium quiet on machines without outside network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Vitest `test.browser` options for headless Chromium. The caller passes
 * `playwright` from `@vitest/browser-playwright`, which lives in its own package.
 * @param {(options: { launchOptions: object }) => unknown} playwright
 */
export function headlessChromium(playwright) {
  return {
    enabled: true,
    headless: true,
    instances: [{ browser: 'chromium' }],
    provider: playwright({ launchOptions: { executablePath: findChromium(), args: chromiumArgs } }),
  };
}
