/**
 * What the reference pages read from the OpenAPI document: operations grouped by tag, schemas,
 * responses and the problem codes each response documents. Everything is derived from the
 * document (`billingSpec` from @billkit/mocks, the bundled contract the mock serves), so a change
 * to openapi/billing.yaml shows up on the next build.
 */
import { listOperations, type OpenApiDocument, type OperationEntry, resolve } from '@billkit/mocks';

/** A JSON Schema (OpenAPI 3.1) as the pages read it. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
}

export interface Example {
  summary?: string;
  description?: string;
  value?: unknown;
}

export interface MediaType {
  schema?: Schema;
  example?: unknown;
  examples?: Record<string, Example | { $ref: string }>;
}

export interface Header {
  description?: string;
  required?: boolean;
  schema?: Schema;
  example?: unknown;
}

export interface Response {
  description?: string;
  headers?: Record<string, Header | { $ref: string }>;
  content?: Record<string, MediaType>;
}

export interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
  example?: unknown;
}

export interface Operation {
  operationId: string;
  tags?: string[];
  summary?: string;
  description?: string;
  deprecated?: boolean;
  requestBody?: { required?: boolean; description?: string; content?: Record<string, MediaType> };
  responses: Record<string, Response | { $ref: string }>;
}

/** The OpenAPI document, with the parts the mock does not read but the reference shows. */
export type ReferenceDocument = Omit<OpenApiDocument, 'servers'> & {
  info: { title: string; version: string; summary?: string; description?: string };
  servers?: { url: string; description?: string }[];
  tags?: { name: string; description?: string }[];
};

export interface ReferenceOperation {
  id: string;
  method: string;
  path: string;
  tag: string;
  operation: Operation;
  parameters: Parameter[];
  responses: { status: string; response: Response; codes: string[] }[];
}

export interface Tag {
  name: string;
  description?: string;
  operations: ReferenceOperation[];
}

const schemaPrefix = '#/components/schemas/';

/** `Name` for a `$ref` to `#/components/schemas/Name`, else undefined. */
export function schemaName(ref: string | undefined): string | undefined {
  return ref?.startsWith(schemaPrefix) ? ref.slice(schemaPrefix.length) : undefined;
}

/** Follows `$ref`s to the object they name. */
export function deref<T>(document: OpenApiDocument, value: T | { $ref: string }): T {
  return resolve<T>(document, { value, pointer: '#' }).value;
}

export function schemas(document: ReferenceDocument): [string, Schema][] {
  return Object.entries((document.components?.schemas ?? {}) as Record<string, Schema>);
}

/** `2xx` before `4xx` before `default`, numerically. */
function byStatus(a: string, b: string): number {
  const rank = (status: string) => (status === 'default' ? 1000 : Number.parseInt(status, 10));
  return rank(a) - rank(b);
}

/**
 * The words a schema gives meaning to: property names and enum / const values. A backticked word
 * in an error response's description that is one of these (`quote`, `past_due`) names a field or
 * a state, not a problem code.
 */
function schemaVocabulary(document: ReferenceDocument): Set<string> {
  const words = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const schema = value as Schema;
    for (const name of Object.keys(schema.properties ?? {})) words.add(name);
    for (const option of schema.enum ?? []) if (typeof option === 'string') words.add(option);
    if (typeof schema.const === 'string') words.add(schema.const);
    for (const child of Object.values(value)) visit(child);
  };
  visit(document.components?.schemas);
  return words;
}

/**
 * The problem codes an error response documents. The spec names them in two places: the `code`
 * of each problem example, and in backticks in the response's description ("Codes:
 * `team_not_found`, `invoice_not_found`"). A backticked snake_case word counts unless it is a
 * property name or enum value of a schema (`past_due` is a status, `quote` a member).
 */
