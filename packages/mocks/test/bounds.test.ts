/**
 * Bad input gets a clear error, never a crash or unbounded work: bounded quantities, text,
 * bodies, error lists and clock moves, and JSON-only bodies, through the fetch handler.
 */
import { type Catalog, demoCatalog } from '@billkit/engine';
import { describe, expect, it } from 'vitest';
import { billingSpec, createBillingMock, listOperations } from '../src/index.js';
import { maxBodyListItems } from '../src/validation.js';
import { ContractClient, contractClient, idempotencyKey, invoices } from './helpers.js';

const details = {
  companyName: 'Acme Robotics GmbH',
  email: 'billing@acme.example',
  address: { line1: 'Friedrichstraße 123', city: 'Berlin', postalCode: '10117', country: 'DE' },
  vatId: null,
};

/** `updateBillingDetails` with `change` applied to valid details. */
function updateDetails(client: ContractClient, change: (body: typeof details) => unknown) {
  return client.call('updateBillingDetails', { body: change(structuredClone(details)) });
}

/** A request to the mock with a raw body and content type (as a browser form would send). */
function rawRequest(
  client: ContractClient,
  method: string,
  path: string,
  body: BodyInit | null,
  headers: Record<string, string> = {},
) {
  return client.mock.handle(
    new Request(`${client.mock.baseUrl}${path}`, {
      method,
      headers: { authorization: 'Bearer role:admin', ...headers },
      body,
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit),
  );
}

describe('add-on blocks', () => {
  it('are at most 10,000: the billion-block purchase is a 422 on /addOns/0/blocks', async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    const before = (await invoices(client)).length;
    const billion = await client.call('applySubscriptionChange', {
      body: {
        addOns: [{ addOnId: 'monitoring_requests_10k', blocks: 1_000_000_000 }],
        timing: 'immediately',
      },
      headers: { 'idempotency-key': idempotencyKey(), 'if-match': await client.ifMatch() },
    });
    expect(billion.status).toBe(422);
    expect(billion.body.errors).toEqual([
      expect.objectContaining({ pointer: '/addOns/0/blocks', code: 'maximum' }),
    ]);
    expect(await invoices(client)).toHaveLength(before);
    const most = await client.call('previewSubscriptionChange', {
      body: {
        addOns: [{ addOnId: 'monitoring_requests_10k', blocks: 10_000 }],
        timing: 'immediately',
      },
    });
    expect(most.status).toBe(200);
  });

  it("past the engine's amount limit are a 422 with the field pointer", async () => {
    // A catalog whose add-on is so dear that 10,000 blocks for a year pass 2^53 − 1 cents.
    const dear: Catalog = {
      ...demoCatalog,
      plans: demoCatalog.plans.map((plan) => ({
        ...plan,
        addOns: plan.addOns.map((addOn) => ({
          ...addOn,
          price: { amount: 100_000_000_000, currency: 'USD' },
        })),
      })),
    };
    const client = new ContractClient(
      createBillingMock({ scenario: 'basic-monthly', catalog: dear }),
    );
    const refused = await client.call('previewSubscriptionChange', {
      body: {
        addOns: [{ addOnId: 'monitoring_requests_10k', blocks: 10_000 }],
        timing: 'immediately',
      },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('amount_too_large');
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ pointer: '/addOns/0/blocks', code: 'amount_too_large' }),
    ]);
    expect(refused.problems).toEqual([]);
  });
});

