import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { headlessChromium } from '../../scripts/chromium.mjs';

export default defineConfig({
  test: { include: ['test/**/*.test.ts'], browser: headlessChromium(playwright) },
});
