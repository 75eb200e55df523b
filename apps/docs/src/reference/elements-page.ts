/**
 * The elements reference, rendered from @billkit/elements' custom-elements.json (the Custom
 * Elements Manifest its build writes): per element its attributes, properties, methods, events,
 * slots, CSS parts and CSS custom properties, with their descriptions.
 */
import { anchor, type Html, html } from '../site/html.js';
import { layout } from './layout.js';
import { createMarkdown, type Markdown } from './markdown.js';

interface Described {
  name: string;
  description?: string;
  summary?: string;
  type?: { text: string };
}

interface Member extends Described {
  kind: 'field' | 'method';
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  readonly?: boolean;
  reflects?: boolean;
  attribute?: string;
  default?: string;
  parameters?: Described[];
  return?: { type?: { text: string } };
}

export interface ElementDeclaration extends Described {
  kind: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: (Described & { fieldName?: string; default?: string })[];
  members?: Member[];
  events?: Described[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: (Described & { default?: string; syntax?: string })[];
}

export interface CustomElementsManifest {
  modules: { path: string; declarations?: ElementDeclaration[] }[];
}

/** package.json `exports` of @billkit/elements: where each element's module is imported from. */
export type PackageExports = Record<string, string | { default?: string }>;

export interface CustomElement {
  tagName: string;
  declaration: ElementDeclaration;
  modulePath: string;
  /** The import that defines it, e.g. `@billkit/elements/plan-picker.js`, if the package exports one. */
  importPath?: string;
}

export function customElements(
  manifest: CustomElementsManifest,
  packageName = '@billkit/elements',
  exports: PackageExports = {},
): CustomElement[] {
  const importOf = (modulePath: string) => {
    const built = `./${modulePath.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js')}`;
    const subpath = Object.entries(exports).find(
      ([key, target]) =>
        key !== '.' && (typeof target === 'string' ? target : target.default) === built,
    )?.[0];
    return subpath ? `${packageName}${subpath.slice(1)}` : undefined;
  };
  return manifest.modules
    .flatMap((module) =>
      (module.declarations ?? [])
        .filter((declaration) => declaration.customElement && declaration.tagName)
        .map((declaration) => ({
          tagName: declaration.tagName!,
          declaration,
          modulePath: module.path,
          importPath: importOf(module.path),
        })),
    )
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** Public instance members: what a host may read, set or call. */
function publicMembers(declaration: ElementDeclaration, kind: Member['kind']): Member[] {
  return (declaration.members ?? []).filter(
    (member) =>
      member.kind === kind &&
      !member.static &&
      (member.privacy ?? 'public') === 'public' &&
      !member.name.startsWith('_') &&
      !member.name.startsWith('#'),
  );
}

function typeCell(type: { text: string } | undefined): Html {
  return type ? html`<code class="type">${type.text}</code>` : html``;
}

function table(
  id: string,
  title: string,
  columns: string[],
  rows: Html[],
  intro?: Html | string,
): Html {
  if (rows.length === 0) return html``;
  return html`<h3 id="${id}">${title}</h3>${intro ? html`<p class="table-intro">${intro}</p>` : ''}
<table class="fields">
<thead><tr>${columns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

function elementView(element: CustomElement, markdown: Markdown): Html {
  const { declaration, tagName } = element;
  const id = anchor('element', tagName);
  const fields = publicMembers(declaration, 'field');
  const methods = publicMembers(declaration, 'method');
  return html`<section class="element" id="${id}" aria-labelledby="${id}-title">
<h2 id="${id}-title"><a class="heading-link" href="#${id}"><code class="tag-name">&lt;${tagName}&gt;</code></a> <span class="schema-type">${declaration.name}</span></h2>
${declaration.summary ? html`<p class="lead">${markdown.inline(declaration.summary)}</p>` : ''}
<div class="prose">${markdown.block(declaration.description)}</div>
${element.importPath ? html`<pre class="code-block"><code>import '${element.importPath}';</code></pre>` : ''}
${table(
  `${id}-attributes`,
  'Attributes',
  ['Attribute', 'Type', 'Description'],
  (declaration.attributes ?? []).map(
    (attribute) => html`<tr>
<td class="field-name"><code>${attribute.name}</code>${attribute.fieldName ? html`<span class="optional">property <code>${attribute.fieldName}</code></span>` : ''}</td>
<td class="field-type">${typeCell(attribute.type)}</td>
<td class="field-description">${markdown.block(attribute.description)}${attribute.default ? html`<div class="constraint"><span class="fact">default <code>${attribute.default}</code></span></div>` : ''}</td>
</tr>`,
  ),
)}
${table(
  `${id}-properties`,
  'Properties',
  ['Property', 'Type', 'Description'],
  fields.map(
    (field) => html`<tr>
<td class="field-name"><code>${field.name}</code>${field.attribute ? html`<span class="optional">attribute <code>${field.attribute}</code></span>` : ''}${field.readonly ? html`<span class="optional">read-only</span>` : ''}${field.reflects ? html`<span class="optional">reflects</span>` : ''}</td>
<td class="field-type">${typeCell(field.type)}</td>
<td class="field-description">${markdown.block(field.description)}</td>
</tr>`,
  ),
)}
${table(
  `${id}-methods`,
  'Methods',
  ['Method', 'Returns', 'Description'],
  methods.map(
    (method) => html`<tr>
<td class="field-name"><code>${method.name}(${(method.parameters ?? []).map((parameter, index) => `${index ? ', ' : ''}${parameter.name}${parameter.type ? `: ${parameter.type.text}` : ''}`)})</code></td>
<td class="field-type">${typeCell(method.return?.type)}</td>
<td class="field-description">${markdown.block(method.description)}</td>
</tr>`,
  ),
)}
${table(
  `${id}-events`,
  'Events',
  ['Event', 'Type', 'Description'],
  (declaration.events ?? []).map(
    (event) => html`<tr>
<td class="field-name"><code>${event.name}</code></td>
<td class="field-type">${typeCell(event.type)}</td>
<td class="field-description">${markdown.block(event.description)}</td>
</tr>`,
  ),
)}
${table(
  `${id}-slots`,
  'Slots',
  ['Slot', 'Description'],
  (declaration.slots ?? []).map(
    (slot) => html`<tr>
<td class="field-name">${slot.name ? html`<code>${slot.name}</code>` : html`<span class="optional">default slot</span>`}</td>
<td class="field-description">${markdown.block(slot.description)}</td>
</tr>`,
  ),
)}
${table(
  `${id}-parts`,
  'CSS parts',
  ['Part', 'Description'],
  (declaration.cssParts ?? []).map(
    (part) => html`<tr>
<td class="field-name"><code>${part.name}</code></td>
<td class="field-description">${markdown.block(part.description)}</td>
</tr>`,
  ),
  html`Style them from the page with <code>${tagName}::part(name)</code>.`,
)}
${table(
  `${id}-css-properties`,
  'CSS custom properties',
  ['Property', 'Description'],
  (declaration.cssProperties ?? []).map(
    (property) => html`<tr>
<td class="field-name"><code>${property.name}</code></td>
<td class="field-description">${markdown.block(property.description)}${property.default ? html`<div class="constraint"><span class="fact">default <code>${property.default}</code></span></div>` : ''}</td>
</tr>`,
  ),
)}
</section>`;
}

const sections: [suffix: string, label: string, has: (d: ElementDeclaration) => boolean][] = [
  ['attributes', 'Attributes', (d) => Boolean(d.attributes?.length)],
  ['properties', 'Properties', (d) => publicMembers(d, 'field').length > 0],
  ['methods', 'Methods', (d) => publicMembers(d, 'method').length > 0],
  ['events', 'Events', (d) => Boolean(d.events?.length)],
  ['slots', 'Slots', (d) => Boolean(d.slots?.length)],
  ['parts', 'CSS parts', (d) => Boolean(d.cssParts?.length)],
  ['css-properties', 'CSS custom properties', (d) => Boolean(d.cssProperties?.length)],
];

export function renderElementsPage(elements: CustomElement[]): Html {
  const markdown = createMarkdown();
  return layout(
    'elements',
    elements.map(({ tagName, declaration }) => {
      const id = anchor('element', tagName);
      return {
        href: `#${id}`,
        label: html`<code>&lt;${tagName}&gt;</code>`,
        children: sections
          .filter(([, , has]) => has(declaration))
          .map(([suffix, label]) => ({ href: `#${id}-${suffix}`, label })),
      };
    }),
    html`<header class="reference-intro">
<p class="eyebrow">@billkit/elements</p>
<h1>Elements</h1>
<p>${elements.length} custom elements. Put them inside a <code>&lt;bk-billing-provider&gt;</code>, which gives them the API client, the locale and the viewer's permissions. Generated from the package's <code>custom-elements.json</code>.</p>
</header>
${elements.map((element) => elementView(element, markdown))}`,
  );
}
