// The end-to-end suite: the built app (`vite build` first) under `vite preview` with its CSP,
// driven as a user in the system Chromium through playwright-core. One browser; the journeys
// run one after another (a fresh page each), so two cores are enough.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // Building a scenario's team and running its billing calendar take seconds on a busy CI.
    expect: { poll: { timeout: 15_000 } },
  },
});
