// Two projects: the pages' elements and the guides' examples in Chromium on the mock under MSW's
// service worker (test/, Vitest browser mode), and Node tests that serve the built app with
// `vite preview` and drive Chromium through playwright-core (test/node: the strict
// Content-Security-Policy).
import react from '@vitejs/plugin-react';
import vue from '@vitejs/plugin-vue';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { headlessChromium } from '../../scripts/chromium.mjs';
import { billkitVueOptions } from './examples/vue/billkit-vue.js';
import { servePlainHtmlExample } from './test/examples/serve-plain-html.js';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        // The guides' examples: React 19 (TSX), Vue 3 (SFC), and the plain HTML page.
        plugins: [react(), vue(billkitVueOptions), servePlainHtmlExample()],
        // Pre-bundled up front, so no test file's first import reloads the page mid-run.
        optimizeDeps: { include: ['react', 'react/jsx-dev-runtime', 'react-dom/client', 'vue'] },
        test: {
          name: 'browser',
          include: ['test/*.test.ts', 'test/examples/*.test.{ts,tsx}'],
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
