// Two projects: the elements in Chromium against the mock under MSW's service worker
// (src/**/*.test.ts, beside each element), and Node tests that drive Chromium themselves
// through playwright-core against the built bundle (test/node: a strict-CSP page).
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { headlessChromium } from '../../scripts/chromium.mjs';

export default defineConfig({
  // Pre-bundled up front, so Vite never reloads the page mid-run to add one.
  optimizeDeps: {
    include: [
      'lit',
      'lit/decorators.js',
      'lit/directives/if-defined.js',
      '@lit/context',
      '@lit/task',
      '@lit/localize',
      'msw/browser',
      'msw',
      'axe-core',
      '@billkit/mocks',
      '@billkit/sdk',
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['src/**/*.test.ts'],
          browser: headlessChromium(playwright),
          testTimeout: 20_000,
          // Conditions are awaited, not timed: a busy CI machine gets longer to meet them.
          expect: { poll: { timeout: 5_000 } },
        },
      },
      {
        extends: true,
        test: { name: 'node', include: ['test/node/**/*.test.ts'], testTimeout: 60_000 },
      },
    ],
  },
});
