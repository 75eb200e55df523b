/**
 * The Node SDK guide's examples (examples/sdk-node), run as shown against the mock's Node
 * server over real HTTP.
 */
import { afterEach, expect, test } from 'vitest';
import { createServiceClient } from '../../examples/sdk-node/client.js';
import { saveBillingDetails } from '../../examples/sdk-node/details.js';
import { invoicesSince } from '../../examples/sdk-node/invoices.js';
import { teamSummary } from '../../examples/sdk-node/overview.js';
import { applyOnce } from '../../examples/sdk-node/retry.js';
import { addSeats } from '../../examples/sdk-node/seats.js';
import { type ServedMock, serveMock } from './mock-server.js';

let served: ServedMock | undefined;
afterEach(() => served?.close());

async function clientFor(options: Parameters<typeof serveMock>[0]) {
  served = await serveMock(options);
  const billing = createServiceClient({
    BILLING_API_URL: served.baseUrl,
    BILLING_TEAM_ID: served.mock.teamId,
    BILLING_SERVICE_TOKEN: 'role:billing',
  });
  return { billing, served };
}

test('createServiceClient refuses to start without its settings', () => {
  expect(() => createServiceClient({})).toThrow(
    'Set BILLING_API_URL, BILLING_TEAM_ID and BILLING_SERVICE_TOKEN',
  );
});

test('teamSummary lists the plans and reads the overview', async () => {
  const { billing } = await clientFor({ scenario: 'basic-monthly' });
  expect(await teamSummary(billing)).toEqual({
    plans: ['free', 'basic', 'professional', 'enterprise'],
    plan: 'basic',
    seats: '5 in use of 5',
    nextInvoice: { date: '2026-07-11', amount: 6_000, currency: 'USD' }, // 5 seats at $12
  });
});

test('addSeats previews, then applies with If-Match and its key; the key cannot buy twice', async () => {
  const { billing, served } = await clientFor({ scenario: 'basic-monthly' });
  const first = await addSeats(billing, { add: 2, idempotencyKey: 'order-1001' });
  expect(first).toEqual({ status: 'applied', seats: 7, invoiceId: expect.any(String) });
  // The same intent again (a double click, a retried job): replayed, not bought twice.
  const again = await addSeats(billing, { add: 2, idempotencyKey: 'order-1001' });
  expect(again.status).toBe('refused'); // the key now names another body: 9 seats, not 7
  expect(again).toMatchObject({ code: 'idempotency_key_reused' });
  expect((await billing.subscription.get()).seats.purchased).toBe(7);
  const applies = served.requests.filter((r) => r.endsWith('/subscription/changes'));
  expect(applies).toHaveLength(2);
});

test('addSeats hands back the new quote when the price moved between preview and apply', async () => {
  const { billing, served } = await clientFor({ scenario: 'basic-monthly' });
  // Between the preview and the apply the clock crosses midnight: prorations move.
  const realPreview = billing.subscription.preview;
  billing.subscription.preview = async (...args) => {
    const quote = await realPreview(...args);
    served.mock.clock.advance({ days: 1 });
    return quote;
  };
  const result = await addSeats(billing, { add: 1, idempotencyKey: 'order-1002' });
  expect(result.status).toBe('review');
  if (result.status !== 'review') return;
  expect(result.quote.possible).toBe(true);
  expect((await billing.subscription.get()).seats.purchased).toBe(5); // nothing was charged
});

test('addSeats reports a rule refusal with its code', async () => {
  const { billing } = await clientFor({ scenario: 'basic-monthly' });
  expect(await addSeats(billing, { add: -3, idempotencyKey: 'order-1003' })).toEqual({
    status: 'refused',
    code: 'seats_below_members',
    message: expect.any(String),
  });
});

test('applyOnce retries a lost answer with the same key: the change is applied once', async () => {
  const { billing, served } = await clientFor({ scenario: 'basic-monthly' });
  // The first three answers (the call and the SDK's two retries) are lost after the change ran.
  served.mock.faults.add({
    kind: 'network_error',
    operationId: 'applySubscriptionChange',
    onRequests: [1, 2, 3],
    phase: 'response',
  });
  const subscription = await billing.subscription.get();
  const quote = await billing.subscription.preview({ seats: 8, timing: 'immediately' });
  const applied = await applyOnce(
    billing,
    { seats: 8, timing: 'immediately', expectedAmountDue: quote.amountDueNow },
    { ifMatch: subscription.version, idempotencyKey: 'seats-order-77' },
  );
  expect(applied.subscription.seats.purchased).toBe(8);
  expect(served.requests.filter((r) => r.endsWith('/subscription/changes'))).toHaveLength(4);
  const { data: invoices } = await billing.invoices.list({ limit: 100 });
  expect(invoices.filter((invoice) => invoice.id === applied.invoice?.id)).toHaveLength(1);
  const charged = invoices.filter((invoice) => invoice.issueDate === '2026-06-20');
  expect(charged).toHaveLength(1); // one invoice for the seats, not four
});

test('applyOnce stops at once on a refusal that trying again cannot fix', async () => {
  const { billing, served } = await clientFor({ scenario: 'basic-monthly' });
  await expect(
    applyOnce(
      billing,
      { seats: 8, timing: 'immediately' },
      { ifMatch: 'stale', idempotencyKey: 'seats-order-78' },
    ),
  ).rejects.toMatchObject({ status: 409, code: 'version_conflict' });
  expect(served.requests.filter((r) => r.endsWith('/subscription/changes'))).toHaveLength(1);
});

test('invoicesSince pages through a long history and stops fetching at the first older invoice', async () => {
  const { billing, served } = await clientFor({ scenario: 'long-history' });
  const recent = await invoicesSince(billing, '2026-04-01');
  expect(recent.length).toBeGreaterThan(50); // more than one page
  expect(recent.every((invoice) => invoice.issueDate >= '2026-04-01')).toBe(true);
  const pages = served.requests.filter((r) => r.includes('/invoices?'));
  expect(pages.length).toBe(Math.ceil((recent.length + 1) / 50));
});

test('invoicesSince gives up when its signal aborts', async () => {
  const { billing } = await clientFor({ scenario: 'long-history', latency: 50 });
  const controller = new AbortController();
  const pending = invoicesSince(billing, '2000-01-01', controller.signal);
  controller.abort(new Error('the job was cancelled'));
  await expect(pending).rejects.toThrow('the job was cancelled');
});

test('saveBillingDetails returns the field errors keyed by their pointers', async () => {
  const { billing } = await clientFor({ scenario: 'basic-monthly' });
  const details = await billing.billingDetails.get();
  expect(await saveBillingDetails(billing, { ...details, vatId: 'DE12345' })).toEqual({
    ok: false,
    errors: { '/vatId': expect.stringContaining('(invalid_vat_id)') },
  });
  expect(await saveBillingDetails(billing, { ...details, companyName: 'Initech GmbH' })).toEqual({
    ok: true,
  });
  expect((await billing.billingDetails.get()).companyName).toBe('Initech GmbH');
});
