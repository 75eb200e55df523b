// A Vite plugin for the browser tests: serves the plain HTML example as a static server would
// (no Vite transform, no injected client script), with @billkit/elements' prebuilt bundle at
// /billkit/ — the page is exactly what a host without a bundler ships.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
const folders: Record<string, string> = {
  '/billkit/': dirname(require.resolve('@billkit/elements/cdn/billkit-elements.js')),
  '/plain-html/': fileURLToPath(new URL('../../examples/plain-html/', import.meta.url)),
};
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
};

export function servePlainHtmlExample(): Plugin {
  return {
    name: 'billkit-docs-plain-html-example',
    configureServer(server) {
      server.middlewares.use(async (request, response, next) => {
        const path = (request.url ?? '').split('?')[0]!;
        const prefix = Object.keys(folders).find((p) => path.startsWith(p));
        if (!prefix) return next();
        const file = normalize(join(folders[prefix]!, path.slice(prefix.length) || 'index.html'));
        if (!file.startsWith(folders[prefix]!)) return next();
        try {
          const body = await readFile(file);
          response.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream');
          response.end(body);
        } catch {
          next();
        }
      });
    },
  };
}
