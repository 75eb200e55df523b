/**
 * The reference pages' generator (src/reference), fed the real spec and manifest and fragments of
 * them: everything the sources define is rendered, text is escaped, and a change to the sources
 * shows up. Every expectation is derived from the sources, never a hard-coded list.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { billingSpec, listOperations } from '@billkit/mocks';
import { describe, expect, test } from 'vitest';
import {
  apiReference,
  renderErrorsPage,
  renderOperationsPage,
} from '../../src/reference/api-pages.js';
import { type CustomElementsManifest, customElements } from '../../src/reference/elements-page.js';
import { type ReferencePage, referencePages } from '../../src/reference/layout.js';
import { createMarkdown } from '../../src/reference/markdown.js';
import {
  loadSources,
  type ReferenceSources,
  renderReferencePage,
} from '../../src/reference/pages.js';
import { referenceMarker, referencePagesPlugin } from '../../src/reference/plugin.js';
import { collapsedEnumSize } from '../../src/reference/schema-view.js';
import { problemCodesOf, type ReferenceDocument, type Schema } from '../../src/reference/spec.js';
import { anchor, escapeHtml } from '../../src/site/html.js';

const require = createRequire(import.meta.url);
const spec = billingSpec as ReferenceDocument;
const manifest: CustomElementsManifest = JSON.parse(
  readFileSync(require.resolve('@billkit/elements/custom-elements.json'), 'utf8'),
);

const render = (page: ReferencePage, sources: Partial<ReferenceSources> = {}) =>
  renderReferencePage(page, { spec, manifest, elementsExports: {}, ...sources }).text;

/** The HTML of the section with this id (up to the next section of its kind). */
function section(page: string, id: string): string {
  const start = page.indexOf(`id="${id}"`);
  expect(start, `no element with id ${id}`).toBeGreaterThan(-1);
  const end = page.indexOf('<section class="', start);
  return page.slice(start, end === -1 ? undefined : end);
}

/** Every `code` of a problem example anywhere in the document, found by walking it. */
function exampleProblemCodes(document: unknown): Set<string> {
  const codes = new Set<string>();
  const visit = (value: unknown, inProblem: boolean) => {
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, inProblem);
      return;
    }
    const record = value as Record<string, unknown>;
    if (inProblem && 'value' in record) {
      const code = (record.value as { code?: unknown } | null)?.code;
      if (typeof code === 'string') codes.add(code);
    }
    for (const [key, child] of Object.entries(record)) {
      visit(child, inProblem || key === 'application/problem+json');
    }
  };
  visit(document, false);
  // Shared examples are referenced from problem responses: follow them by name.
  const examples = (spec.components?.examples ?? {}) as Record<string, { value?: unknown }>;
  const referenced = JSON.stringify(document).matchAll(/#\/components\/examples\/(\w+)/g);
  for (const [, name] of referenced) {
    const code = examples[name!]?.value as { code?: unknown; status?: unknown } | undefined;
    if (typeof code?.code === 'string' && typeof code.status === 'number') codes.add(code.code);
  }
  return codes;
}

