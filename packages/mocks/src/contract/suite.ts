/**
 * The contract suite: points at any server that implements `openapi/billing.yaml` (the mock,
 * or a host's own backend) and checks, over HTTP, every operation that can be exercised without
 * the mock's controls. Every answer is validated against the bundled spec by the mock's own
 * `ContractValidator`; each check adds what the spec says beyond schemas (ETag and If-Match,
 * idempotency-key replays, problem codes and field-error pointers, bounded inputs).
 *
 * Read-only checks and refusals that cannot change anything (no token, an unknown team or id)
 * always run. Checks that change the team's data run only with `mutations: true`: point them
 * at a test team.
 */
import { maxBodyBytes } from '../body.js';
import { billingSpec } from '../spec.js';
import { ContractValidator } from '../validation.js';
import { type CallResult, ContractSession, isObject, NoAnswerError } from './session.js';

export interface ContractSuiteOptions {
  /** The API's base URL, e.g. `https://billing.example.com/v1` (operations' paths are appended). */
  baseUrl: string;
  /** A team the token may manage billing for. */
  teamId: string;
  /** A bearer token of an `admin` or `billing` viewer of that team. */
  token: string;
  /** A bearer token of a `member` of the team: checks that billing-only reads are 403 for them. */
  memberToken?: string;
  /** Also run the checks that change the team's data (a change at renewal, quotes, details). */
  mutations?: boolean;
  /** Only the checks whose name contains one of these strings. */
  only?: string[];
  /** Replaces `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Per request, default 10 000 ms. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export type CheckOutcome = 'passed' | 'failed' | 'skipped';

export interface CheckResult {
  name: string;
  outcome: CheckOutcome;
  /** what did not match, each naming the request (`GET /teams/t/plans → 200: …`) */
  failures: string[];
  /** why a check was skipped */
  reason?: string;
  durationMs: number;
}

export interface OperationCoverage {
  operationId: string;
  /** the statuses the suite saw for it */
  statuses: number[];
}

export interface ContractReport {
  ok: boolean;
  baseUrl: string;
  mutations: boolean;
  checks: CheckResult[];
  /** every operation of the spec, with the statuses it answered */
  operations: OperationCoverage[];
  counts: Record<CheckOutcome, number>;
  durationMs: number;
}

/** Thrown inside a check to skip the rest of it (the server's data does not allow it). */
class Skip extends Error {}

export interface CheckContext {
  call: ContractSession['call'];
  /** Records a failure when `condition` is false; returns the condition. */
  expect(condition: boolean, message: string): boolean;
  /** Records a failure unless `result` has `status` (and the problem `code`, when given). */
  expectStatus(result: CallResult, status: number, code?: string): boolean;
  /** Records a failure unless the problem lists a field error at `pointer` (with `code`). */
  expectFieldError(result: CallResult, pointer: string, code?: string): boolean;
  skip(reason: string): never;
  /** the spec's operations and validators */
  readonly validator: ContractValidator;
  readonly options: Required<Pick<ContractSuiteOptions, 'teamId' | 'mutations'>> &
    ContractSuiteOptions;
}

interface Check {
  name: string;
  mutates?: boolean;
  run(context: CheckContext): Promise<void>;
}

const unknownTeam = 'team_contract_suite_unknown';
/** Path placeholders for operations' ids that name nothing. */
const unknownIds = {
  invoiceId: 'inv_contract_suite_unknown',
  quoteId: 'quo_contract_suite_unknown',
  paymentMethodId: 'pm_contract_suite_unknown',
  resourceId: 'res_contract_suite_unknown',
};

/** A fresh idempotency key per call, unique across runs against the same backend. */
function newKey(): string {
  return `contract-suite-${crypto.randomUUID()}`;
}

function describeProblem(result: CallResult): string {
  const body = result.body;
  if (!isObject(body)) return '';
  return ` (${String(body.code ?? '')}${body.detail ? `: ${String(body.detail)}` : ''})`;
}

// ——— checks ———————————————————————————————————————————————————————————————————————————————

