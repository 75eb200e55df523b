/** The frame every reference page shares: a table of contents beside the content. */
import { type Html, html } from '../site/html.js';

export interface TocEntry {
  href: string;
  label: Html | string;
  children?: TocEntry[];
}

/** The reference's own pages, in the order the section nav lists them. */
export const referencePages = [
  { page: 'index', href: 'index.html', label: 'Overview' },
  { page: 'api', href: 'api.html', label: 'API operations' },
  { page: 'schemas', href: 'schemas.html', label: 'Schemas' },
  { page: 'errors', href: 'errors.html', label: 'Errors' },
  { page: 'elements', href: 'elements.html', label: 'Elements' },
] as const;

export type ReferencePage = (typeof referencePages)[number]['page'];

function tocList(entries: TocEntry[]): Html {
  return html`<ul>${entries.map(
    (entry) =>
      html`<li><a href="${entry.href}">${entry.label}</a>${entry.children?.length ? tocList(entry.children) : ''}</li>`,
  )}</ul>`;
}

export function layout(current: ReferencePage, toc: TocEntry[], content: Html): Html {
  return html`<div class="reference">
<aside class="reference-sidebar">
<nav class="reference-sections" aria-label="Reference">${referencePages.map(
    ({ page, href, label }) =>
      html`<a href="${href}"${page === current ? html` aria-current="page"` : ''}>${label}</a>`,
  )}</nav>
${toc.length ? html`<nav class="reference-toc" aria-label="On this page">${tocList(toc)}</nav>` : ''}
</aside>
<main id="main" class="reference-content">
${content}
</main>
</div>`;
}
