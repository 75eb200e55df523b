/**
 * JSON Schemas as the reference shows them: a type expression (`string | null`, `array of
 * Invoice`, with links to named schemas), the constraints in words, and a property table that
 * nests inline objects.
 */
import { anchor, type Html, html } from '../site/html.js';
import type { Markdown } from './markdown.js';
import { type Schema, schemaName } from './spec.js';

/** Enums longer than this are collapsed behind a "N values" disclosure (the 249 country codes). */
export const collapsedEnumSize = 30;

export function schemaHref(name: string): string {
  return `schemas.html#${anchor('schema', name)}`;
}

function literal(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** The type of a schema in one line, named schemas linked. */
export function typeOf(schema: Schema | undefined): Html {
  if (!schema) return html`<span class="type">any</span>`;
  const name = schemaName(schema.$ref);
  if (name) return html`<a class="type type-ref" href="${schemaHref(name)}">${name}</a>`;
  if (schema.const !== undefined) return html`<code class="type">${literal(schema.const)}</code>`;
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) return join(alternatives.map(typeOf), ' | ');
  if (schema.allOf) return join(schema.allOf.map(typeOf), ' & ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return html`<span class="type">${schema.enum ? 'enum' : 'any'}</span>`;
  return join(
    types.map((type) => {
      if (type === 'array') return html`<span class="type">array of</span> ${typeOf(schema.items)}`;
      if (
        type === 'object' &&
        !schema.properties &&
        typeof schema.additionalProperties === 'object'
      ) {
        return html`<span class="type">map of</span> ${typeOf(schema.additionalProperties)}`;
      }
      return html`<span class="type">${type}</span>${schema.format && type === 'string' ? html`<span class="format">${schema.format}</span>` : ''}`;
    }),
    ' | ',
  );
}

function join(parts: Html[], separator: string): Html {
  return html`${parts.map((part, index) => (index === 0 ? part : html`<span class="type-separator">${separator}</span>${part}`))}`;
}

/** The values of an enum as code chips; long enums collapsed. */
export function enumValues(values: unknown[]): Html {
  const chips = html`<span class="enum-values">${values.map((value) => html`<code class="enum-value">${typeof value === 'string' ? value : literal(value)}</code>`)}</span>`;
  if (values.length <= collapsedEnumSize)
    return html`<div class="constraint">One of ${chips}</div>`;
  return html`<details class="constraint enum-collapsed"><summary>One of ${values.length} values</summary>${chips}</details>`;
}

/** Bounds, pattern, default and examples, in words. */
export function constraints(schema: Schema): Html {
  const facts: Html[] = [];
  const range = (low: number | undefined, high: number | undefined, unit: string) => {
    if (low !== undefined && high !== undefined) return `${low}–${high}${unit}`;
    if (low !== undefined) return `≥ ${low}${unit}`;
    if (high !== undefined) return `≤ ${high}${unit}`;
    return undefined;
  };
  const numeric = range(schema.minimum, schema.maximum, '');
  if (numeric) facts.push(html`<span class="fact">${numeric}</span>`);
  const length = range(schema.minLength, schema.maxLength, ' characters');
  if (length) facts.push(html`<span class="fact">${length}</span>`);
  const items = range(schema.minItems, schema.maxItems, ' items');
  if (items) facts.push(html`<span class="fact">${items}</span>`);
  const properties = range(schema.minProperties, schema.maxProperties, ' properties');
  if (properties) facts.push(html`<span class="fact">${properties}</span>`);
  if (schema.pattern)
    facts.push(html`<span class="fact">pattern <code>${schema.pattern}</code></span>`);
  if (schema.default !== undefined)
    facts.push(html`<span class="fact">default <code>${literal(schema.default)}</code></span>`);
  if (schema.examples?.length)
    facts.push(
      html`<span class="fact">e.g. ${schema.examples.map((example, index) => html`${index ? ', ' : ''}<code>${typeof example === 'string' ? example : literal(example)}</code>`)}</span>`,
    );
  const enumeration = schema.enum?.filter((value) => value !== null);
  return html`${facts.length ? html`<div class="constraint">${facts}</div>` : ''}${enumeration?.length ? enumValues(enumeration) : ''}`;
}

/** The inline object a property holds, if it holds one (itself, an array's items, or a nullable one). */
function inlineObject(schema: Schema): Schema | undefined {
  if (schema.properties) return schema;
  if (schema.items?.properties) return schema.items;
  return (schema.oneOf ?? schema.anyOf)?.find((option) => option.properties);
}

/** A schema's own properties, those of the inline objects it is `allOf`, and which are required. */
export function propertiesOf(schema: Schema): {
  properties: [string, Schema][];
  required: Set<string>;
} {
  const parts = [schema, ...(schema.allOf ?? []).filter((part) => !part.$ref)];
  return {
    properties: parts.flatMap((part) => Object.entries(part.properties ?? {})),
    required: new Set(parts.flatMap((part) => part.required ?? [])),
  };
}

/** A table of an object's properties: name (required or not), type, description and constraints. */
export function propertyTable(schema: Schema, markdown: Markdown, depth = 0): Html {
  const { properties, required } = propertiesOf(schema);
  if (properties.length === 0) return html``;
  return html`<table class="fields${depth ? ' nested' : ''}">
<thead><tr><th scope="col">Property</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead>
<tbody>${properties.map(([name, property]) => {
    const nested = depth < 4 ? inlineObject(property) : undefined;
    return html`<tr>
<td class="field-name"><code>${name}</code>${required.has(name) ? html`<span class="required">required</span>` : html`<span class="optional">optional</span>`}</td>
<td class="field-type">${typeOf(property)}</td>
<td class="field-description">${markdown.block(property.description ?? property.title)}${constraints(property)}${nested && nested !== property ? constraints(nested) : ''}${nested ? propertyTable(nested, markdown, depth + 1) : ''}</td>
</tr>`;
  })}</tbody>
</table>`;
}