const readChecks: Check[] = [
  {
    name: 'listPlans: the plans',
    async run(t) {
      const plans = await t.call('listPlans');
      if (t.expectStatus(plans, 200))
        t.expect(plans.body.data.length > 0, 'listPlans: no plan is listed');
    },
  },
  {
    name: 'getBillingOverview: the token may manage billing',
    async run(t) {
      const overview = await t.call('getBillingOverview');
      if (t.expectStatus(overview, 200))
        t.expect(
          overview.body.viewer?.permissions?.manageBilling === true,
          `getBillingOverview: the token's viewer (${overview.body.viewer?.role}) may not manage billing; pass an admin or billing token`,
        );
    },
  },
  {
    name: 'getSubscription: ETag is the quoted version',
    async run(t) {
      const subscription = await t.call('getSubscription');
      if (t.expectStatus(subscription, 200)) {
        const etag = subscription.headers.get('etag');
        t.expect(
          etag === `"${subscription.body.version}"`,
          `getSubscription: ETag ${JSON.stringify(etag)} is not the quoted version "${subscription.body.version}"`,
        );
      }
    },
  },
  {
    name: 'getStandingInstructions, getAutoFlex, listPaymentMethods, getBillingDetails, getCredits',
    async run(t) {
      for (const operationId of [
        'getStandingInstructions',
        'getAutoFlex',
        'listPaymentMethods',
        'getBillingDetails',
        'getCredits',
      ]) {
        t.expectStatus(await t.call(operationId), 200);
      }
    },
  },
  {
    name: 'listUsage and getUsageDetail',
    async run(t) {
      const usage = await t.call('listUsage');
      if (!t.expectStatus(usage, 200)) return;
      const badPeriod = await t.call('listUsage', { query: { period: 'last-month' } });
      if (t.expectStatus(badPeriod, 422)) t.expectFieldError(badPeriod, '#/query/period');
      t.expectStatus(
        await t.call('getUsageDetail', { path: { resourceId: unknownIds.resourceId } }),
        404,
      );
      const [first] = usage.body.data;
      if (!first) t.skip('the team meters no resource');
      t.expectStatus(
        await t.call('getUsageDetail', { path: { resourceId: first.resourceId } }),
        200,
      );
    },
  },
  {
    name: 'listInvoices: pages follow nextCursor without repeats; limit is bounded',
    async run(t) {
      const seen = new Set<string>();
      let cursor: string | null = null;
      for (let page = 0; page < 3; page += 1) {
        const query: Record<string, string> = { limit: '2', ...(cursor ? { cursor } : {}) };
        const result = await t.call('listInvoices', { query });
        if (!t.expectStatus(result, 200)) return;
        t.expect(
          result.body.data.length <= 2,
          `listInvoices: limit=2 returned ${result.body.data.length} invoices`,
        );
        for (const invoice of result.body.data) {
          t.expect(!seen.has(invoice.id), `listInvoices: invoice ${invoice.id} is on two pages`);
          seen.add(invoice.id);
        }
        cursor = result.body.nextCursor;
        if (!cursor) break;
      }
      const tooMany = await t.call('listInvoices', { query: { limit: '500' } });
      if (t.expectStatus(tooMany, 422, 'validation_failed'))
        t.expectFieldError(tooMany, '#/query/limit', 'maximum');
    },
  },
  {
    name: 'getInvoice and getInvoicePdf',
    async run(t) {
      t.expectStatus(
        await t.call('getInvoice', { path: { invoiceId: unknownIds.invoiceId } }),
        404,
        'invoice_not_found',
      );
      t.expectStatus(
        await t.call('getInvoicePdf', { path: { invoiceId: unknownIds.invoiceId } }),
        404,
        'invoice_not_found',
      );
      const list = await t.call('listInvoices', { query: { limit: '1' } });
      const [invoice] = list.status === 200 ? list.body.data : [];
      if (!invoice) t.skip('the team has no invoice');
      const one = await t.call('getInvoice', { path: { invoiceId: invoice.id } });
      if (t.expectStatus(one, 200))
        t.expect(
          one.body.id === invoice.id,
          `getInvoice: asked for ${invoice.id}, got ${one.body.id}`,
        );
      const pdf = await t.call('getInvoicePdf', { path: { invoiceId: invoice.id } });
      if (t.expectStatus(pdf, 200)) {
        const head = new TextDecoder().decode((pdf.body as Uint8Array | undefined)?.slice(0, 5));
        t.expect(
          head === '%PDF-',
          `getInvoicePdf: the body does not start with %PDF- (${JSON.stringify(head)})`,
        );
      }
    },
  },
  {
    name: 'listBillingEvents, listQuotes and getQuote',
    async run(t) {
      t.expectStatus(await t.call('listBillingEvents', { query: { limit: '5' } }), 200);
      t.expectStatus(
        await t.call('getQuote', { path: { quoteId: unknownIds.quoteId } }),
        404,
        'quote_not_found',
      );
      const quotes = await t.call('listQuotes', { query: { limit: '1' } });
      if (!t.expectStatus(quotes, 200)) return;
      const [quote] = quotes.body.data;
      if (!quote) t.skip('the team has no quote');
      const one = await t.call('getQuote', { path: { quoteId: quote.id } });
      if (t.expectStatus(one, 200))
        t.expect(one.body.id === quote.id, `getQuote: asked for ${quote.id}, got ${one.body.id}`);
    },
  },
  {
    name: 'previewSubscriptionChange: a quote, and field errors with pointers',
    async run(t) {
      const subscription = await t.call('getSubscription');
      if (!t.expectStatus(subscription, 200)) return;
      const preview = await t.call('previewSubscriptionChange', {
        body: { seats: subscription.body.seats.purchased + 1, timing: 'at_renewal' },
      });
      t.expectStatus(preview, 200);
      const negative = await t.call('previewSubscriptionChange', {
        body: { seats: -3, timing: 'immediately' },
      });
      if (t.expectStatus(negative, 422, 'validation_failed'))
        t.expectFieldError(negative, '/seats');
      const unknownPlan = await t.call('previewSubscriptionChange', {
        body: { planId: 'plan_contract_suite_unknown', timing: 'immediately' },
      });
      if (t.expectStatus(unknownPlan, 422, 'unknown_plan'))
        t.expectFieldError(unknownPlan, '/planId', 'unknown_plan');
    },
  },
  {
    name: 'bounded input: 413, 415 and malformed JSON on previewSubscriptionChange',
    async run(t) {
      await expectBodyRefusals(t, 'previewSubscriptionChange', {});
    },
  },
  {
    name: 'every operation: 401 without a token, 404 for an unknown team',
    async run(t) {
      // Refusals only, so the operations are asked all at once.
      const answers = await Promise.all(
        t.validator.operations.map(({ operationId }) => {
          const withBody = t.validator.hasRequestBody(operationId) ? { body: {} } : {};
          return Promise.all([
            t.call(operationId, { path: unknownIds, token: null, ...withBody }),
            t.call(operationId, { path: { ...unknownIds, teamId: unknownTeam }, ...withBody }),
          ]);
        }),
      );
      for (const [noToken, otherTeam] of answers) {
        t.expectStatus(noToken, 401, 'unauthorized');
        t.expectStatus(otherTeam, 404, 'team_not_found');
      }
    },
  },
  {
    name: 'unknown ids: 404 before anything is done',
    async run(t) {
      const key = () => ({ 'idempotency-key': newKey() });
      t.expectStatus(
        await t.call('payInvoice', { path: unknownIds, body: {}, headers: key() }),
        404,
        'invoice_not_found',
      );
      t.expectStatus(
        await t.call('refundInvoice', {
          path: unknownIds,
          body: { destination: 'credit_balance' },
          headers: key(),
        }),
        404,
        'invoice_not_found',
      );
      t.expectStatus(
        await t.call('acceptQuote', { path: unknownIds, headers: key() }),
        404,
        'quote_not_found',
      );
      t.expectStatus(
        await t.call('deletePaymentMethod', { path: unknownIds }),
        404,
        'payment_method_not_found',
      );
      t.expectStatus(
        await t.call('setDefaultPaymentMethod', { path: unknownIds }),
        404,
        'payment_method_not_found',
      );
    },
  },
  {
    name: 'roles: billing-only reads are 403 for a member',
    async run(t) {
      const { memberToken } = t.options;
      if (!memberToken) t.skip('no memberToken given');
      for (const operationId of ['listInvoices', 'getBillingDetails', 'listQuotes']) {
        t.expectStatus(await t.call(operationId, { token: memberToken }), 403, 'forbidden');
      }
      const overview = await t.call('getBillingOverview', { token: memberToken });
      if (t.expectStatus(overview, 200))
        t.expect(
          overview.body.nextInvoice === null,
          'getBillingOverview: a member is shown the next invoice',
        );
    },
  },
];

