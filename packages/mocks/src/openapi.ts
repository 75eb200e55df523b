/** The slice of an OpenAPI 3.1 document the mock reads, and $ref resolution within it. */

export interface OpenApiReference {
  $ref: string;
}

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: unknown;
}

export interface OpenApiMediaType {
  schema?: unknown;
}

export interface OpenApiResponse {
  content?: Record<string, OpenApiMediaType>;
  headers?: Record<string, { required?: boolean; schema?: unknown } | OpenApiReference>;
}

export interface OpenApiOperation {
  operationId?: string;
  parameters?: (OpenApiParameter | OpenApiReference)[];
  requestBody?:
    | { required?: boolean; content: Record<string, OpenApiMediaType> }
    | OpenApiReference;
  responses: Record<string, OpenApiResponse | OpenApiReference>;
}

export type OpenApiPathItem = Partial<Record<HttpMethod, OpenApiOperation>> & {
  parameters?: (OpenApiParameter | OpenApiReference)[];
};

export interface OpenApiDocument {
  openapi: string;
  servers?: { url: string }[];
  paths: Record<string, OpenApiPathItem>;
  components?: Record<string, Record<string, unknown>>;
}

export const httpMethods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
export type HttpMethod = (typeof httpMethods)[number];

/** A value found in the document, with the JSON Pointer it was found at. */
export interface Located<T> {
  value: T;
  pointer: string;
}

/** One JSON Pointer token (RFC 6901): `~` and `/` escaped. */
export function escapePointerToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

export function pointerOf(...tokens: (string | number)[]): string {
  return `#/${tokens.map((token) => escapePointerToken(String(token))).join('/')}`;
}

function isReference(value: unknown): value is OpenApiReference {
  return typeof value === 'object' && value !== null && '$ref' in value;
}

/** Follows local `$ref`s (`#/components/...`) until a concrete object is reached. */
export function resolve<T>(
  document: OpenApiDocument,
  located: Located<T | OpenApiReference>,
): Located<T> {
  let { value, pointer } = located;
  while (isReference(value)) {
    pointer = value.$ref;
    const tokens = pointer
      .replace(/^#\//, '')
      .split('/')
      .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
    let target: unknown = document;
    for (const token of tokens) target = (target as Record<string, unknown> | undefined)?.[token];
    if (target === undefined) throw new Error(`Unresolvable $ref ${pointer}`);
    value = target as T | OpenApiReference;
  }
  return { value: value as T, pointer };
}

export interface OperationEntry {
  operationId: string;
  method: HttpMethod;
  /** the OpenAPI path template, e.g. `/teams/{teamId}/invoices/{invoiceId}` */
  path: string;
  operation: OpenApiOperation;
  pointer: string;
  parameters: Located<OpenApiParameter>[];
}

/** Every operation of the document, with path-level and operation-level parameters merged. */
export function listOperations(document: OpenApiDocument): OperationEntry[] {
  const entries: OperationEntry[] = [];
  for (const [path, pathItem] of Object.entries(document.paths)) {
    const pathParameters = (pathItem.parameters ?? []).map((parameter, index) =>
      resolve<OpenApiParameter>(document, {
        value: parameter,
        pointer: pointerOf('paths', path, 'parameters', index),
      }),
    );
    for (const method of httpMethods) {
      const operation = pathItem[method];
      if (!operation?.operationId) continue;
      const pointer = pointerOf('paths', path, method);
      const ownParameters = (operation.parameters ?? []).map((parameter, index) =>
        resolve<OpenApiParameter>(document, {
          value: parameter,
          pointer: `${pointer}/parameters/${index}`,
        }),
      );
      const overridden = new Set(ownParameters.map(({ value }) => `${value.in}:${value.name}`));
      const parameters = [
        ...pathParameters.filter(({ value }) => !overridden.has(`${value.in}:${value.name}`)),
        ...ownParameters,
      ];
      entries.push({
        operationId: operation.operationId,
        method,
        path,
        operation,
        pointer,
        parameters,
      });
    }
  }
  return entries;
}
