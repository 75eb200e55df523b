/** The path of a Chromium executable that exists: $CHROMIUM_PATH, /usr/bin/chromium, or playwright's own. */
export function findChromium(): string | undefined;
/** Launch flags that keep Chromium quiet on machines without outside network. */
export const chromiumArgs: string[];
/** Vitest `test.browser` options for headless Chromium, with the caller's playwright provider. */
export function headlessChromium<Provider>(
  playwright: (options: { launchOptions: { executablePath?: string; args: string[] } }) => Provider,
): {
  enabled: true;
  headless: true;
  instances: { browser: 'chromium' }[];
  provider: Provider;
};