const mutationChecks: Check[] = [
  {
    name: 'applySubscriptionChange: If-Match, expectedAmountDue and idempotency-key replay',
    mutates: true,
    async run(t) {
      const subscription = await t.call('getSubscription');
      if (!t.expectStatus(subscription, 200)) return;
      const ifMatch = subscription.headers.get('etag') ?? `"${subscription.body.version}"`;
      const change = { seats: subscription.body.seats.purchased + 1, timing: 'at_renewal' };
      const missingIfMatch = await t.call('applySubscriptionChange', {
        body: change,
        headers: { 'idempotency-key': newKey() },
      });
      t.expectStatus(missingIfMatch, 428, 'precondition_required');
      const missingKey = await t.call('applySubscriptionChange', {
        body: change,
        headers: { 'if-match': ifMatch },
      });
      if (t.expectStatus(missingKey, 422))
        t.expectFieldError(missingKey, '#/header/Idempotency-Key');
      await expectBodyRefusals(t, 'applySubscriptionChange', {
        'if-match': ifMatch,
        'idempotency-key': newKey(),
      });

      const preview = await t.call('previewSubscriptionChange', { body: change });
      if (!t.expectStatus(preview, 200)) return;
      if (!preview.body.possible)
        t.skip(`the team cannot add a seat at renewal (${preview.body.restriction?.code})`);
      const due = preview.body.amountDueNow;
      const moved = await t.call('applySubscriptionChange', {
        body: { ...change, expectedAmountDue: { ...due, amount: due.amount + 1 } },
        headers: { 'if-match': ifMatch, 'idempotency-key': newKey() },
      });
      if (t.expectStatus(moved, 409, 'amount_changed'))
        t.expect(
          isObject(moved.body.quote),
          'applySubscriptionChange: amount_changed carries no quote',
        );

      const key = newKey();
      const body = { ...change, expectedAmountDue: due };
      const first = await t.call('applySubscriptionChange', {
        body,
        headers: { 'if-match': ifMatch, 'idempotency-key': key },
      });
      if (!t.expectStatus(first, 200)) return;
      const replay = await t.call('applySubscriptionChange', {
        body,
        headers: { 'if-match': ifMatch, 'idempotency-key': key },
      });
      t.expectStatus(replay, 200);
      t.expect(
        replay.headers.get('idempotent-replayed') === 'true',
        'applySubscriptionChange: a replayed key is not marked Idempotent-Replayed: true',
      );
      t.expect(
        JSON.stringify(replay.body) === JSON.stringify(first.body),
        'applySubscriptionChange: the replay answers another body than the first request',
      );
      const reused = await t.call('applySubscriptionChange', {
        body: { ...change, seats: change.seats + 1 },
        headers: { 'if-match': ifMatch, 'idempotency-key': key },
      });
      t.expectStatus(reused, 422, 'idempotency_key_reused');
      const stale = await t.call('applySubscriptionChange', {
        body,
        headers: { 'if-match': ifMatch, 'idempotency-key': newKey() },
      });
      t.expectStatus(stale, 409, 'version_conflict');
    },
  },
  {
    name: 'setStandingInstructions: If-Match required and checked',
    mutates: true,
    async run(t) {
      const missing = await t.call('setStandingInstructions', { body: { action: 'renew' } });
      t.expectStatus(missing, 428, 'precondition_required');
      const stale = await t.call('setStandingInstructions', {
        body: { action: 'renew' },
        headers: { 'if-match': '"contract-suite-stale"' },
      });
      t.expectStatus(stale, 409, 'version_conflict');
      const subscription = await t.call('getSubscription');
      if (!t.expectStatus(subscription, 200)) return;
      const renew = await t.call('setStandingInstructions', {
        body: { action: 'renew' },
        headers: { 'if-match': subscription.headers.get('etag') ?? '' },
      });
      t.expectStatus(renew, 200);
    },
  },
  {
    name: 'updateBillingDetails and setOveragePolicy: writing back what was read',
    mutates: true,
    async run(t) {
      const details = await t.call('getBillingDetails');
      if (t.expectStatus(details, 200)) {
        t.expectStatus(await t.call('updateBillingDetails', { body: details.body }), 200);
        const badEmail = await t.call('updateBillingDetails', {
          body: { ...details.body, email: 'not-an-email' },
        });
        if (t.expectStatus(badEmail, 422)) t.expectFieldError(badEmail, '/email');
      }
      const usage = await t.call('listUsage');
      const [resource] = usage.status === 200 ? usage.body.data : [];
      if (!resource) t.skip('the team meters no resource');
      const path = { resourceId: resource.resourceId };
      t.expectStatus(
        await t.call('setOveragePolicy', { path, body: { policy: resource.overagePolicy } }),
        200,
      );
      const bad = await t.call('setOveragePolicy', { path, body: { policy: 'sometimes' } });
      if (t.expectStatus(bad, 422)) t.expectFieldError(bad, '/policy');
    },
  },
  {
    name: 'createQuote: an Idempotency-Key replays the quote',
    mutates: true,
    async run(t) {
      const subscription = await t.call('getSubscription');
      if (!t.expectStatus(subscription, 200)) return;
      const body = {
        change: { seats: subscription.body.seats.purchased + 1, timing: 'at_renewal' },
      };
      const key = newKey();
      const first = await t.call('createQuote', { body, headers: { 'idempotency-key': key } });
      if (first.status === 422)
        t.skip(`the team cannot quote a seat at renewal${describeProblem(first)}`);
      if (!t.expectStatus(first, 201)) return;
      const replay = await t.call('createQuote', { body, headers: { 'idempotency-key': key } });
      t.expectStatus(replay, 201);
      t.expect(
        replay.body.id === first.body.id && replay.headers.get('idempotent-replayed') === 'true',
        'createQuote: the same key made another quote instead of replaying the first',
      );
      const stored = await t.call('getQuote', { path: { quoteId: first.body.id } });
      if (t.expectStatus(stored, 200))
        t.expect(
          JSON.stringify(stored.body) === JSON.stringify(first.body),
          `getQuote: quote ${first.body.id} reads back other than createQuote answered`,
        );
    },
  },
  {
    name: 'bounded input: 413, 415 and malformed JSON on every other operation with a body',
    mutates: true,
    async run(t) {
      const subscription = await t.call('getSubscription');
      const ifMatch = subscription.headers.get('etag') ?? '"0"';
      for (const { operationId } of t.validator.operations) {
        if (!t.validator.hasRequestBody(operationId)) continue;
        if (['previewSubscriptionChange', 'applySubscriptionChange'].includes(operationId))
          continue;
        await expectBodyRefusals(
          t,
          operationId,
          { 'if-match': ifMatch, 'idempotency-key': newKey() },
          unknownIds,
        );
      }
    },
  },
];

