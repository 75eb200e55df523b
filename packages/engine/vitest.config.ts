import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // The property tests run hundreds of random timelines each: a few seconds alone, but
    // turbo runs the engine's tests beside the browser suites on two cores.
    testTimeout: 30_000,
  },
});
