/** The API reference pages, rendered from the OpenAPI document: operations, schemas, errors. */
import { anchor, type Html, html } from '../site/html.js';
import { layout, type TocEntry } from './layout.js';
import { createMarkdown, type Markdown } from './markdown.js';
import { constraints, propertiesOf, propertyTable, schemaHref, typeOf } from './schema-view.js';
import {
  deref,
  type Example,
  type Header,
  type MediaType,
  operationsByTag,
  type ProblemCode,
  problemCodes,
  type ReferenceDocument,
  type ReferenceOperation,
  type Schema,
  schemaName,
  schemas,
  type Tag,
} from './spec.js';

export const operationHref = (id: string) => `api.html#${anchor('op', id)}`;
export const codeHref = (code: string) => `errors.html#${anchor('code', code)}`;
export const tagHref = (tag: string) => `api.html#${anchor('tag', tag)}`;

/** What the API pages are made of, derived once per document. */
export interface ApiReference {
  document: ReferenceDocument;
  tags: Tag[];
  operations: ReferenceOperation[];
  schemas: [string, Schema][];
  codes: ProblemCode[];
  markdown: Markdown;
}

export function apiReference(document: ReferenceDocument): ApiReference {
  const tags = operationsByTag(document);
  const operations = tags.flatMap((tag) => tag.operations);
  const codes = problemCodes(document, tags);
  const operationIds = new Set(operations.map((operation) => operation.id));
  const schemaNames = new Set(schemas(document).map(([name]) => name));
  const codeNames = new Set(codes.map(({ code }) => code));
  // `applySubscriptionChange`, `ChangeQuote` or `version_conflict` (also `409 version_conflict`)
  // in a description is a link.
  const markdown = createMarkdown((code) => {
    if (operationIds.has(code)) return operationHref(code);
    if (schemaNames.has(code)) return schemaHref(code);
    const problem = code.replace(/^\d{3} /, '');
    if (codeNames.has(problem)) return codeHref(problem);
    return undefined;
  });
  return { document, tags, operations, schemas: schemas(document), codes, markdown };
}

export function methodBadge(method: string): Html {
  return html`<span class="method method-${method}">${method.toUpperCase()}</span>`;
}

/** The path with its `{parameters}` marked. */
export function pathView(path: string): Html {
  return html`<code class="path">${path
    .split(/(\{[^}]+\})/)
    .map((part) =>
      part.startsWith('{') ? html`<span class="path-param">${part}</span>` : part,
    )}</code>`;
}

function statusClass(status: string): string {
  return status === 'default' ? 'status-5xx' : `status-${status[0]}xx`;
}

function json(value: unknown): Html {
  return html`<pre class="code-block"><code>${JSON.stringify(value, null, 2)}</code></pre>`;
}

function examplesView(reference: ApiReference, media: MediaType, label: string): Html {
  const named = Object.entries(media.examples ?? {}).map(
    ([name, value]) => [name, deref<Example>(reference.document, value)] as const,
  );
  if (media.example !== undefined) named.push(['example', { value: media.example }]);
  return html`${named.map(
    ([name, example]) => html`<details class="example">
<summary><span class="example-label">${label}</span> <code>${name}</code>${example.summary ? html` — ${example.summary}` : ''}</summary>
${reference.markdown.block(example.description)}${json(example.value)}
</details>`,
  )}`;
}

/**
 * A body's schema: a link to the named schema, with its properties when `expand` (request bodies,
 * whose fields the caller writes), or the inline object's properties.
 */
function bodySchema(reference: ApiReference, schema: Schema | undefined, expand = false): Html {
  if (!schema) return html``;
  const named = schemaName(schema.$ref);
  const target = named ? deref<Schema>(reference.document, schema) : schema;
  const properties = propertiesOf(target).properties.length > 0;
  return html`${named || !properties ? html`<p class="body-type"><span class="label">Body</span> ${typeOf(schema)}</p>` : ''}${
    !named ? constraints(schema) : ''
  }${properties && (expand || !named) ? propertyTable(target, reference.markdown) : ''}`;
}

