import { HttpResponse, http } from 'msw';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  AppliedChange,
  AutoFlex,
  BillingDetails,
  BillingEvent,
  BillingOverview,
  ChangeQuote,
  CreditEntry,
  Invoice,
  PaymentMethod,
  PaymentMethodSetup,
  Plan,
  Quote,
  StandingInstructions,
  Subscription,
  Usage,
  UsageDetail,
} from '../src/index.js';
import {
  appliedChange,
  autoFlex,
  basicPlan,
  billingDetails,
  billingEvent,
  card,
  changeQuote,
  contribution,
  invoice,
  overview,
  paymentMethodSetup,
  quote,
  standingInstructions,
  subscription,
  upgrade,
  usage,
  usageDetail,
  usd,
} from './fixtures.js';
import {
  baseUrl,
  createTestClient,
  json,
  type RecordedRequest,
  route,
  server,
  teamId,
  uuidPattern,
} from './server.js';

/** The one request a test expects, with what it must carry. */
function expectOneRequest(
  recorded: RecordedRequest[],
  expected: { query?: Record<string, string>; body?: unknown; headers?: Record<string, string> },
) {
  expect(recorded).toHaveLength(1);
  const [request] = recorded;
  expect(request?.headers.get('authorization')).toBe('Bearer token');
  expect(Object.fromEntries(request?.url.searchParams ?? [])).toEqual(expected.query ?? {});
  expect(request?.body).toEqual(expected.body);
  for (const [name, value] of Object.entries(expected.headers ?? {})) {
    expect(request?.headers.get(name), name).toBe(value);
  }
  return request!;
}

/** Operations without an `Idempotency-Key` must not send one. */
function expectNoIdempotencyKey(request: RecordedRequest) {
  expect(request.headers.get('idempotency-key')).toBeNull();
}

describe('plans and overview', () => {
  it('plans.list sends listPlans', async () => {
    const { client } = createTestClient();
    const recorded = route('get', '/plans', json({ data: [basicPlan], nextCursor: null }));
    const plans = await client.plans.list();
    expectNoIdempotencyKey(expectOneRequest(recorded, {}));
    expect(plans.data).toEqual([basicPlan]);
    expectTypeOf(plans.data).toEqualTypeOf<Plan[]>();
  });

  it('overview.get sends getBillingOverview', async () => {
    const { client } = createTestClient();
    const recorded = route('get', '/billing/overview', json(overview));
    const result = await client.overview.get();
    expectOneRequest(recorded, {
      headers: { accept: 'application/json, application/problem+json' },
    });
    expect(result).toEqual(overview);
    expectTypeOf(result).toEqualTypeOf<BillingOverview>();
  });
});

describe('subscription', () => {
  it('get sends getSubscription and returns the version If-Match needs', async () => {
    const { client } = createTestClient();
    const recorded = route('get', '/subscription', () =>
      HttpResponse.json(subscription, { headers: { etag: '"17"' } }),
    );
    const result = await client.subscription.get();
    expectOneRequest(recorded, {});
    expect(result.version).toBe('17');
    expectTypeOf(result).toEqualTypeOf<Subscription>();
  });

  it('preview posts the change to previewSubscriptionChange', async () => {
    const { client } = createTestClient();
    const recorded = route('post', '/subscription/preview', json(changeQuote));
    const result = await client.subscription.preview(upgrade);
    expectNoIdempotencyKey(expectOneRequest(recorded, { body: upgrade }));
    expect(result).toEqual(changeQuote);
    expectTypeOf(result).toEqualTypeOf<ChangeQuote>();
  });

  it('apply sends If-Match and a generated Idempotency-Key', async () => {
    const { client } = createTestClient();
    const recorded = route('post', '/subscription/changes', json(appliedChange));
    const result = await client.subscription.apply(upgrade, { ifMatch: subscription.version });
    const request = expectOneRequest(recorded, { body: upgrade, headers: { 'if-match': '"17"' } });
    expect(request.headers.get('idempotency-key')).toMatch(uuidPattern);
    expect(result).toEqual(appliedChange);
    expectTypeOf(result).toEqualTypeOf<AppliedChange>();
  });

  it("apply sends the caller's Idempotency-Key and keeps an already quoted entity tag", async () => {
    const { client } = createTestClient();
    const recorded = route('post', '/subscription/changes', json(appliedChange));
    await client.subscription.apply(upgrade, { ifMatch: 'W/"17"', idempotencyKey: 'order-1' });
    expectOneRequest(recorded, {
      body: upgrade,
      headers: { 'if-match': 'W/"17"', 'idempotency-key': 'order-1' },
    });
  });

  it('a new call gets a new generated Idempotency-Key', async () => {
    const { client } = createTestClient();
    const recorded = route('post', '/subscription/changes', json(appliedChange));
    await client.subscription.apply(upgrade, { ifMatch: '17' });
    await client.subscription.apply(upgrade, { ifMatch: '18' });
    const [first, second] = recorded.map((request) => request.headers.get('idempotency-key'));
    expect(first).not.toBe(second);
  });
});

