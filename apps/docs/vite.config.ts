import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from './csp.js';
import { guideExamples } from './src/guides/include-examples.js';
import { referencePagesPlugin } from './src/reference/plugin.js';
import { siteHeaderPlugin } from './src/site/header.js';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/**
 * Every page of the site: the HTML files at the root and in the page folders (guides,
 * reference), so a new page only needs its file. Keys are the paths without `.html`.
 */
function pages(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const folder of ['', 'guides/', 'reference/']) {
    if (!existsSync(page(folder || '.'))) continue;
    for (const file of readdirSync(page(folder || '.'))) {
      if (file.endsWith('.html'))
        entries[`${folder}${file.slice(0, -5)}`] = page(`${folder}${file}`);
    }
  }
  return entries;
}

/** `vite preview` serves every file with its Content-Security-Policy (csp.ts). */
function cspHeaders(): Plugin {
  return {
    name: 'billkit-docs-csp',
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        response.setHeader('Content-Security-Policy', contentSecurityPolicy(request.url ?? '/'));
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [
    cspHeaders(),
    siteHeaderPlugin(),
    guideExamples(fileURLToPath(new URL('.', import.meta.url))),
    referencePagesPlugin(),
  ],
  server: { host: '127.0.0.1', port: 5173 },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    rollupOptions: { input: pages() },
  },
});