function parametersView(reference: ApiReference, operation: ReferenceOperation): Html {
  if (operation.parameters.length === 0) return html``;
  return html`<h4>Parameters</h4>
<table class="fields">
<thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead>
<tbody>${operation.parameters.map(
    (parameter) => html`<tr>
<td class="field-name"><code>${parameter.name}</code>${parameter.required ? html`<span class="required">required</span>` : html`<span class="optional">optional</span>`}</td>
<td><span class="location">${parameter.in}</span></td>
<td class="field-type">${typeOf(parameter.schema)}</td>
<td class="field-description">${reference.markdown.block(parameter.description)}${parameter.schema ? constraints(parameter.schema) : ''}${parameter.example === undefined ? '' : html`<div class="constraint"><span class="fact">e.g. <code>${typeof parameter.example === 'string' ? parameter.example : JSON.stringify(parameter.example)}</code></span></div>`}</td>
</tr>`,
  )}</tbody>
</table>`;
}

function requestBodyView(reference: ApiReference, operation: ReferenceOperation): Html {
  const body = operation.operation.requestBody;
  if (!body) return html``;
  return html`<h4>Request body ${body.required ? html`<span class="required">required</span>` : html`<span class="optional">optional</span>`}</h4>
${reference.markdown.block(body.description)}
${Object.entries(body.content ?? {}).map(
  ([type, media]) => html`<p class="media-type"><code>${type}</code></p>
${bodySchema(reference, media.schema, true)}
${examplesView(reference, media, 'Request')}`,
)}`;
}

function headersView(reference: ApiReference, headers: Record<string, Header | { $ref: string }>) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return html``;
  return html`<dl class="response-headers">${entries.map(([name, value]) => {
    const header = deref<Header>(reference.document, value);
    return html`<dt><code>${name}</code> ${typeOf(header.schema)}</dt><dd>${reference.markdown.block(header.description)}</dd>`;
  })}</dl>`;
}

function responsesView(reference: ApiReference, operation: ReferenceOperation): Html {
  return html`<h4>Responses</h4>
<div class="responses">${operation.responses.map(
    ({
      status,
      response,
      codes,
    }) => html`<div class="response" id="${anchor(`op-${operation.id}`, status)}">
<div class="response-head"><span class="status ${statusClass(status)}">${status}</span>${Object.keys(response.content ?? {}).map((type) => html`<code class="media-type">${type}</code>`)}</div>
<div class="response-body">
${reference.markdown.block(response.description)}
${codes.length ? html`<p class="problem-codes"><span class="label">Problem codes</span>${codes.map((code) => html`<a class="problem-code" href="${codeHref(code)}"><code>${code}</code></a>`)}</p>` : ''}
${headersView(reference, response.headers ?? {})}
${Object.values(response.content ?? {}).map((media) => html`${bodySchema(reference, media.schema)}${examplesView(reference, media, 'Response')}`)}
</div>
</div>`,
  )}</div>`;
}

function operationView(reference: ApiReference, operation: ReferenceOperation): Html {
  const { operation: definition } = operation;
  return html`<section class="operation" id="${anchor('op', operation.id)}" aria-labelledby="${anchor('op', operation.id)}-title">
<h3 id="${anchor('op', operation.id)}-title"><a class="heading-link" href="#${anchor('op', operation.id)}">${definition.summary ?? operation.id}</a>${definition.deprecated ? html` <span class="deprecated">deprecated</span>` : ''}</h3>
<p class="endpoint">${methodBadge(operation.method)}${pathView(operation.path)}</p>
<p class="operation-id">operationId <code>${operation.id}</code></p>
<div class="prose">${reference.markdown.block(definition.description)}</div>
${parametersView(reference, operation)}
${requestBodyView(reference, operation)}
${responsesView(reference, operation)}
</section>`;
}

export function renderOperationsPage(reference: ApiReference): Html {
  const toc: TocEntry[] = reference.tags.map((tag) => ({
    href: `#${anchor('tag', tag.name)}`,
    label: tag.name,
    children: tag.operations.map((operation) => ({
      href: `#${anchor('op', operation.id)}`,
      label: html`${methodBadge(operation.method)} ${operation.operation.summary ?? operation.id}`,
    })),
  }));
  return layout(
    'api',
    toc,
    html`<header class="reference-intro">
<p class="eyebrow">${reference.document.info.title} ${reference.document.info.version}</p>
<h1>API operations</h1>
<p>${reference.operations.length} operations in ${reference.tags.length} groups. Every path is relative to the base URL${reference.document.servers?.[0] ? html` <code>${reference.document.servers[0].url}</code>` : ''}; every request carries <code>Authorization: Bearer &lt;token&gt;</code>.</p>
</header>
${reference.tags.map(
  (
    tag,
  ) => html`<section class="tag" id="${anchor('tag', tag.name)}" aria-labelledby="${anchor('tag', tag.name)}-title">
<h2 id="${anchor('tag', tag.name)}-title">${tag.name}</h2>
<div class="prose">${reference.markdown.block(tag.description)}</div>
<table class="endpoint-list"><tbody>${tag.operations.map(
    (operation) =>
      html`<tr><td>${methodBadge(operation.method)}</td><td><a href="#${anchor('op', operation.id)}">${pathView(operation.path)}</a></td><td>${operation.operation.summary ?? ''}</td></tr>`,
  )}</tbody></table>
${tag.operations.map((operation) => operationView(reference, operation))}
</section>`,
)}`,
  );
}