describe('standing instructions', () => {
  it('get sends getStandingInstructions', async () => {
    const { client } = createTestClient();
    const recorded = route(
      'get',
      '/subscription/standing-instructions',
      json(standingInstructions),
    );
    const result = await client.standingInstructions.get();
    expectOneRequest(recorded, {});
    expect(result).toEqual(standingInstructions);
    expectTypeOf(result).toEqualTypeOf<StandingInstructions>();
  });

  it('set puts the instructions with If-Match', async () => {
    const { client } = createTestClient();
    const body = { action: 'cancel' } as const;
    const recorded = route(
      'put',
      '/subscription/standing-instructions',
      json(standingInstructions),
    );
    await client.standingInstructions.set(body, { ifMatch: '17' });
    expectNoIdempotencyKey(expectOneRequest(recorded, { body, headers: { 'if-match': '"17"' } }));
  });
});

describe('auto-flex', () => {
  it('get sends getAutoFlex', async () => {
    const { client } = createTestClient();
    const recorded = route('get', '/auto-flex', json(autoFlex));
    const result = await client.autoFlex.get();
    expectOneRequest(recorded, {});
    expectTypeOf(result).toEqualTypeOf<AutoFlex>();
  });

  it('enable posts the accepted terms with an Idempotency-Key', async () => {
    const { client } = createTestClient();
    const body = { acceptTerms: true, termsVersion: '2026-01' } as const;
    const recorded = route('post', '/auto-flex/enable', json(autoFlex));
    const result = await client.autoFlex.enable(body, { idempotencyKey: 'flex-1' });
    expectOneRequest(recorded, { body, headers: { 'idempotency-key': 'flex-1' } });
    expect(result).toEqual(autoFlex);
  });
});

describe('usage', () => {
  it('list sends listUsage with the period', async () => {
    const { client } = createTestClient();
    const recorded = route('get', '/usage', json({ data: [usage], nextCursor: null }));
    const result = await client.usage.list({ period: '2026-05-20' });
    expectOneRequest(recorded, { query: { period: '2026-05-20' } });
    expect(result.data).toEqual([usage]);
    expectTypeOf(result.data).toEqualTypeOf<Usage[]>();
  });

  it('get sends getUsageDetail for the resource', async () => {
    const { client } = createTestClient();
    const recorded = route('get', '/usage/monitoring_requests', json(usageDetail));
    const result = await client.usage.get('monitoring_requests');
    expectOneRequest(recorded, {});
    expect(result).toEqual(usageDetail);
    expectTypeOf(result).toEqualTypeOf<UsageDetail>();
  });

  it('setOveragePolicy puts the policy', async () => {
    const { client } = createTestClient();
    const recorded = route(
      'put',
      '/usage/monitoring_requests/overage-policy',
      json({ ...usage, overagePolicy: 'disallowed' }),
    );
    const result = await client.usage.setOveragePolicy('monitoring_requests', 'disallowed');
    expectOneRequest(recorded, { body: { policy: 'disallowed' } });
    expect(result.overagePolicy).toBe('disallowed');
  });

  it('escapes path parameters', async () => {
    const { client } = createTestClient();
    const recorded = route('get', '/usage/a%2Fb%20c', json(usageDetail));
    await client.usage.get('a/b c');
    expect(recorded).toHaveLength(1);
  });

  it('refuses ids that would leave their path ("." and "..") before sending anything', async () => {
    const sent: string[] = [];
    server.use(
      http.all('*', ({ request }) => {
        sent.push(`${request.method} ${request.url}`);
        return HttpResponse.json({});
      }),
    );
    const { client } = createTestClient();
    // URL parsing resolves `.` and `..` (and their percent-encoded forms), so
    // invoices/.. would be the team's root and quotes/../plans another operation.
    for (const id of ['.', '..', '']) {
      await expect(client.invoices.get(id)).rejects.toThrow(TypeError);
      await expect(client.quotes.accept(id)).rejects.toThrow(/quoteId/);
      await expect(client.paymentMethods.delete(id)).rejects.toThrow(TypeError);
    }
    expect(() => createTestClient({ teamId: '..' })).toThrow(/teamId/);
    expect(() => createTestClient({ teamId: '.' })).toThrow(TypeError);
    expect(sent).toEqual([]);
    // Dots inside an id are just characters, and an id spelling "%2E%2E" is encoded, not a dot.
    await client.invoices.get('..inv.1');
    await client.invoices.get('%2E%2E');
    expect(sent).toEqual([
      `GET ${baseUrl}/teams/${teamId}/invoices/..inv.1`,
      `GET ${baseUrl}/teams/${teamId}/invoices/%252E%252E`,
    ]);
  });
});

