/**
 * Renders the reference pages while Vite serves or builds them. Each `reference/<page>.html` is a
 * committed shell (head, site header, stylesheet) with the marker below where the generated
 * content goes, so nothing generated is committed and the pages always match the spec and the
 * manifest of this build.
 */
import { relative } from 'node:path';
import type { Plugin } from 'vite';
import { type ReferencePage, referencePages } from './layout.js';
import { loadSources, manifestFile, renderReferencePage } from './pages.js';

export const referenceMarker = '<!-- billkit:reference -->';

export function referencePagesPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'billkit-docs-reference',
    configResolved(config) {
      root = config.root;
    },
    configureServer(server) {
      // `vite dev`: a rebuilt @billkit/elements reloads the reference with its new manifest.
      const manifest = manifestFile();
      server.watcher.add(manifest);
      server.watcher.on('change', (file) => {
        if (file === manifest) server.ws.send({ type: 'full-reload' });
      });
    },
    transformIndexHtml: {
      order: 'pre',
      handler(source, context) {
        const page = relative(root, context.filename)
          .replaceAll('\\', '/')
          .match(/^reference\/([^/]+)\.html$/)?.[1];
        if (page === undefined) return source;
        if (!referencePages.some((known) => known.page === page)) {
          throw new Error(`reference/${page}.html: no reference page is rendered for "${page}"`);
        }
        if (!source.includes(referenceMarker)) {
          throw new Error(`reference/${page}.html has no ${referenceMarker} marker`);
        }
        const content = renderReferencePage(page as ReferencePage, loadSources());
        return source.replace(referenceMarker, () => content.text);
      },
    },
  };
}
