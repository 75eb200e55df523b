/**
 * Validates requests (path, query, headers, body) and responses against the
 * bundled OpenAPI document with Ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses).
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import {
  escapePointerToken,
  type Located,
  listOperations,
  type OpenApiDocument,
  type OpenApiMediaType,
  type OpenApiParameter,
  type OpenApiResponse,
  type OperationEntry,
  resolve,
} from './openapi.js';
import type { FieldError } from './problem.js';

const documentId = 'billing.json';

type ParameterLocation = 'path' | 'query' | 'header';

interface CompiledOperation {
  entry: OperationEntry;
  parameters: Record<ParameterLocation, ValidateFunction>;
  /** declared parameter names per location, headers in their declared spelling */
  parameterNames: Record<ParameterLocation, string[]>;
  body?: { required: boolean; validate: ValidateFunction };
}

export interface RequestParts {
  path: Record<string, string>;
  query: URLSearchParams;
  headers: Headers;
  /** the parsed JSON body; undefined when the request has none */
  body: unknown;
}

export interface ValidatedRequest {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  errors: FieldError[];
}

/** The field error code is the failed JSON Schema keyword (`required`, `maximum`, `enum`, …). */
function fieldCode(error: ErrorObject): string {
  return error.keyword.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** The JSON Pointer of the offending value, including a missing or unknown property's name. */
function errorPointer(error: ErrorObject): string {
  const params = error.params as {
    missingProperty?: string;
    additionalProperty?: string;
    unevaluatedProperty?: string;
  };
  const property =
    params.missingProperty ?? params.additionalProperty ?? params.unevaluatedProperty;
  return property === undefined ? error.instancePath : `${error.instancePath}/${property}`;
}

/** Messages for the spec's patterns that say more than "must match pattern". */
const patternMessages: Record<string, string> = {
  '\\S': 'must not be blank',
};

function fieldMessage(error: ErrorObject): string {
  const { pattern } = error.params as { pattern?: string };
  if (error.keyword === 'pattern' && pattern !== undefined && pattern in patternMessages)
    return patternMessages[pattern] as string;
  return error.message ?? 'is invalid';
}

/** Ajv reports every failed branch of a oneOf/anyOf; keep the most specific error per pointer. */
export function toFieldErrors(errors: ErrorObject[] | null | undefined, prefix = ''): FieldError[] {
  const byPointer = new Map<string, FieldError>();
  for (const error of errors ?? []) {
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf' || error.keyword === 'if') continue;
    const pointer = `${prefix}${errorPointer(error)}`;
    if (byPointer.has(pointer)) continue;
    byPointer.set(pointer, {
      // "" is the whole body (RFC 6901); "/" would name a property called "".
      pointer,
      code: fieldCode(error),
      message: fieldMessage(error),
    });
  }
  if (byPointer.size === 0 && errors?.length) {
    const [first] = errors;
    byPointer.set(prefix, {
      pointer: prefix,
      code: 'invalid',
      message: first?.message ?? 'is invalid',
    });
  }
  return [...byPointer.values()];
}

/**
 * The most items a list in a request body may have, checked before the schemas. Ajv's
 * `allErrors` copies the error list at every `$ref` it enters, so a long list of bad items
 * costs quadratic time (70 s for 21,000 bad add-ons, which fit in 64 KiB); the contract's
 * longest `maxItems` is 50, so no valid body comes near.
 */
export const maxBodyListItems = 100;

/** A value met while walking a body, with the way back to it (its pointer, built on demand). */
interface Visit {
  value: unknown;
  parent: Visit | null;
  token: string;
}

function pointerTo(visit: Visit): string {
  const tokens: string[] = [];
  for (let at: Visit | null = visit; at?.parent; at = at.parent) tokens.push(at.token);
  return tokens
    .reverse()
    .map((token) => `/${escapePointerToken(token)}`)
    .join('');
}

/** Lists in `body` longer than `maxBodyListItems`, found without recursion (any depth is fine). */
function overlongLists(body: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const pending: Visit[] = [{ value: body, parent: null, token: '' }];
  for (let visit = pending.pop(); visit !== undefined; visit = pending.pop()) {
    const { value } = visit;
    if (Array.isArray(value) && value.length > maxBodyListItems) {
      errors.push({
        pointer: pointerTo(visit),
        code: 'max_items',
        message: `must NOT have more than ${maxBodyListItems} items`,
      });
    } else if (value !== null && typeof value === 'object') {
      for (const [token, item] of Object.entries(value)) {
        pending.push({ value: item, parent: visit, token });
      }
    }
  }
  return errors;
}

function mediaTypeOf(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export class ContractValidator {
  readonly operations: OperationEntry[];
  readonly #compiled = new Map<string, CompiledOperation>();
  /** parameters arrive as strings: this instance coerces them to their declared types */
  readonly #parameterAjv: Ajv2020;
  readonly #bodyAjv: Ajv2020;
  readonly #responseValidators = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    const createAjv = (coerceTypes: boolean) => {
      const ajv = new Ajv2020({
        strict: false,
        allErrors: true,
        coerceTypes,
        validateSchema: false,
      });
      addFormats(ajv);
      ajv.addSchema(document as object, documentId);
      return ajv;
    };
    this.#parameterAjv = createAjv(true);
    this.#bodyAjv = createAjv(false);
    this.operations = listOperations(document);
  }

  operation(operationId: string): OperationEntry {
    const entry = this.operations.find((candidate) => candidate.operationId === operationId);
    if (!entry) throw new Error(`The spec has no operation ${operationId}`);
    return entry;
  }

  #refTo(pointer: string): { $ref: string } {
    return { $ref: `${documentId}#${pointer.replace(/^#/, '')}` };
  }

  #compile(operationId: string): CompiledOperation {
    const cached = this.#compiled.get(operationId);
    if (cached) return cached;
    const entry = this.operation(operationId);
    const parameterSchema = (
      location: ParameterLocation,
      parameters: Located<OpenApiParameter>[],
    ) => {
      const ofLocation = parameters.filter(({ value }) => value.in === location);
      const key = (name: string) => (location === 'header' ? name.toLowerCase() : name);
      return this.#parameterAjv.compile({
        type: 'object',
        properties: Object.fromEntries(
          ofLocation.map(({ value, pointer }) => [
            key(value.name),
            value.schema === undefined ? {} : this.#refTo(`${pointer.slice(1)}/schema`),
          ]),
        ),
        required: ofLocation
          .filter(({ value }) => value.required)
          .map(({ value }) => key(value.name)),
      });
    };
    const names = (location: ParameterLocation) =>
      entry.parameters.filter(({ value }) => value.in === location).map(({ value }) => value.name);
    const compiled: CompiledOperation = {
      entry,
      parameters: {
        path: parameterSchema('path', entry.parameters),
        query: parameterSchema('query', entry.parameters),
        header: parameterSchema('header', entry.parameters),
      },
      parameterNames: { path: names('path'), query: names('query'), header: names('header') },
    };
    if (entry.operation.requestBody) {
      const requestBody = resolve<{
        required?: boolean;
        content: Record<string, OpenApiMediaType>;
      }>(this.document, {
        value: entry.operation.requestBody,
        pointer: `${entry.pointer}/requestBody`,
      });
      if (requestBody.value.content['application/json']?.schema !== undefined) {
        compiled.body = {
          required: requestBody.value.required === true,
          validate: this.#bodyAjv.compile(
            this.#refTo(`${requestBody.pointer.slice(1)}/content/application~1json/schema`),
          ),
        };
      }
    }
    this.#compiled.set(operationId, compiled);
    return compiled;
  }

  /**
   * A check of a schema of the mock's own (a control endpoint's body) that may `$ref` the
   * contract's (`billing.json#/components/schemas/Money`); it lists the field errors.
   */
  compile(schema: object): (value: unknown) => FieldError[] {
    const validate = this.#bodyAjv.compile(schema);
    return (value) => (validate(value) ? [] : toFieldErrors(validate.errors));
  }

  /** Whether the operation declares a header parameter (e.g. Idempotency-Key). */
  declaresHeader(operationId: string, name: string): boolean {
    return this.operation(operationId).parameters.some(
      ({ value }) => value.in === 'header' && value.name.toLowerCase() === name.toLowerCase(),
    );
  }

  hasRequestBody(operationId: string): boolean {
    return this.#compile(operationId).body !== undefined;
  }

  requestBodyRequired(operationId: string): boolean {
    return this.#compile(operationId).body?.required === true;
  }

  validateRequest(operationId: string, request: RequestParts): ValidatedRequest {
    const compiled = this.#compile(operationId);
    const path = { ...request.path };
    const query: Record<string, unknown> = {};
    for (const name of compiled.parameterNames.query) {
      const value = request.query.get(name);
      if (value !== null) query[name] = value;
    }
    const headers: Record<string, unknown> = {};
    for (const name of compiled.parameterNames.header) {
      const value = request.headers.get(name);
      if (value !== null) headers[name.toLowerCase()] = value;
    }
    let errors: FieldError[] = [];
    if (!compiled.parameters.path(path))
      errors = errors.concat(toFieldErrors(compiled.parameters.path.errors, '#/path'));
    if (!compiled.parameters.query(query))
      errors = errors.concat(toFieldErrors(compiled.parameters.query.errors, '#/query'));
    if (!compiled.parameters.header(headers)) {
      const declared = new Map(
        compiled.parameterNames.header.map((name) => [name.toLowerCase(), name]),
      );
      errors = errors.concat(
        toFieldErrors(compiled.parameters.header.errors, '#/header').map((error) => {
          const name = error.pointer.slice('#/header/'.length).split('/')[0] ?? '';
          return { ...error, pointer: `#/header/${declared.get(name) ?? name}` };
        }),
      );
    }
    // `concat`, not `push(...errors)`: a body can fail in more places than a call has arguments.
    if (compiled.body && request.body !== undefined) {
      const overlong = overlongLists(request.body);
      if (overlong.length > 0) errors = errors.concat(overlong);
      else if (!compiled.body.validate(request.body))
        errors = errors.concat(toFieldErrors(compiled.body.validate.errors));
    }
    return { path, query, headers, errors };
  }

  /**
   * Checks a response against the operation's declared responses: the status is
   * declared (or covered by `default`), the content type is declared, the body
   * matches its schema and required headers are present. Returns what is wrong.
   */
  async validateResponse(operationId: string, response: Response): Promise<string[]> {
    const entry = this.operation(operationId);
    const status = String(response.status);
    const statusKey = [status, `${status[0]}XX`, 'default'].find(
      (key) => key in entry.operation.responses,
    );
    if (statusKey === undefined) return [`status ${status} is not declared for ${operationId}`];
    const declared = resolve<OpenApiResponse>(this.document, {
      value: entry.operation.responses[statusKey]!,
      pointer: `${entry.pointer}/responses/${statusKey}`,
    });
    const problems: string[] = [];
    for (const [name, header] of Object.entries(declared.value.headers ?? {})) {
      const resolved = resolve<{ required?: boolean }>(this.document, {
        value: header,
        pointer: '',
      });
      if (resolved.value.required && !response.headers.has(name))
        problems.push(`missing header ${name}`);
    }
    const content = declared.value.content ?? {};
    const mediaType = mediaTypeOf(response.headers.get('content-type'));
    const bodyBytes = new Uint8Array(await response.arrayBuffer());
    if (Object.keys(content).length === 0) {
      if (bodyBytes.length > 0) problems.push(`status ${status} declares no body but one was sent`);
      return problems;
    }
    const media = content[mediaType];
    if (!media) {
      return [
        ...problems,
        `content type "${mediaType}" is not declared for ${status} (${Object.keys(content).join(', ')})`,
      ];
    }
    if (!mediaType.endsWith('json')) return problems;
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(bodyBytes));
    } catch {
      return [...problems, `the ${mediaType} body is not JSON`];
    }
    if (media.schema === undefined) return problems;
    const schemaPointer = `${declared.pointer.slice(1)}/content/${mediaType.replace('/', '~1')}/schema`;
    let validate = this.#responseValidators.get(schemaPointer);
    if (!validate) {
      validate = this.#bodyAjv.compile(this.#refTo(schemaPointer));
      this.#responseValidators.set(schemaPointer, validate);
    }
    if (!validate(body)) {
      for (const error of validate.errors ?? []) {
        problems.push(
          `${error.instancePath || '/'} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`,
        );
      }
    }
    return problems;
  }
}