describe('invoices', () => {
  it('list sends listInvoices with status, cursor and limit', async () => {
    const { client } = createTestClient();
    const recorded = route(
      'get',
      '/invoices',
      json({ data: [invoice('inv_1')], nextCursor: 'c2' }),
    );
    const page = await client.invoices.list({ status: 'open', cursor: 'c1', limit: 10 });
    expectOneRequest(recorded, { query: { status: 'open', cursor: 'c1', limit: '10' } });
    expect(page).toEqual({ data: [invoice('inv_1')], nextCursor: 'c2' });
    expectTypeOf(page.data).toEqualTypeOf<Invoice[]>();
  });

  it('get sends getInvoice', async () => {
    const { client } = createTestClient();
    const recorded = route('get', '/invoices/inv_1', json(invoice('inv_1')));
    const result = await client.invoices.get('inv_1');
    expectOneRequest(recorded, {});
    expectTypeOf(result).toEqualTypeOf<Invoice>();
  });

  it('getPdf returns the PDF as a Blob', async () => {
    const { client } = createTestClient();
    const pdf = new TextEncoder().encode('%PDF-1.7 …');
    const recorded = route(
      'get',
      '/invoices/inv_1/pdf',
      () => new HttpResponse(pdf, { headers: { 'content-type': 'application/pdf' } }),
    );
    const result = await client.invoices.getPdf('inv_1');
    expectOneRequest(recorded, {
      headers: { accept: 'application/pdf, application/problem+json' },
    });
    expectTypeOf(result).toEqualTypeOf<Blob>();
    expect(result).toBeInstanceOf(Blob);
    expect(result.type).toBe('application/pdf');
    expect(new Uint8Array(await result.arrayBuffer())).toEqual(pdf);
  });

  it('pay posts with an Idempotency-Key, with or without a body', async () => {
    const { client } = createTestClient();
    const paid = { ...invoice('inv_1'), status: 'paid' } as const;
    const recorded = route('post', '/invoices/inv_1/pay', json(paid));
    const result = await client.invoices.pay('inv_1', { paymentMethodId: 'pm_card' });
    await client.invoices.pay('inv_1');
    expect(recorded.map((request) => request.body)).toEqual([
      { paymentMethodId: 'pm_card' },
      undefined,
    ]);
    for (const request of recorded) {
      expect(request.headers.get('idempotency-key')).toMatch(uuidPattern);
    }
    expect(result.status).toBe('paid');
    expectTypeOf(result).toEqualTypeOf<Invoice>();
  });

  it('pay takes its key, method and signal in one options object, with no placeholder body', async () => {
    const { client } = createTestClient();
    const recorded = route('post', '/invoices/inv_1/pay', json(invoice('inv_1')));
    const { signal } = new AbortController();
    await client.invoices.pay('inv_1', { idempotencyKey: 'pay-inv_1-default' });
    await client.invoices.pay('inv_1', {
      paymentMethodId: 'pm_ach',
      idempotencyKey: 'pay-inv_1-ach',
      signal,
    });
    expect(
      recorded.map((request) => [request.headers.get('idempotency-key'), request.body]),
    ).toEqual([
      ['pay-inv_1-default', undefined],
      ['pay-inv_1-ach', { paymentMethodId: 'pm_ach' }],
    ]);
  });

  it('sends Content-Type: application/json with a body and none without one', async () => {
    // The API refuses a body that is not declared JSON (415), and needs no type without one.
    const { client } = createTestClient();
    const recorded = route('post', '/invoices/inv_1/pay', json(invoice('inv_1')));
    await client.invoices.pay('inv_1', { paymentMethodId: 'pm_card' });
    await client.invoices.pay('inv_1');
    expect(recorded.map((request) => request.headers.get('content-type'))).toEqual([
      'application/json',
      null,
    ]);
  });

  it('refund posts the amount and destination with an Idempotency-Key', async () => {
    const { client } = createTestClient();
    const refund = {
      id: 'ref_1',
      amount: usd(1000),
      destination: 'credit_balance',
      reason: null,
      createdAt: '2026-06-26T00:00:00Z',
    } as const;
    const refunded: Invoice = {
      ...invoice('inv_1'),
      status: 'paid',
      refunds: [refund],
      amountRefunded: usd(1000),
    };
    const recorded = route('post', '/invoices/inv_1/refunds', json(refunded));
    const body = { amount: usd(1000), destination: 'credit_balance' } as const;
    const result = await client.invoices.refund('inv_1', body, { idempotencyKey: 'refund-1' });
    expectOneRequest(recorded, { body, headers: { 'idempotency-key': 'refund-1' } });
    expect(result.refunds).toEqual([refund]);
    expectTypeOf(result).toEqualTypeOf<Invoice>();
  });
});

