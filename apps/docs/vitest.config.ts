// Two projects: the pages' elements in Chromium on the mock under MSW's service worker (test/,
// Vitest browser mode), and Node tests that serve the built app with `vite preview` and drive
// Chromium through playwright-core (test/node: the strict Content-Security-Policy).
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { headlessChromium } from '../../scripts/chromium.mjs';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/*.test.ts'],
          browser: headlessChromium(playwright),
          // A new scenario builds its team in the backend worker: allow it a few seconds on a busy CI.
          expect: { poll: { timeout: 5_000 } },
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          // The own-backend guide's contract test is an example file, run as shown.
          include: ['test/node/**/*.test.ts', 'examples/**/*.test.ts'],
          testTimeout: 60_000,
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