export function problemCodesOf(
  document: ReferenceDocument,
  response: Response,
  vocabulary: Set<string> = schemaVocabulary(document),
): string[] {
  const codes = new Set<string>();
  for (const media of Object.values(response.content ?? {})) {
    for (const example of Object.values(media.examples ?? {})) {
      const code = (deref<Example>(document, example).value as { code?: unknown } | undefined)
        ?.code;
      if (typeof code === 'string') codes.add(code);
    }
  }
  for (const [, word] of (response.description ?? '').matchAll(/`([a-z][a-z0-9_]*)`/g)) {
    if (word && !vocabulary.has(word)) codes.add(word);
  }
  return [...codes];
}

/** Every operation, in the order of the document's tags (then untagged ones under "other"). */
export function operationsByTag(document: ReferenceDocument): Tag[] {
  const vocabulary = schemaVocabulary(document);
  const tags = new Map<string, Tag>(
    (document.tags ?? []).map((tag) => [tag.name, { ...tag, operations: [] }]),
  );
  for (const entry of listOperations(document)) {
    const operation = entry.operation as unknown as Operation;
    const tag = operation.tags?.[0] ?? 'other';
    if (!tags.has(tag)) tags.set(tag, { name: tag, operations: [] });
    tags.get(tag)!.operations.push(referenceOperation(document, entry, tag, vocabulary));
  }
  return [...tags.values()].filter((tag) => tag.operations.length > 0);
}

function referenceOperation(
  document: ReferenceDocument,
  entry: OperationEntry,
  tag: string,
  vocabulary: Set<string>,
): ReferenceOperation {
  const operation = entry.operation as unknown as Operation;
  const responses = Object.entries(operation.responses)
    .sort(([a], [b]) => byStatus(a, b))
    .map(([status, value]) => {
      const response = deref<Response>(document, value);
      const isError = status === 'default' || Number.parseInt(status, 10) >= 400;
      return {
        status,
        response,
        codes: isError ? problemCodesOf(document, response, vocabulary) : [],
      };
    });
  return {
    id: entry.operationId,
    method: entry.method,
    path: entry.path,
    tag,
    operation,
    parameters: entry.parameters.map(({ value }) => value as Parameter),
    responses,
  };
}

export interface ProblemCode {
  code: string;
  statuses: string[];
  /** What the spec says about it: the shared response that documents it, or an example's detail. */
  meaning?: string;
  operations: ReferenceOperation[];
}

/** Every problem code the operations document, with its statuses and the operations returning it. */
export function problemCodes(document: ReferenceDocument, tags: Tag[]): ProblemCode[] {
  const codes = new Map<string, ProblemCode>();
  const sharedResponses = Object.values(
    (document.components?.responses ?? {}) as Record<string, Response>,
  );
  for (const operation of tags.flatMap((tag) => tag.operations)) {
    for (const { status, response, codes: documented } of operation.responses) {
      for (const code of documented) {
        const entry = codes.get(code) ?? { code, statuses: [], operations: [] };
        if (!entry.statuses.includes(status)) entry.statuses.push(status);
        if (!entry.operations.includes(operation)) entry.operations.push(operation);
        entry.meaning ??= meaningOf(document, code, response, sharedResponses);
        codes.set(code, entry);
      }
    }
  }
  for (const entry of codes.values()) entry.statuses.sort(byStatus);
  return [...codes.values()].sort(
    (a, b) => byStatus(a.statuses[0]!, b.statuses[0]!) || a.code.localeCompare(b.code),
  );
}

function meaningOf(
  document: ReferenceDocument,
  code: string,
  response: Response,
  sharedResponses: Response[],
): string | undefined {
  const mentions = (candidate: Response) => candidate.description?.includes(`\`${code}\``);
  const shared = sharedResponses.find(mentions);
  if (shared?.description) return shared.description;
  for (const media of Object.values(response.content ?? {})) {
    for (const value of Object.values(media.examples ?? {})) {
      const example = deref<Example>(document, value);
      const body = example.value as { code?: unknown; detail?: unknown } | undefined;
      if (body?.code === code) {
        return typeof body.detail === 'string' ? body.detail : example.summary;
      }
    }
  }
  return mentions(response) ? response.description : undefined;
}
