// One Node project: the built Storybook (storybook-static, built by turbo before `test`) served
// over HTTP and every story opened in Chromium through playwright-core.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Stories open a few at a time in one browser: pages of one context share MSW's service worker.
    maxConcurrency: 3,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