describe('the API reference from billingSpec', () => {
  const api = render('api');

  test('renders every operation: its anchor, method, path, summary and every response status', () => {
    const operations = listOperations(spec);
    expect(operations.length).toBeGreaterThan(0);
    for (const { operationId, method, path, operation } of operations) {
      const html = section(api, anchor('op', operationId));
      expect(html).toContain(`<code>${operationId}</code>`);
      expect(html).toContain(`method-${method}">${method.toUpperCase()}<`);
      expect(html.replace(/<[^>]+>/g, '')).toContain(path);
      const summary = (operation as { summary?: string }).summary;
      if (summary) expect(html).toContain(escapeHtml(summary));
      for (const status of Object.keys(operation.responses)) {
        expect(html).toContain(`>${status}</span>`);
      }
      for (const { value: parameter } of listOperations(spec).find(
        (entry) => entry.operationId === operationId,
      )!.parameters) {
        expect(html).toContain(`<code>${parameter.name}</code>`);
      }
    }
  });

  test('renders every schema with every property, and links $refs to the schema they name', () => {
    const schemas = render('schemas');
    const entries = Object.entries(spec.components!.schemas as Record<string, Schema>);
    for (const [name, schema] of entries) {
      const html = section(schemas, anchor('schema', name));
      for (const property of Object.keys(schema.properties ?? {})) {
        expect(html).toContain(`<code>${property}</code>`);
      }
    }
    for (const [, target] of JSON.stringify(spec.components!.schemas).matchAll(
      /"#\/components\/schemas\/(\w+)"/g,
    )) {
      expect(schemas).toContain(`href="schemas.html#${anchor('schema', target!)}"`);
    }
  });

  test('collapses long enums (the country codes) and lists short ones', () => {
    const schemas = render('schemas');
    const entries = Object.entries(spec.components!.schemas as Record<string, Schema>);
    const long = entries.filter(([, schema]) => (schema.enum?.length ?? 0) > collapsedEnumSize);
    const short = entries.filter(
      ([, schema]) => schema.enum && schema.enum.length <= collapsedEnumSize,
    );
    expect(long.length).toBeGreaterThan(0);
    expect(short.length).toBeGreaterThan(0);
    for (const [name, schema] of long) {
      const html = section(schemas, anchor('schema', name));
      expect(html).toContain(`<summary>One of ${schema.enum!.length} values</summary>`);
      for (const value of schema.enum!) expect(html).toContain(`>${value}</code>`);
    }
    for (const [name, schema] of short) {
      const html = section(schemas, anchor('schema', name));
      expect(html).not.toContain('enum-collapsed');
      for (const value of schema.enum!.filter((value) => value !== null)) {
        expect(html).toContain(`>${value}</code>`);
      }
    }
  });

  test('lists every problem code of the examples on the errors page, linked from the operations', () => {
    const errors = render('errors');
    const codes = exampleProblemCodes(spec.paths);
    expect(codes.size).toBeGreaterThan(5);
    for (const code of codes) {
      expect(errors).toContain(`id="${anchor('code', code)}"`);
      expect(api).toContain(`href="errors.html#${anchor('code', code)}"`);
    }
  });

  test('links operation ids, schema names and problem codes named in descriptions', () => {
    const reference = apiReference(spec);
    const [operation] = reference.operations;
    const [schema] = reference.schemas;
    const [problem] = reference.codes;
    const html = reference.markdown.block(
      `\`${operation!.id}\` returns \`${schema![0]}\` or \`409 ${problem!.code}\`; \`plain\` is code.`,
    ).text;
    expect(html).toContain(`href="api.html#${anchor('op', operation!.id)}"`);
    expect(html).toContain(`href="schemas.html#${anchor('schema', schema![0])}"`);
    expect(html).toContain(
      `href="errors.html#${anchor('code', problem!.code)}"><code>409 ${problem!.code}</code>`,
    );
    expect(html).toContain(' <code>plain</code> is code.');
  });

  test('shows each example of the spec as JSON', () => {
    const examples = spec.components!.examples as Record<string, { value: unknown }>;
    const referenced = new Set(
      [...JSON.stringify(spec.paths).matchAll(/#\/components\/examples\/(\w+)/g)].map(
        ([, name]) => name!,
      ),
    );
    for (const name of referenced) {
      expect(api).toContain(escapeHtml(JSON.stringify(examples[name]!.value, null, 2)));
    }
  });
});

describe('the elements reference from custom-elements.json', () => {
  test('renders every element with its attributes, properties, events, slots, parts and CSS properties', () => {
    const page = render('elements');
    const declarations = manifest.modules.flatMap((module) =>
      (module.declarations ?? []).filter((declaration) => declaration.customElement),
    );
    expect(declarations.length).toBeGreaterThan(0);
    for (const declaration of declarations) {
      const html = section(page, anchor('element', declaration.tagName!));
      expect(html).toContain(`&lt;${declaration.tagName}&gt;`);
      const named = [
        ...(declaration.attributes ?? []),
        ...(declaration.events ?? []),
        ...(declaration.cssParts ?? []),
        ...(declaration.cssProperties ?? []),
        ...(declaration.slots ?? []).filter((slot) => slot.name),
        ...(declaration.members ?? []).filter(
          (member) => member.kind === 'field' && !member.privacy && !member.static,
        ),
      ];
      for (const { name } of named) expect(html).toContain(`<code>${name}</code>`);
      if (declaration.slots?.some((slot) => !slot.name)) expect(html).toContain('default slot');
    }
  });

  test('gives each element the import its package exports for it', () => {
    const elementsExports = JSON.parse(
      readFileSync(require.resolve('@billkit/elements/package.json'), 'utf8'),
    ).exports;
    const page = render('elements', { elementsExports });
    for (const element of customElements(manifest, '@billkit/elements', elementsExports)) {
      expect(element.importPath).toMatch(/^@billkit\/elements\/[\w-]+\.js$/);
      expect(section(page, anchor('element', element.tagName))).toContain(
        `import '${element.importPath}';`,
      );
    }
  });
});

const attack = '<img src=x onerror="alert(1)">';
const escapedAttack = '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;';

/** A small document whose every text is the attack. */
function hostileSpec(): ReferenceDocument {
  return {
    openapi: '3.1.0',
    info: { title: attack, version: attack, summary: attack, description: attack },
    servers: [{ url: attack, description: attack }],
    tags: [{ name: 'things', description: `${attack} [click](javascript:alert(1))` }],
    paths: {
      '/things/{thingId}': {
        get: {
          operationId: 'getThing',
          tags: ['things'],
          summary: attack,
          description: attack,
          parameters: [
            {
              name: 'thingId',
              in: 'path',
              required: true,
              description: attack,
              schema: { type: 'string', pattern: attack },
            },
          ],
          responses: {
            '200': {
              description: attack,
              content: {
                'application/json': {
                  schema: { $ref: '#/components/schemas/Thing' },
                  examples: { hostile: { summary: attack, value: { name: attack } } },
                },
              },
            },
            '404': {
              description: `Not found (\`thing_missing\`). ${attack}`,
              content: {
                'application/problem+json': {
                  examples: {
                    missing: { summary: attack, value: { code: 'thing_missing', detail: attack } },
                  },
                },
              },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Thing: {
          type: 'object',
          description: attack,
          required: ['name'],
          properties: {
            name: { type: 'string', description: attack, examples: [attack], default: attack },
            kind: { type: 'string', enum: [attack, 'plain'] },
          },
        },
      },
    },
  } as unknown as ReferenceDocument;
}

function hostileManifest(): CustomElementsManifest {
  const item = { name: attack, description: attack, type: { text: attack } };
  return {
    modules: [
      {
        path: 'src/thing.ts',
        declarations: [
          {
            kind: 'class',
            name: attack,
            tagName: 'bk-thing',
            customElement: true,
            summary: attack,
            description: attack,
            attributes: [{ ...item, fieldName: attack }],
            members: [
              { ...item, kind: 'field', attribute: attack },
              { ...item, kind: 'method' },
            ],
            events: [item],
            slots: [item],
            cssParts: [item],
            cssProperties: [{ ...item, default: attack }],
          },
        ],
      },
    ],
  };
}

describe('escaping', () => {
  test.each(referencePages.map(({ page }) => page))(
    'the %s page shows markup from the spec and the manifest as text',
    (page) => {
      const html = render(page, { spec: hostileSpec(), manifest: hostileManifest() });
      expect(html).toContain(escapedAttack);
      expect(html).not.toMatch(/<img|<script|onerror="/i);
      expect(html).not.toMatch(/href="javascript:/);
    },
  );

  test('Markdown tables align with classes, not style attributes the CSP would refuse', () => {
    const html = createMarkdown().block('| a | b |\n|:-:|--:|\n| 1 | 2 |').text;
    expect(html).toContain('class="align-center"');
    expect(html).toContain('class="align-right"');
    expect(html).not.toContain('style=');
  });
});

describe('a change to the sources shows up', () => {
  test('a new operation, schema and problem code appear; a removed operation disappears', () => {
    const changed = structuredClone(spec);
    const [removedPath, removedItem] = Object.entries(changed.paths)[0]!;
    const removedIds = Object.values(removedItem as Record<string, { operationId?: string }>)
      .map((operation) => operation.operationId)
      .filter(Boolean) as string[];
    delete changed.paths[removedPath];
    (changed.paths as Record<string, unknown>)['/teams/{teamId}/widgets'] = {
      post: {
        operationId: 'jamWidget',
        tags: ['widgets'],
        summary: 'Jam a widget',
        requestBody: {
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Widget' } } },
        },
        responses: {
          '409': {
            description: 'The widget is already jammed (`widget_already_jammed`).',
            content: {
              'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
            },
          },
        },
      },
    };
    (changed.components!.schemas as Record<string, Schema>).Widget = {
      type: 'object',
      properties: { sprocketCount: { type: 'integer', minimum: 0 } },
    };

    const sources = { spec: changed };
    const api = render('api', sources);
    expect(api).toContain(`id="${anchor('op', 'jamWidget')}"`);
    expect(api).toContain(`id="${anchor('tag', 'widgets')}"`);
    for (const id of removedIds) expect(api).not.toContain(`id="${anchor('op', id)}"`);
    expect(section(render('schemas', sources), anchor('schema', 'Widget'))).toContain(
      '<code>sprocketCount</code>',
    );
    expect(section(render('errors', sources), anchor('code', 'widget_already_jammed'))).toContain(
      `href="api.html#${anchor('op', 'jamWidget')}"`,
    );
    expect(render('index', sources)).toContain(`${listOperations(changed).length} operations`);
  });

  test('a new element and event in the manifest appear', () => {
    const changed = structuredClone(manifest);
    changed.modules.push({
      path: 'src/widget-meter/widget-meter.ts',
      declarations: [
        {
          kind: 'class',
          name: 'BkWidgetMeter',
          tagName: 'bk-widget-meter',
          customElement: true,
          events: [{ name: 'bk-widget-jammed', description: 'A widget jammed.' }],
        },
      ],
    });
    const html = render('elements', { manifest: changed });
    expect(section(html, anchor('element', 'bk-widget-meter'))).toContain(
      '<code>bk-widget-jammed</code>',
    );
  });
});

describe('problem codes of a response', () => {
  test('are the examples’ codes and the backticked words that are no field or enum value', () => {
    const document = {
      ...hostileSpec(),
      components: {
        schemas: {
          Team: {
            type: 'object',
            properties: { status: { type: 'string', enum: ['past_due', 'active'] }, quote: {} },
          },
        },
      },
    } as unknown as ReferenceDocument;
    const codes = problemCodesOf(document, {
      description: 'A `past_due` team has no `quote`: `team_frozen`, or `team_gone`.',
      content: {
        'application/problem+json': { examples: { frozen: { value: { code: 'team_cold' } } } },
      },
    });
    expect(codes.sort()).toEqual(['team_cold', 'team_frozen', 'team_gone']);
  });

  test('the errors page counts each code once, with every status it comes with', () => {
    const reference = apiReference(spec);
    const page = renderErrorsPage(reference).text;
    for (const entry of reference.codes) {
      expect(page.match(new RegExp(`id="${anchor('code', entry.code)}"`, 'g'))).toHaveLength(1);
      for (const status of entry.statuses) {
        expect(section(page, anchor('code', entry.code))).toContain(`>${status}</span>`);
      }
    }
    expect(renderOperationsPage(reference).text).toContain(
      `${reference.operations.length} operations`,
    );
  });
});

describe('the Vite plugin', () => {
  const plugin = referencePagesPlugin();
  const root = '/site';
  (plugin.configResolved as (config: { root: string }) => void)({ root });
  const transform = (
    plugin.transformIndexHtml as {
      handler: (html: string, context: { filename: string }) => string;
    }
  ).handler;
  const shell = `<body><header>site</header>${referenceMarker}</body>`;

  test('fills the marker of each reference page with its content, and leaves other pages alone', () => {
    const sources = loadSources();
    for (const { page } of referencePages) {
      const html = transform(shell, { filename: `${root}/reference/${page}.html` });
      expect(html).toBe(
        `<body><header>site</header>${renderReferencePage(page, sources).text}</body>`,
      );
    }
    expect(transform(shell, { filename: `${root}/index.html` })).toBe(shell);
    expect(transform(shell, { filename: `${root}/guides/reference.html` })).toBe(shell);
  });

  test('fails the build for a reference page it cannot render or a shell without the marker', () => {
    expect(() => transform(shell, { filename: `${root}/reference/nothing.html` })).toThrow(
      /no reference page is rendered for "nothing"/,
    );
    expect(() => transform('<body></body>', { filename: `${root}/reference/api.html` })).toThrow(
      /has no <!-- billkit:reference --> marker/,
    );
  });
});
