/**
 * The fetch handler: one Hono app serving every operation of the spec through
 * one generic route helper (faults, auth, roles, body parsing, validation,
 * If-Match, idempotency, engine errors), plus the mock-only control routes.
 */
import { BillingError, type IsoDate, type Role } from '@billkit/engine';
import { Hono } from 'hono';
import { readJsonBody } from './body.js';
import type { TestClock } from './clock.js';
import { type FaultInjector, faultResponse } from './faults.js';
import { IdempotencyStore, requestFingerprint } from './idempotency.js';
import type { OperationEntry } from './openapi.js';
import { ProblemError, problemResponse, validationProblem } from './problem.js';
import type { BillingStore, MockTeam } from './store.js';
import { viewerFromToken } from './store.js';
import { allows, type Permission, type Viewer } from './types.js';
import type { ContractValidator } from './validation.js';

export interface MockRuntime {
  store: BillingStore;
  clock: TestClock;
  faults: FaultInjector;
  validator: ContractValidator;
  idempotency: IdempotencyStore;
  /** role of a viewer whose token names none */
  defaultRole: Role;
  /** path prefix of the API, e.g. `/v1` */
  basePath: string;
}

export interface OperationContext {
  runtime: MockRuntime;
  team: MockTeam;
  viewer: Viewer;
  path: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  today: IsoDate;
  now: Date;
  /** The operation's declared success response (200, 201 or 204 per the spec) with this body. */
  ok(body?: unknown, headers?: Record<string, string>): Response;
}

export interface OperationDefinition {
  permission: Permission;
  handle(context: OperationContext): Response | Promise<Response>;
}

export type OperationTable = Record<string, OperationDefinition>;

export function json(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
}

/** `/teams/{teamId}/invoices/{invoiceId}` → `/teams/:teamId/invoices/:invoiceId` */
function honoPath(template: string): string {
  return template.replace(/\{([^}]+)\}/g, ':$1');
}

/** The lowest 2xx status the spec declares for the operation. */
function successStatus(entry: OperationEntry): number {
  const declared = Object.keys(entry.operation.responses)
    .filter((status) => /^2\d\d$/.test(status))
    .map(Number)
    .sort((a, b) => a - b);
  return declared[0] ?? 200;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function bearerToken(request: Request): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1]?.trim() || undefined;
}

/** Engine refusals caused by a resource's state, not by the request: 409, as the spec says. */
const stateConflicts = new Set(['invoice_not_paid', 'refund_window_closed', 'nothing_to_refund']);

/**
 * Problems end an operation with their own status; the engine's BillingError is
 * a 422 with its code (and a field error when it names a field), or a 409 for a
 * state conflict; anything else is a bug, answered 500.
 */
export function errorResponse(error: unknown): Response {
  if (error instanceof ProblemError) return error.toResponse();
  if (error instanceof BillingError) {
    return problemResponse(stateConflicts.has(error.code) ? 409 : 422, error.code, {
      detail: error.message,
      ...(error.pointer === null
        ? {}
        : { errors: [{ pointer: error.pointer, code: error.code, message: error.message }] }),
    });
  }
  console.error('@billkit/mocks: unexpected error', error);
  return problemResponse(500, 'internal_error', { detail: String(error) });
}

/** What the spec says about one operation, read once (on its route's first request). */
interface RouteContract {
  entry: OperationEntry;
  successStatus: number;
  body: 'none' | 'optional' | 'required';
  ifMatch: boolean;
  idempotencyKey: boolean;
}

function routeContract(validator: ContractValidator, entry: OperationEntry): RouteContract {
  const { operationId } = entry;
  return {
    entry,
    successStatus: successStatus(entry),
    body: !validator.hasRequestBody(operationId)
      ? 'none'
      : validator.requestBodyRequired(operationId)
        ? 'required'
        : 'optional',
    ifMatch: validator.declaresHeader(operationId, 'If-Match'),
    idempotencyKey: validator.declaresHeader(operationId, 'Idempotency-Key'),
  };
}

/**
 * Runs one operation with everything the contract requires around it. Faults apply to every
 * answer: a `response` fault also loses a replay or a refusal, as a real network would.
 */
async function runOperation(
  runtime: MockRuntime,
  contract: RouteContract,
  definition: OperationDefinition,
  request: Request,
  pathParams: Record<string, string>,
): Promise<Response> {
  const { faults } = runtime;
  const { operationId } = contract.entry;
  const latency = faults.nextLatency();
  if (latency > 0) await sleep(latency);
  const requestFault = faults.pick(operationId, 'request');
  if (requestFault) return faultResponse(requestFault);
  const response = await answer(runtime, contract, definition, request, pathParams);
  const responseFault = faults.pick(operationId, 'response');
  return responseFault ? faultResponse(responseFault) : response;
}

