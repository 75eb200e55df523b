/**
 * The guides show the code that is tested: a guide page names a file with
 * `<pre data-include="examples/react/BillingSettings.tsx"></pre>`, and this Vite plugin puts the
 * file's text there (escaped, in a `<code>`, with the path as its caption) when the page is
 * served or built. Static HTML: no script, nothing for the Content-Security-Policy to allow. A
 * missing file fails the build, so a guide cannot lose its code silently. The `<pre>` scrolls
 * sideways for long lines, so it takes keyboard focus (`tabindex="0"`) to be scrollable without a
 * mouse.
 */
import { readFileSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';

const includeTag = /<pre data-include="([^"]+)"><\/pre>/g;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The language a file is shown as (its extension), for the caption and any styling. */
const language = (path: string) => extname(path).slice(1) || 'text';

/** Replaces every include in `html` with the file's code; paths are relative to `root`. */
export function includeExamples(html: string, root: string): string {
  return html.replace(includeTag, (_, path: string) => {
    const file = resolve(root, path);
    if (relative(root, file).startsWith('..')) throw new Error(`include outside the app: ${path}`);
    const code = readFileSync(file, 'utf8').replace(/\n$/, '');
    return `<figure class="code" data-lang="${language(path)}"><figcaption>${escapeHtml(path)}</figcaption><pre tabindex="0"><code>${escapeHtml(code)}</code></pre></figure>`;
  });
}

export function guideExamples(root: string): Plugin {
  return {
    name: 'billkit-docs-guide-examples',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => includeExamples(html, root),
    },
  };
}
