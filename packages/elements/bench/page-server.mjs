/**
 * A page server for Node-side checks that drive Chromium through playwright-core (the strict
 * CSP test, the startup benchmark, screenshots): the built elements bundled by esbuild as one
 * same-origin script, HTML pages, and optionally the billing mock under `/v1` — all from one
 * origin, so a page can run under `script-src 'self'` with no inline script at all.
 */
import { createBillingMock } from '@billkit/mocks';
import { createNodeServer, listen } from '@billkit/mocks/node';
import { build } from 'esbuild';

const packageDir = new URL('..', import.meta.url).pathname;

/**
 * Bundles `entry` (a module's source) with its imports, minified, into one ES module; dynamic
 * imports (the locale catalogs) become their own chunks, served beside it.
 * @param {string} entry @returns {Promise<Map<string, string>>} file name → contents
 */
export async function bundle(entry, name = 'app') {
  const result = await build({
    entryPoints: { [name]: 'entry:' },
    plugins: [virtualEntry(entry)],
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    outdir: '/out',
    logLevel: 'error',
  });
  return new Map(result.outputFiles.map((file) => [file.path.replace('/out/', ''), file.text]));
}

/** An esbuild plugin serving `contents` as the module `entry:` (stdin cannot be split). */
function virtualEntry(contents) {
  return {
    name: 'virtual-entry',
    setup(build) {
      build.onResolve({ filter: /^entry:$/ }, () => ({ path: 'entry', namespace: 'entry' }));
      build.onLoad({ filter: /.*/, namespace: 'entry' }, () => ({
        contents,
        resolveDir: packageDir,
        loader: 'js',
      }));
    },
  };
}

/**
 * Serves `files` (path → body; typed by extension: `.js`, `.css`, else HTML) and, when `scenario` is given, the
 * billing mock under `/v1` (team `team_acme`). Every response carries `csp` when given.
 * @param {{ files: Map<string, string>, csp?: string, scenario?: string | object, mockOptions?: object }} options
 */
export async function servePages({ files, csp, scenario, mockOptions = {} }) {
  /** @type {import('@billkit/mocks').BillingMock | undefined} */
  let mock;
  const server = createNodeServer(async (request) => {
    const { pathname } = new URL(request.url);
    if (mock && pathname.startsWith('/v1/')) return mock.handle(request);
    const body = files.get(pathname.slice(1) || 'index.html');
    if (body === undefined) return new Response('Not found', { status: 404 });
    const type = pathname.endsWith('.js')
      ? 'text/javascript'
      : pathname.endsWith('.css')
        ? 'text/css'
        : 'text/html; charset=utf-8';
    const headers = { 'content-type': type, 'cache-control': 'no-store' };
    if (csp) headers['content-security-policy'] = csp;
    return new Response(body, { headers });
  });
  const url = await listen(server, 0);
  if (scenario) mock = createBillingMock({ ...mockOptions, scenario, baseUrl: `${url}/v1` });
  return { url, mock, close: () => new Promise((resolve) => server.close(resolve)) };
}
