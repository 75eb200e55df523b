import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The policy the built app is served with (`vite preview`), and that it must work under: scripts
 * and styles only from this origin (no inline script or style, no eval), MSW's service worker
 * from this origin too. PDFs open as blob: URLs.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

export default defineConfig({
  server: { host: '127.0.0.1', port: 5173 },
  preview: { headers: { 'Content-Security-Policy': contentSecurityPolicy } },
  build: {
    target: 'es2022',
    rollupOptions: {
      input: { main: page('index.html'), apiExplorer: page('api-explorer.html') },
    },
  },
});
