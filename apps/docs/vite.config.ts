import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from './csp.js';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

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
  plugins: [cspHeaders()],
  server: { host: '127.0.0.1', port: 5173 },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    rollupOptions: {
      input: { main: page('index.html'), apiExplorer: page('api-explorer.html') },
    },
  },
});