describe('payment methods', () => {
  it('list sends listPaymentMethods', async () => {
    const { client } = createTestClient();
    const recorded = route('get', '/payment-methods', json({ data: [card], nextCursor: null }));
    const result = await client.paymentMethods.list({ limit: 50 });
    expectOneRequest(recorded, { query: { limit: '50' } });
    expectTypeOf(result.data).toEqualTypeOf<PaymentMethod[]>();
  });

  it('createSetup posts the type with an Idempotency-Key', async () => {
    const { client } = createTestClient();
    const recorded = route('post', '/payment-methods/setup', json(paymentMethodSetup));
    const result = await client.paymentMethods.createSetup({ type: 'card' });
    const request = expectOneRequest(recorded, { body: { type: 'card' } });
    expect(request.headers.get('idempotency-key')).toMatch(uuidPattern);
    expect(result).toEqual(paymentMethodSetup);
    expectTypeOf(result).toEqualTypeOf<PaymentMethodSetup>();
  });

  it('attach posts the provider token and resolves with the 201 body', async () => {
    const { client } = createTestClient();
    const body = { setupId: 'setup_1', providerToken: 'tok_1', makeDefault: true };
    const recorded = route('post', '/payment-methods', json(card, 201));
    const result = await client.paymentMethods.attach(body);
    const request = expectOneRequest(recorded, { body });
    expect(request.headers.get('idempotency-key')).toMatch(uuidPattern);
    expect(result).toEqual(card);
  });

  it('delete sends deletePaymentMethod and resolves with undefined on 204', async () => {
    const { client } = createTestClient();
    const recorded = route(
      'delete',
      '/payment-methods/pm_old',
      () => new HttpResponse(null, { status: 204 }),
    );
    const result = await client.paymentMethods.delete('pm_old');
    expectNoIdempotencyKey(expectOneRequest(recorded, {}));
    expect(result).toBeUndefined();
  });

  it('setDefault posts to setDefaultPaymentMethod', async () => {
    const { client } = createTestClient();
    const recorded = route('post', '/payment-methods/pm_card/default', json(card));
    const result = await client.paymentMethods.setDefault('pm_card');
    expectNoIdempotencyKey(expectOneRequest(recorded, {}));
    expectTypeOf(result).toEqualTypeOf<PaymentMethod>();
  });
});

describe('billing details', () => {
  it('get sends getBillingDetails', async () => {
    const { client } = createTestClient();
    const recorded = route('get', '/billing-details', json(billingDetails));
    const result = await client.billingDetails.get();
    expectOneRequest(recorded, {});
    expectTypeOf(result).toEqualTypeOf<BillingDetails>();
  });

  it('update puts the details', async () => {
    const { client } = createTestClient();
    const details = { ...billingDetails, vatId: 'DE123456789' };
    const recorded = route('put', '/billing-details', json(details));
    const result = await client.billingDetails.update(details);
    expectOneRequest(recorded, { body: details, headers: { 'content-type': 'application/json' } });
    expect(result).toEqual(details);
  });
});