/**
 * What a server refuses before reading a body as the operation's input: a body over the
 * contract's 64 KiB (413), a form post (415), and JSON that does not parse (422 with a field
 * error on the whole body, `""`).
 */
async function expectBodyRefusals(
  t: CheckContext,
  operationId: string,
  headers: Record<string, string>,
  path: Record<string, string> = {},
): Promise<void> {
  const oversized = await t.call(operationId, {
    path,
    rawBody: JSON.stringify({ timing: 'immediately', pad: 'x'.repeat(maxBodyBytes) }),
    headers: { ...headers, 'idempotency-key': newKey() },
  });
  t.expectStatus(oversized, 413, 'body_too_large');
  const form = await t.call(operationId, {
    path,
    rawBody: 'planId=enterprise&timing=immediately',
    headers: {
      ...headers,
      'idempotency-key': newKey(),
      'content-type': 'application/x-www-form-urlencoded',
    },
  });
  t.expectStatus(form, 415, 'unsupported_media_type');
  const malformed = await t.call(operationId, {
    path,
    rawBody: '{"seats": 3,',
    headers: { ...headers, 'idempotency-key': newKey() },
  });
  if (t.expectStatus(malformed, 422, 'malformed_request'))
    t.expectFieldError(malformed, '', 'malformed_request');
}

