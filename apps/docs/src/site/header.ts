/**
 * One site header for every page: a page has `<!-- billkit:site-header -->` where the header
 * goes, and this Vite plugin renders it when the page is served or built, with the section the
 * page belongs to marked `aria-current="page"`. A new section is one line in `sections`.
 */
import type { Plugin } from 'vite';
import { type Html, html } from './html.js';

export const sections = [
  {
    label: 'Billing page',
    href: '/',
    owns: (path: string) => path === '/' || path === '/index.html',
  },
  { label: 'Guides', href: '/guides/', owns: (path: string) => path.startsWith('/guides/') },
  {
    label: 'Reference',
    href: '/reference/',
    owns: (path: string) => path.startsWith('/reference/'),
  },
  {
    label: 'API explorer',
    href: '/api-explorer.html',
    owns: (path: string) => path === '/api-explorer.html',
  },
];

const marker = '<!-- billkit:site-header -->';

/** The header of the page at `path` (as served: `/guides/react.html`). */
export function siteHeader(path: string): Html {
  return html`<header class="site-header">
      <a class="brand" href="/"><span class="brand-mark" aria-hidden="true">bk</span> billkit</a>
      <nav aria-label="Docs">
        ${sections.map(
          ({ label, href, owns }) =>
            html`<a href="${href}"${owns(path) && html` aria-current="page"`}>${label}</a>`,
        )}
      </nav>
    </header>`;
}

export function siteHeaderPlugin(): Plugin {
  return {
    name: 'billkit-docs-site-header',
    transformIndexHtml: {
      order: 'pre',
      handler(page, { path }) {
        if (!page.includes(marker)) throw new Error(`${path}: no ${marker}`);
        return page.replace(marker, siteHeader(path).text);
      },
    },
  };
}