describe('free text', () => {
  it('has a maximum length, is not blank, and the country is an assigned ISO code', async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    const refusals = [
      [(body: typeof details) => ({ ...body, companyName: 'x'.repeat(201) }), '/companyName'],
      [(body: typeof details) => ({ ...body, companyName: ' \t ' }), '/companyName'],
      [(body: typeof details) => ({ ...body, email: `${'a'.repeat(250)}@acme.example` }), '/email'],
      [
        (body: typeof details) => ({ ...body, address: { ...body.address, line1: '   ' } }),
        '/address/line1',
      ],
      [
        (body: typeof details) => ({
          ...body,
          address: { ...body.address, line2: 'x'.repeat(201) },
        }),
        '/address/line2',
      ],
      [
        (body: typeof details) => ({ ...body, address: { ...body.address, city: '\n' } }),
        '/address/city',
      ],
      [
        (body: typeof details) => ({ ...body, address: { ...body.address, country: 'UK' } }),
        '/address/country',
      ],
      [
        (body: typeof details) => ({ ...body, address: { ...body.address, country: 'XX' } }),
        '/address/country',
      ],
      [(body: typeof details) => ({ ...body, vatId: `DE${'1'.repeat(40)}` }), '/vatId'],
    ] as const;
    for (const [change, pointer] of refusals) {
      const refused = await updateDetails(client, change);
      expect(refused.status, pointer).toBe(422);
      expect(refused.body.code).toBe('validation_failed');
      expect(refused.body.errors.map((error: { pointer: string }) => error.pointer)).toEqual([
        pointer,
      ]);
      expect(refused.problems).toEqual([]);
    }
    const blank = await updateDetails(client, (body) => ({ ...body, companyName: '  ' }));
    expect(blank.body.errors[0].message).toBe('must not be blank');

    const accepted = await updateDetails(client, (body) => ({
      ...body,
      companyName: 'x'.repeat(200),
      address: { ...body.address, country: 'GB' },
    }));
    expect(accepted.status).toBe(200);
    expect(accepted.body.address.country).toBe('GB');
  });

  it("the spec's countries are the 249 assigned ISO 3166-1 codes, each a region ICU names", () => {
    const { CountryCode } = billingSpec.components?.schemas ?? {};
    const codes = (CountryCode as { enum: string[] }).enum;
    const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    expect(codes).toHaveLength(249);
    expect(new Set(codes).size).toBe(249);
    expect(codes.filter((code) => regions.of(code) === undefined)).toEqual([]);
    // Known to ICU, but not countries a customer is billed in.
    for (const reserved of ['UK', 'EU', 'EZ', 'UN', 'XK', 'ZZ', 'XA', 'QO', 'SU', 'YU'])
      expect(codes).not.toContain(reserved);
  });

  it('a 10 MB company name is refused (413) and never reaches later invoices', async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    const huge = await updateDetails(client, (body) => ({
      ...body,
      companyName: 'x'.repeat(10_000_000),
    }));
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('body_too_large');
    expect((await client.call('getBillingDetails')).body.companyName.length).toBeLessThanOrEqual(
      200,
    );
  });

  it('a refund reason is not blank', async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    const [paid] = await invoices(client, 'paid');
    const refused = await client.call('refundInvoice', {
      path: { invoiceId: paid!.id },
      body: { destination: 'credit_balance', reason: '   ' },
      headers: { 'idempotency-key': idempotencyKey() },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ pointer: '/reason', code: 'pattern' }),
    ]);
  });
});

