/** The reference's front page: the API's introduction and the way into each part. */

import { anchor, type Html, html } from '../site/html.js';
import { type ApiReference, tagHref } from './api-pages.js';
import type { CustomElement } from './elements-page.js';
import { layout } from './layout.js';

export function renderIndexPage(reference: ApiReference, elements: CustomElement[]): Html {
  const { info, servers } = reference.document;
  const securitySchemes = Object.entries(
    (reference.document.components?.securitySchemes ?? {}) as Record<
      string,
      { type?: string; scheme?: string; description?: string }
    >,
  );
  const cards = [
    [
      'api.html',
      'API operations',
      `${reference.operations.length} operations`,
      'Every endpoint with its parameters, body, responses and examples.',
    ],
    [
      'schemas.html',
      'Schemas',
      `${reference.schemas.length} schemas`,
      'Request and response bodies, field by field, with their bounds.',
    ],
    [
      'errors.html',
      'Errors',
      `${reference.codes.length} problem codes`,
      'The stable codes an operation can answer, and when.',
    ],
    [
      'elements.html',
      'Elements',
      `${elements.length} elements`,
      'Attributes, properties, events, slots, parts and CSS properties.',
    ],
  ] as const;
  return layout(
    'index',
    [
      { href: '#overview', label: 'Overview' },
      { href: '#groups', label: 'Operation groups' },
      { href: '#elements', label: 'Elements' },
    ],
    html`<header class="reference-intro">
<p class="eyebrow">Reference · ${info.title} ${info.version}</p>
<h1>billkit reference</h1>
${info.summary ? html`<p class="lead">${reference.markdown.inline(info.summary)}</p>` : ''}
</header>
<nav class="cards" aria-label="Reference parts">${cards.map(
      ([href, title, count, text]) =>
        html`<a class="card" href="${href}"><span class="card-title">${title}</span><span class="card-count">${count}</span><span class="card-text">${text}</span></a>`,
    )}</nav>
<section id="overview" aria-labelledby="overview-title">
<h2 id="overview-title">Overview</h2>
${servers?.length ? html`<dl class="facts">${servers.map((server) => html`<dt>Base URL${server.description ? html` (${server.description})` : ''}</dt><dd><code>${server.url}</code></dd>`)}</dl>` : ''}
${securitySchemes.length ? html`<dl class="facts">${securitySchemes.map(([name, scheme]) => html`<dt>Authentication <code>${name}</code></dt><dd>${scheme.type === 'http' && scheme.scheme === 'bearer' ? html`<code>Authorization: Bearer &lt;token&gt;</code>` : html`<code>${scheme.type}</code>`}${reference.markdown.block(scheme.description)}</dd>`)}</dl>` : ''}
<div class="prose">${reference.markdown.block(info.description)}</div>
</section>
<section id="groups" aria-labelledby="groups-title">
<h2 id="groups-title">Operation groups</h2>
<table class="fields"><thead><tr><th scope="col">Group</th><th scope="col">Operations</th><th scope="col">Description</th></tr></thead>
<tbody>${reference.tags.map(
      (tag) =>
        html`<tr><td class="field-name"><a href="${tagHref(tag.name)}">${tag.name}</a></td><td>${tag.operations.length}</td><td class="field-description">${reference.markdown.block(tag.description)}</td></tr>`,
    )}</tbody></table>
</section>
<section id="elements" aria-labelledby="elements-title">
<h2 id="elements-title">Elements</h2>
<table class="fields"><thead><tr><th scope="col">Element</th><th scope="col">Summary</th></tr></thead>
<tbody>${elements.map(
      ({ tagName, declaration }) =>
        html`<tr><td class="field-name"><a href="elements.html#${anchor('element', tagName)}"><code>&lt;${tagName}&gt;</code></a></td><td class="field-description">${reference.markdown.inline(declaration.summary ?? '')}</td></tr>`,
    )}</tbody></table>
</section>`,
  );
}