/** Auth, roles, body, If-Match, validation and idempotency around the operation itself. */
async function answer(
  runtime: MockRuntime,
  contract: RouteContract,
  definition: OperationDefinition,
  request: Request,
  pathParams: Record<string, string>,
): Promise<Response> {
  const { validator } = runtime;
  const { entry } = contract;
  const token = bearerToken(request);
  if (token === undefined)
    return problemResponse(401, 'unauthorized', { detail: 'A bearer token is required' });
  const team = runtime.store.team(pathParams.teamId ?? '');
  if (!team)
    return problemResponse(404, 'team_not_found', { detail: `No team ${pathParams.teamId}` });
  const today = runtime.clock.today();
  const viewer = viewerFromToken(team, token, runtime.defaultRole, today);
  if (!viewer)
    return problemResponse(401, 'unauthorized', {
      detail: 'The token names no member of this team',
    });
  if (!allows(viewer.role, definition.permission)) {
    return problemResponse(403, 'forbidden', {
      detail: `A ${viewer.role} may not ${entry.operationId} (needs ${definition.permission})`,
    });
  }

  const body =
    contract.body === 'none'
      ? undefined
      : await readJsonBody(request, contract.body === 'required');
  const ifMatch = contract.ifMatch ? request.headers.get('if-match') : null;
  if (contract.ifMatch && ifMatch === null) {
    return problemResponse(428, 'precondition_required', {
      detail: 'Send If-Match with the subscription version (its ETag)',
    });
  }
  const url = new URL(request.url);
  const validated = validator.validateRequest(entry.operationId, {
    path: pathParams,
    query: url.searchParams,
    headers: request.headers,
    body,
  });
  if (validated.errors.length > 0) return validationProblem(validated.errors);

  const idempotencyKey = contract.idempotencyKey ? request.headers.get('idempotency-key') : null;
  const context: OperationContext = {
    runtime,
    team,
    viewer,
    path: pathParams,
    query: validated.query,
    body,
    today,
    now: runtime.clock.now(),
    ok: (responseBody, headers) =>
      contract.successStatus === 204
        ? new Response(null, { status: 204, headers })
        : json(responseBody, { status: contract.successStatus, headers }),
  };
  if (!idempotencyKey) return (await perform(definition, context, ifMatch)).response;
  const scope = IdempotencyStore.scope(team.id, entry.operationId, idempotencyKey);
  const fingerprint = requestFingerprint(request.method, url.pathname, body);
  return runtime.idempotency.exclusive(scope, async () => {
    const previous = runtime.idempotency.lookup(scope, fingerprint, runtime.clock.now());
    if (previous.kind === 'replay') return previous.response;
    if (previous.kind === 'reused') {
      return problemResponse(422, 'idempotency_key_reused', {
        detail: 'This Idempotency-Key was used with a different request',
        errors: [
          {
            pointer: '#/header/Idempotency-Key',
            code: 'idempotency_key_reused',
            message: 'used with a different request',
          },
        ],
      });
    }
    const { began, response } = await perform(definition, context, ifMatch);
    // Kept once the operation began executing, whatever it answered (a 402, a rule's 422), as
    // Stripe does; a refusal before that (a stale If-Match) leaves the key free for the retry
    // with the fresh version. A 5xx is not kept: the mock's are injected or bugs, not answers.
    return began && response.status < 500
      ? runtime.idempotency.save(scope, fingerprint, response, runtime.clock.now())
      : response;
  });
}

/** What `perform` answered, and whether the operation's handler ran to give that answer. */
interface Performed {
  began: boolean;
  response: Response;
}

/**
 * The operation on a validated request: its precondition (the If-Match version), then the
 * handler. The handler running is where the operation "began executing": the answers before
 * it are refusals of the request, not results of the operation.
 */
async function perform(
  definition: OperationDefinition,
  context: OperationContext,
  ifMatch: string | null,
): Promise<Performed> {
  const { team } = context;
  if (
    ifMatch !== null &&
    ifMatch.replace(/^W\//, '').replaceAll('"', '') !== String(team.version)
  ) {
    const response = problemResponse(409, 'version_conflict', {
      detail: `The subscription changed: current version is ${team.version}; reload and retry`,
    });
    return { began: false, response };
  }
  try {
    return { began: true, response: await definition.handle(context) };
  } catch (error) {
    return { began: true, response: errorResponse(error) };
  }
}

/** Names the request on its answer, so a failure can be quoted to support (the SDK's `requestId`). */
function withRequestId(response: Response, requestId: string): Response {
  // A dropped connection (`Response.error()`) has no headers to set.
  if (response.type !== 'error') response.headers.set('x-request-id', requestId);
  return response;
}

/** `405 method_not_allowed` for a path of the API asked with a method it does not serve. */
function methodNotAllowed(methods: readonly string[]): Response {
  const allowed = methods.includes('GET') ? [...methods, 'HEAD'] : [...methods];
  return problemResponse(405, 'method_not_allowed', {
    detail: `This path answers ${allowed.join(', ')}`,
    headers: { allow: allowed.join(', ') },
  });
}

export function createApp(runtime: MockRuntime, operations: OperationTable, control: Hono): Hono {
  const app = new Hono().basePath(runtime.basePath);
  let requests = 0;
  const methodsByPath = new Map<string, string[]>();
  for (const entry of runtime.validator.operations) {
    const methods = methodsByPath.get(entry.path) ?? [];
    methodsByPath.set(entry.path, [...methods, entry.method.toUpperCase()]);
    const definition = operations[entry.operationId];
    // Read on the first request, so schemas still compile only for operations in use.
    let contract: RouteContract | undefined;
    app.on(entry.method.toUpperCase(), honoPath(entry.path), async (c) => {
      const requestId = `req_${String(++requests).padStart(6, '0')}`;
      if (!definition) {
        return problemResponse(501, 'not_implemented', {
          detail: `The mock does not implement ${entry.operationId}`,
        });
      }
      contract ??= routeContract(runtime.validator, entry);
      const response = await runOperation(
        runtime,
        contract,
        definition,
        c.req.raw,
        c.req.param() as Record<string, string>,
      );
      return withRequestId(response, requestId);
    });
  }
  // After every operation's route, so these only answer the methods no operation took.
  for (const [path, methods] of methodsByPath) {
    app.all(honoPath(path), () => methodNotAllowed(methods));
  }
  app.route('/__mock', control);
  app.notFound(() => problemResponse(404, 'not_found', { detail: 'No such operation' }));
  app.onError(errorResponse);
  return app;
}