describe('request bodies', () => {
  it('over 64 KiB are a 413 problem, with or without a Content-Length', async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    const path = `/teams/${client.mock.teamId}/subscription/preview`;
    const large = JSON.stringify({ seats: 3, timing: 'immediately', pad: 'x'.repeat(70_000) });
    const declared = await rawRequest(client, 'POST', path, large, {
      'content-type': 'application/json',
    });
    expect(declared.status).toBe(413);
    expect(declared.headers.get('content-type')).toBe('application/problem+json');
    expect((await declared.json()).code).toBe('body_too_large');
    // A streamed body has no length up front: it is read up to the limit, then refused.
    let sentChunks = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sentChunks += 1;
        controller.enqueue(new TextEncoder().encode(' '.repeat(16_384)));
      },
    });
    const streamed = await rawRequest(client, 'POST', path, endless, {
      'content-type': 'application/json',
    });
    expect(streamed.status).toBe(413);
    expect(sentChunks).toBeLessThan(10);
  });

  it('a huge invalid body gets a short 422 in bounded time, never a 500', async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    // 21,000 bad add-ons fit in 64 KiB; listing every error took Ajv over a minute.
    const started = performance.now();
    const many = await client.call('previewSubscriptionChange', {
      body: { addOns: Array.from({ length: 21_000 }, () => ({})), timing: 'immediately' },
    });
    expect(many.status).toBe(422);
    expect(many.body.errors).toEqual([
      expect.objectContaining({ pointer: '/addOns', code: 'max_items' }),
    ]);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(many.problems).toEqual([]);
    // 100,000 bad items do not fit in a request body at all.
    const hundredThousand = await client.call('previewSubscriptionChange', {
      body: { addOns: Array.from({ length: 100_000 }, () => ({})), timing: 'immediately' },
    });
    expect(hundredThousand.status).toBe(413);
    // …and the validator itself, used directly, answers them at once.
    const direct = client.mock.validator.validateRequest('previewSubscriptionChange', {
      path: { teamId: client.mock.teamId },
      query: new URLSearchParams(),
      headers: new Headers(),
      body: { addOns: Array.from({ length: 100_000 }, () => ({ blocks: 'x' })), timing: 'now' },
    });
    expect(direct.errors.map((error) => error.code)).toContain('max_items');
  });

  it('never refuse a valid list: every list a request body takes declares maxItems within the bound', () => {
    // Every array schema reachable from a request body, following $refs once each.
    const arrays: { at: string; maxItems?: number }[] = [];
    const seen = new Set<unknown>();
    const visit = (schema: unknown, at: string): void => {
      if (schema === null || typeof schema !== 'object' || seen.has(schema)) return;
      seen.add(schema);
      const node = schema as Record<string, unknown>;
      if (typeof node.$ref === 'string') {
        const target = node.$ref
          .replace(/^#\//, '')
          .split('/')
          .reduce<unknown>((parent, key) => (parent as Record<string, unknown>)[key], billingSpec);
        visit(target, node.$ref);
      }
      if (node.type === 'array') arrays.push({ at, maxItems: node.maxItems as number | undefined });
      for (const [key, child] of Object.entries(node)) {
        if (key !== 'examples' && key !== 'example') visit(child, `${at}/${key}`);
      }
    };
    for (const entry of listOperations(billingSpec)) {
      visit(entry.operation.requestBody, entry.operationId);
    }
    expect(arrays.length).toBeGreaterThan(0);
    expect(arrays.filter(({ maxItems }) => !(maxItems! <= maxBodyListItems))).toEqual([]);
  });

  it('list at most 50 field errors; the detail counts the rest', async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    const bad = await client.call('previewSubscriptionChange', {
      body: {
        // 100 items within the list bound, each wrong three ways, plus a wrong timing.
        addOns: Array.from({ length: 100 }, () => ({ addOnId: 1, blocks: 'x', extra: true })),
        timing: 'yesterday',
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toHaveLength(50);
    expect(bad.body.detail).toMatch(/\b302 field errors; the first 50 are listed/);
    expect(bad.problems).toEqual([]);
  });

  it('deeply nested JSON is a 422, not a stack overflow', async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    const depth = 20_000;
    const nested = await client.call('previewSubscriptionChange', {
      rawBody: `{"timing":"immediately","addOns":${'['.repeat(depth)}${']'.repeat(depth)}}`,
    });
    expect(nested.status).toBe(422);
    expect(nested.body.code).toBe('validation_failed');
  });
});