describe('events, credits and quotes', () => {
  it('events.list sends listBillingEvents with the type filter', async () => {
    const { client } = createTestClient();
    const recorded = route(
      'get',
      '/events',
      json({ data: [billingEvent('ev_1')], nextCursor: null }),
    );
    const page = await client.events.list({ type: 'plan_changed', limit: 5 });
    expectOneRequest(recorded, { query: { type: 'plan_changed', limit: '5' } });
    expectTypeOf(page.data).toEqualTypeOf<BillingEvent[]>();
  });

  it('credits.get sends getCredits', async () => {
    const { client } = createTestClient();
    const credits = { balance: { amount: 2500, currency: 'USD' }, entries: [contribution] };
    const recorded = route('get', '/credits', json(credits));
    const result = await client.credits.get();
    expectOneRequest(recorded, {});
    expect(result).toEqual(credits);
    expectTypeOf(result.entries).toEqualTypeOf<CreditEntry[]>();
  });

  it('credits.contribute posts the amount with an Idempotency-Key', async () => {
    const { client } = createTestClient();
    const body = { amount: { amount: 2500, currency: 'USD' } };
    const recorded = route('post', '/credits/contributions', json(contribution, 201));
    const result = await client.credits.contribute(body);
    const request = expectOneRequest(recorded, { body });
    expect(request.headers.get('idempotency-key')).toMatch(uuidPattern);
    expectTypeOf(result).toEqualTypeOf<CreditEntry>();
  });

  it('quotes.create posts the change with an Idempotency-Key', async () => {
    const { client } = createTestClient();
    const body = { change: upgrade, seatOrder: { seats: 12 } };
    const recorded = route('post', '/quotes', json(quote('q_1'), 201));
    const result = await client.quotes.create(body, { idempotencyKey: 'quote-1' });
    expectOneRequest(recorded, { body, headers: { 'idempotency-key': 'quote-1' } });
    expect(result).toEqual(quote('q_1'));
    expectTypeOf(result).toEqualTypeOf<Quote>();
  });

  it('quotes.get sends getQuote for the quote', async () => {
    const { client } = createTestClient();
    const accepted = { ...quote('q_1'), status: 'accepted', invoiceId: 'inv_2' } as const;
    const recorded = route('get', '/quotes/q_1', json(accepted));
    const result = await client.quotes.get('q_1');
    expectNoIdempotencyKey(expectOneRequest(recorded, {}));
    expect(result).toEqual(accepted);
    expectTypeOf(result).toEqualTypeOf<Quote>();
  });

  it('quotes.accept posts no body with a generated Idempotency-Key and resolves with the open invoice', async () => {
    const { client } = createTestClient();
    const invoiceFirst: AppliedChange = {
      ...appliedChange,
      invoice: { ...invoice('inv_2'), collectionMethod: 'send_invoice', dueDate: '2026-07-25' },
    };
    const recorded = route('post', '/quotes/q_1/accept', json(invoiceFirst));
    const result = await client.quotes.accept('q_1');
    const request = expectOneRequest(recorded, { body: undefined });
    expect(request.headers.get('idempotency-key')).toMatch(uuidPattern);
    expect(request.headers.get('if-match')).toBeNull();
    expect(result.invoice?.status).toBe('open');
    expectTypeOf(result).toEqualTypeOf<AppliedChange>();
  });

  it("quotes.accept sends the caller's Idempotency-Key, so accepting twice is a replay", async () => {
    const { client } = createTestClient();
    const recorded = route('post', '/quotes/q_1/accept', json(appliedChange));
    await client.quotes.accept('q_1', { idempotencyKey: 'accept-q1' });
    await client.quotes.accept('q_1', { idempotencyKey: 'accept-q1' });
    expect(recorded.map((request) => request.headers.get('idempotency-key'))).toEqual([
      'accept-q1',
      'accept-q1',
    ]);
  });

  it('quotes.list sends listQuotes', async () => {
    const { client } = createTestClient();
    const recorded = route('get', '/quotes', json({ data: [quote('q_1')], nextCursor: null }));
    const page = await client.quotes.list({ limit: 1 });
    expectOneRequest(recorded, { query: { limit: '1' } });
    expectTypeOf(page.data).toEqualTypeOf<Quote[]>();
  });
});