// ——— running ————————————————————————————————————————————————————————————————————————————————

/** The names of the checks, in the order they run (mutating ones last). */
export const contractChecks: readonly { name: string; mutates: boolean }[] = [
  ...readChecks,
  ...mutationChecks,
].map(({ name, mutates }) => ({ name, mutates: mutates === true }));

/** Runs the suite against `options.baseUrl` and reports every check; it never throws for a failing server. */
export async function runContractSuite(options: ContractSuiteOptions): Promise<ContractReport> {
  const started = performance.now();
  const validator = new ContractValidator(billingSpec);
  const session = new ContractSession(validator, {
    baseUrl: options.baseUrl,
    teamId: options.teamId,
    token: options.token,
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? 10_000,
    signal: options.signal,
  });
  const mutations = options.mutations === true;
  const results: CheckResult[] = [];
  for (const check of [...readChecks, ...mutationChecks]) {
    if (options.only && !options.only.some((part) => check.name.includes(part))) continue;
    const checkStarted = performance.now();
    if (check.mutates && !mutations) {
      results.push({
        name: check.name,
        outcome: 'skipped',
        failures: [],
        reason: 'changes data: run with mutations (--mutations) against a test team',
        durationMs: 0,
      });
      continue;
    }
    const failures: string[] = [];
    const callsBefore = session.calls.length;
    const context: CheckContext = {
      validator,
      options: { ...options, mutations },
      call: (operationId, callOptions) => session.call(operationId, callOptions),
      expect(condition, message) {
        if (!condition) failures.push(message);
        return condition;
      },
      expectStatus(result, status, code) {
        const codeMatches =
          code === undefined || (isObject(result.body) && result.body.code === code);
        if (result.status === status && codeMatches) return true;
        failures.push(
          `${result.request} → ${result.status}${describeProblem(result)}: expected ${status}${code ? ` ${code}` : ''}`,
        );
        return false;
      },
      expectFieldError(result, pointer, code) {
        const errors: unknown[] =
          isObject(result.body) && Array.isArray(result.body.errors) ? result.body.errors : [];
        const found = errors.some(
          (error) =>
            isObject(error) &&
            error.pointer === pointer &&
            (code === undefined || error.code === code),
        );
        if (!found)
          failures.push(
            `${result.request} → ${result.status}: expected a field error at ${JSON.stringify(pointer)}${code ? ` (${code})` : ''}, got ${JSON.stringify(errors)}`,
          );
        return found;
      },
      skip(reason) {
        throw new Skip(reason);
      },
    };
    let reason: string | undefined;
    try {
      await check.run(context);
    } catch (error) {
      if (error instanceof Skip) reason = error.message;
      else if (error instanceof NoAnswerError) failures.push(error.message);
      else if (options.signal?.aborted) throw error;
      // A body that is not what the spec says can break the check's own reading of it; the
      // schema mismatch recorded below says why.
      else
        failures.push(
          `the check stopped: ${error instanceof Error ? error.message : String(error)}`,
        );
    }
    const calls = session.calls.slice(callsBefore).sort((a, b) => a.sequence - b.sequence);
    for (const call of calls) {
      for (const mismatch of call.mismatches)
        failures.push(`${call.request} → ${call.status}: ${mismatch}`);
    }
    const outcome: CheckOutcome = failures.length > 0 ? 'failed' : reason ? 'skipped' : 'passed';
    results.push({
      name: check.name,
      outcome,
      failures,
      ...(reason ? { reason } : {}),
      durationMs: Math.round(performance.now() - checkStarted),
    });
  }
  const operations = validator.operations.map(({ operationId }) => ({
    operationId,
    statuses: [
      ...new Set(
        session.calls.filter((call) => call.operationId === operationId).map((call) => call.status),
      ),
    ].sort((a, b) => a - b),
  }));
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const result of results) counts[result.outcome] += 1;
  return {
    ok: counts.failed === 0,
    baseUrl: options.baseUrl,
    mutations,
    checks: results,
    operations,
    counts,
    durationMs: Math.round(performance.now() - started),
  };
}

/** The report as text: one line per check, the failures under it, then the totals. */
export function formatContractReport(report: ContractReport): string {
  const mark = { passed: '✓', failed: '✗', skipped: '-' } as const;
  const lines = [`billkit contract suite against ${report.baseUrl}`];
  for (const check of report.checks) {
    lines.push(
      `${mark[check.outcome]} ${check.name}${check.reason ? ` (skipped: ${check.reason})` : ''}`,
    );
    for (const failure of check.failures) lines.push(`    ${failure}`);
  }
  const untested = report.operations.filter((operation) => operation.statuses.length === 0);
  if (untested.length > 0)
    lines.push(
      `operations not called: ${untested.map((operation) => operation.operationId).join(', ')}`,
    );
  lines.push(
    `${report.counts.passed} passed, ${report.counts.failed} failed, ${report.counts.skipped} skipped in ${report.durationMs} ms`,
  );
  return lines.join('\n');
}