describe('JSON bodies only', () => {
  it('a body that is not application/json is 415, and a form post changes nothing', async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    const { teamId } = client.mock;
    const asText = await rawRequest(
      client,
      'POST',
      `/teams/${teamId}/subscription/preview`,
      JSON.stringify({ seats: 6, timing: 'immediately' }),
      { 'content-type': 'text/plain;charset=UTF-8' },
    );
    expect(asText.status).toBe(415);
    expect(asText.headers.get('content-type')).toBe('application/problem+json');
    expect((await asText.json()).code).toBe('unsupported_media_type');

    const before = (await client.call('getBillingDetails')).body;
    const form = await rawRequest(
      client,
      'PUT',
      `/teams/${teamId}/billing-details`,
      new URLSearchParams({ companyName: 'Hijacked Inc.' }),
    );
    expect(form.status).toBe(415);
    expect((await client.call('getBillingDetails')).body).toEqual(before);

    const untyped = await rawRequest(
      client,
      'POST',
      `/teams/${teamId}/subscription/preview`,
      new TextEncoder().encode(JSON.stringify({ seats: 6, timing: 'immediately' })),
    );
    expect(untyped.status).toBe(415);
  });

  it('a form post cannot move the clock or add members through the control endpoints', async () => {
    const mock = createBillingMock({ scenario: 'professional-annual-autoflex' });
    const today = mock.clock.today();
    const members = mock.members.list().length;
    const clock = await mock.handle(
      new Request(`${mock.baseUrl}/__mock/clock`, {
        method: 'POST',
        body: new URLSearchParams({ days: '30' }),
      }),
    );
    expect(clock.status).toBe(415);
    const joined = await mock.handle(
      new Request(`${mock.baseUrl}/__mock/teams/${mock.teamId}/members`, {
        method: 'POST',
        body: '{"role":"member"}', // a text/plain form (enctype="text/plain")
      }),
    );
    expect(joined.status).toBe(415);
    expect(mock.clock.today()).toBe(today);
    expect(mock.members.list()).toHaveLength(members);
  });

  it('operations without a body still work without a Content-Type', async () => {
    const client = contractClient({ scenario: 'enterprise-invoice' });
    const [open] = await invoices(client, 'open');
    const paid = await rawRequest(
      client,
      'POST',
      `/teams/${client.mock.teamId}/invoices/${open!.id}/pay`,
      null,
      {
        'idempotency-key': idempotencyKey(),
      },
    );
    expect(paid.status).toBe(200);
    expect((await paid.json()).status).toBe('paid');
  });
});

describe('methods', () => {
  it('a path of the API asked with a method it does not serve is 405 with Allow', async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    const deleted = await rawRequest(client, 'DELETE', `/teams/${client.mock.teamId}/plans`, null);
    expect(deleted.status).toBe(405);
    expect(deleted.headers.get('allow')).toBe('GET, HEAD');
    expect((await deleted.json()).code).toBe('method_not_allowed');
    const put = await rawRequest(
      client,
      'PUT',
      `/teams/${client.mock.teamId}/invoices/x/pay`,
      '{}',
      {
        'content-type': 'application/json',
      },
    );
    expect(put.headers.get('allow')).toBe('POST');
  });
});

describe('the test clock', () => {
  const move = (mock: ReturnType<typeof createBillingMock>, body: unknown) =>
    mock.handle(
      new Request(`${mock.baseUrl}/__mock/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );

  it('refuses dates outside 2000–2099 and moves of more than 1,830 days with a 422', async () => {
    const mock = createBillingMock({ scenario: 'long-history' });
    for (const [body, pointer] of [
      [{ to: '+275000-01-01' }, '/to'],
      [{ to: '2100-01-01' }, '/to'],
      [{ days: 1e9 }, '/days'],
      [{ days: 1_831 }, '/days'],
      [{ hours: 1_830 * 24 + 1 }, '/hours'],
      [{ to: 20260701 }, '/to'],
    ] as const) {
      const refused = await move(mock, body);
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect((await refused.json()).errors[0].pointer).toBe(pointer);
    }
    expect(mock.clock.today()).toBe('2026-06-20');
    const started = performance.now();
    expect((await move(mock, { days: 1_830 })).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(() => mock.clock.set('2150-01-01')).toThrow(RangeError);
    expect(() => createBillingMock({ now: '1970-01-01' })).toThrow(RangeError);
  });
});

describe('control endpoint text', () => {
  it('member names and ids are bounded and not blank', async () => {
    const mock = createBillingMock({ scenario: 'professional-annual-autoflex' });
    const join = (body: unknown) =>
      mock.handle(
        new Request(`${mock.baseUrl}/__mock/teams/${mock.teamId}/members`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
    const members = mock.members.list().length;
    for (const [body, pointer] of [
      [{ role: 'member', name: 'x'.repeat(201) }, '/name'],
      [{ role: 'member', name: '   ' }, '/name'],
      [{ role: 'member', id: 'x'.repeat(256) }, '/id'],
    ] as const) {
      const refused = await join(body);
      expect(refused.status).toBe(422);
      expect((await refused.json()).errors[0].pointer).toBe(pointer);
    }
    expect(mock.members.list()).toHaveLength(members);
    expect((await join({ role: 'member', name: 'Joan Clarke' })).status).toBe(201);
  });
});