function schemaView(reference: ApiReference, name: string, schema: Schema): Html {
  const alternatives = schema.oneOf ?? schema.anyOf;
  const bases = (schema.allOf ?? []).filter((part) => part.$ref);
  const { properties } = propertiesOf(schema);
  return html`<section class="schema" id="${anchor('schema', name)}" aria-labelledby="${anchor('schema', name)}-title">
<h2 id="${anchor('schema', name)}-title"><a class="heading-link" href="#${anchor('schema', name)}">${name}</a> <span class="schema-type">${properties.length ? 'object' : alternatives ? 'one of' : typeOf(schema)}</span></h2>
<div class="prose">${reference.markdown.block(schema.description ?? schema.title)}</div>
${bases.length ? html`<p class="schema-relation"><span class="label">Extends</span> ${bases.map((base) => typeOf(base))}</p>` : ''}
${alternatives ? html`<p class="schema-relation"><span class="label">One of</span></p><ul class="alternatives">${alternatives.map((option) => html`<li>${typeOf(option)}${!option.$ref && option.description ? html` — ${reference.markdown.inline(option.description)}` : ''}</li>`)}</ul>` : ''}
${constraints(schema)}
${propertyTable(schema, reference.markdown)}
</section>`;
}

export function renderSchemasPage(reference: ApiReference): Html {
  const sorted = [...reference.schemas].sort(([a], [b]) => a.localeCompare(b));
  return layout(
    'schemas',
    sorted.map(([name]) => ({ href: `#${anchor('schema', name)}`, label: name })),
    html`<header class="reference-intro">
<p class="eyebrow">${reference.document.info.title} ${reference.document.info.version}</p>
<h1>Schemas</h1>
<p>${sorted.length} schemas: the request and response bodies of the <a href="api.html">operations</a>, in alphabetical order. Amounts are integer minor units; dates are <code>YYYY-MM-DD</code>.</p>
</header>
${sorted.map(([name, schema]) => schemaView(reference, name, schema))}`,
  );
}

export function renderErrorsPage(reference: ApiReference): Html {
  const problem = reference.schemas.find(([name]) => name === 'Problem');
  return layout(
    'errors',
    [
      { href: '#problem-codes', label: 'Problem codes' },
      ...(problem ? [{ href: '#problem-body', label: 'The problem body' }] : []),
    ],
    html`<header class="reference-intro">
<p class="eyebrow">${reference.document.info.title} ${reference.document.info.version}</p>
<h1>Errors</h1>
<p>Every error is <code>application/problem+json</code> (RFC 9457) with a stable snake_case <code>code</code>: branch on the code, not on <code>title</code> or <code>detail</code>. These are the ${reference.codes.length} codes the operations document, with the statuses they come with and the operations that return them.</p>
</header>
<section id="problem-codes" aria-labelledby="problem-codes-title">
<h2 id="problem-codes-title">Problem codes</h2>
<table class="fields problem-table">
<thead><tr><th scope="col">Code</th><th scope="col">Status</th><th scope="col">Meaning</th><th scope="col">Returned by</th></tr></thead>
<tbody>${reference.codes.map(
      (entry) => html`<tr id="${anchor('code', entry.code)}">
<td class="field-name"><code>${entry.code}</code></td>
<td>${entry.statuses.map((status) => html`<span class="status ${statusClass(status)}">${status}</span>`)}</td>
<td class="field-description">${reference.markdown.block(entry.meaning)}</td>
<td class="returned-by">${entry.operations.length === reference.operations.length ? html`every operation` : entry.operations.map((operation) => html`<a href="${operationHref(operation.id)}"><code>${operation.id}</code></a>`)}</td>
</tr>`,
    )}</tbody>
</table>
</section>
${
  problem
    ? html`<section id="problem-body" aria-labelledby="problem-body-title">
<h2 id="problem-body-title">The problem body</h2>
<div class="prose">${reference.markdown.block(problem[1].description)}</div>
${propertyTable(problem[1], reference.markdown)}
</section>`
    : ''
}`,
  );
}
