/** The path of a Chromium executable that exists: $CHROMIUM_PATH, /usr/bin/chromium, or playwright's own. */
export function findChromium(): string | undefined;
/** Launch flags that keep Chromium quiet on machines without outside network. */
export const chromiumArgs: string[];
