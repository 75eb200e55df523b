// Two projects: Node tests, and one browser test proving the mock runs under MSW's
// service worker in Chromium. Chromium is found by the repo's scripts/chromium.mjs.
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { headlessChromium } from '../../scripts/chromium.mjs';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // The first PDF in the page imports the writer and a 1.9 MB font module through Vite.
          testTimeout: 60_000,
          browser: headlessChromium(playwright),
        },
      },
    ],
  },
});
