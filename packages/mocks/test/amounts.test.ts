/**
 * Money shown is money charged: an applied change charges exactly the amount the customer
 * saw (or nothing), and an invoice's lines add up to its total, with credit and payments
 * shown beside it. Every response is checked against the spec.
 */
import { describe, expect, it } from 'vitest';
import { type ContractClient, contractClient, idempotencyKey, invoices } from './helpers.js';
import { readPdf } from './pdf-reader.js';

const upgrade = { planId: 'professional', timing: 'immediately' };
const usd = (amount: number) => ({ amount, currency: 'USD' });

/** Everything a refused change must leave as it was. */
async function snapshot(client: ContractClient) {
  const subscription = await client.call('getSubscription');
  const events = await client.call('listBillingEvents', { query: { limit: '100' } });
  const credits = await client.call('getCredits');
  return {
    subscription: subscription.body,
    etag: subscription.headers.get('etag'),
    invoices: await invoices(client),
    events: events.body.data,
    credits: credits.body,
  };
}

async function apply(client: ContractClient, body: object, key = idempotencyKey()) {
  return client.call('applySubscriptionChange', {
    body,
    headers: { 'idempotency-key': key, 'if-match': await client.ifMatch() },
  });
}

function expectSpecConform(client: ContractClient): void {
  expect(client.calls.filter((call) => call.problems.length > 0)).toEqual([]);
}

describe('applySubscriptionChange with expectedAmountDue: what was shown, or nothing', () => {
  it('the day turns between preview and apply: 409 amount_changed with the fresh quote, nothing charged', async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    const { body: shown } = await client.call('previewSubscriptionChange', { body: upgrade });
    expect(shown.amountDueNow.amount).toBeGreaterThan(0);
    client.mock.clock.advance({ days: 1 });
    const before = await snapshot(client);

    const refused = await apply(client, { ...upgrade, expectedAmountDue: shown.amountDueNow });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      type: 'https://api.billkit.example/problems/amount-changed',
      status: 409,
      code: 'amount_changed',
    });
    const { body: fresh } = await client.call('previewSubscriptionChange', { body: upgrade });
    expect(refused.body.quote).toEqual(fresh);
    expect(fresh.amountDueNow.amount).toBeLessThan(shown.amountDueNow.amount);
    expect(refused.body.detail).toContain(
      `${(fresh.amountDueNow.amount / 100).toFixed(2)} USD due now`,
    );
    // No invoice, no event, no credit used, the same subscription and version.
    expect(await snapshot(client)).toEqual(before);

    const applied = await apply(client, { ...upgrade, expectedAmountDue: fresh.amountDueNow });
    expect(applied.status).toBe(200);
    expect(applied.body.invoice).toMatchObject({
      total: fresh.subtotal,
      amountPaid: fresh.amountDueNow,
      amountDue: usd(0),
    });
    expectSpecConform(client);
  });

  it('credits that changed since the preview refuse it too', async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    const { body: shown } = await client.call('previewSubscriptionChange', { body: upgrade });
    const contributed = await client.call('contributeCredits', { body: { amount: usd(1500) } });
    expect(contributed.status).toBe(201);
    const before = await snapshot(client);

    const refused = await apply(client, { ...upgrade, expectedAmountDue: shown.amountDueNow });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('amount_changed');
    expect(refused.body.quote).toMatchObject({
      subtotal: shown.subtotal,
      creditApplied: usd(1500),
      amountDueNow: usd(shown.amountDueNow.amount - 1500),
    });
    expect(await snapshot(client)).toEqual(before);
    expectSpecConform(client);
  });

  it('the amount shown is charged', async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    const { body: shown } = await client.call('previewSubscriptionChange', { body: upgrade });
    const applied = await apply(client, { ...upgrade, expectedAmountDue: shown.amountDueNow });
    expect(applied.status).toBe(200);
    expect(applied.body.quote).toEqual(shown);
    expect(applied.body.invoice.amountPaid).toEqual(shown.amountDueNow);
    expectSpecConform(client);
  });

  it('replays answer as the first time: a refusal stays a refusal, a charge stays the one charge', async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    const { body: shown } = await client.call('previewSubscriptionChange', { body: upgrade });
    const body = { ...upgrade, expectedAmountDue: shown.amountDueNow };

    // Applied at 09:00, its answer lost; the retry arrives after midnight (the key is kept for
    // 24 hours), when the price moved.
    const key = idempotencyKey();
    const first = await apply(client, body, key);
    expect(first.status).toBe(200);
    client.mock.clock.advance({ hours: 16 });
    const retried = await apply(client, body, key);
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body).toEqual(first.body);

    // A refusal is replayed too; the fresh amount is a new request with a new key.
    const seats = { seats: 8, timing: 'immediately' };
    const { body: seatsShown } = await client.call('previewSubscriptionChange', { body: seats });
    client.mock.clock.advance({ hours: 23 });
    const refusedKey = idempotencyKey();
    const stale = { ...seats, expectedAmountDue: seatsShown.amountDueNow };
    const refused = await apply(client, stale, refusedKey);
    expect(refused.body.code).toBe('amount_changed');
    const again = await apply(client, stale, refusedKey);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(refused.body);
    const sameKeyNewAmount = await apply(
      client,
      { ...seats, expectedAmountDue: refused.body.quote.amountDueNow },
      refusedKey,
    );
    expect(sameKeyNewAmount.body.code).toBe('idempotency_key_reused');
    const fresh = await apply(client, {
      ...seats,
      expectedAmountDue: refused.body.quote.amountDueNow,
    });
    expect(fresh.status).toBe(200);
    expect(fresh.body.invoice.amountPaid).toEqual(refused.body.quote.amountDueNow);
    expectSpecConform(client);
  });

  it('a stale If-Match is a version_conflict first, whatever the amount', async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    const ifMatch = await client.ifMatch();
    await apply(client, { seats: 6, timing: 'immediately' });
    const stale = await client.call('applySubscriptionChange', {
      body: { ...upgrade, expectedAmountDue: usd(1) },
      headers: { 'idempotency-key': idempotencyKey(), 'if-match': ifMatch },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(stale.body.quote).toBeUndefined();
    expectSpecConform(client);
  });

  it('an amount in another currency, or below zero, is bad input (422 on the field)', async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    const euros = await apply(client, {
      ...upgrade,
      expectedAmountDue: { amount: 1, currency: 'EUR' },
    });
    expect(euros.status).toBe(422);
    expect(euros.body.errors).toEqual([
      expect.objectContaining({
        pointer: '/expectedAmountDue/currency',
        code: 'currency_mismatch',
      }),
    ]);
    const negative = await apply(client, { ...upgrade, expectedAmountDue: usd(-1) });
    expect(negative.status).toBe(422);
    expect(negative.body.errors[0]).toMatchObject({
      pointer: '/expectedAmountDue/amount',
      code: 'invalid_amount',
    });
    const unknown = await apply(client, { ...upgrade, expectedAmount: usd(1) });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0]).toMatchObject({ pointer: '/expectedAmount' });
    // A preview takes no expected amount.
    const preview = await client.call('previewSubscriptionChange', {
      body: { ...upgrade, expectedAmountDue: usd(1) },
    });
    expect(preview.status).toBe(422);
    expect(preview.body.errors[0]).toMatchObject({ pointer: '/expectedAmountDue' });
    expect((await client.call('getSubscription')).body.planId).toBe('basic');
    expectSpecConform(client);
  });
});

describe('invoice totals: the lines add up to the total shown', () => {
  /** Basic annual, 1 seat (108.00 a year), renewing in 5 days, with 10.00 of credit. */
  const annualWithCredit = () =>
    contractClient({
      scenario: {
        planId: 'basic',
        interval: 'year',
        members: { admin: 1 },
        startedDaysAgo: 360,
        creditBalance: 1000,
      },
    });

  it('a 108.00 renewal with 10.00 of credit: total 108.00, credit 10.00, paid 98.00, due 0.00, in JSON and PDF', async () => {
    const client = annualWithCredit();
    client.mock.clock.advance({ days: 5 });
    const [renewal] = await invoices(client);
    expect(renewal?.lines.map((line) => line.amount.amount)).toEqual([10800]);
    expect(renewal).toMatchObject({
      status: 'paid',
      subtotal: usd(10800),
      total: usd(10800),
      creditApplied: usd(1000),
      amountPaid: usd(9800),
      amountDue: usd(0),
      refundable: { available: usd(9800) },
    });
    const pdf = await client.call('getInvoicePdf', { path: { invoiceId: renewal?.id ?? '' } });
    const { lines } = await readPdf(pdf.body);
    expect(lines.slice(lines.indexOf('Total USD 108.00'))).toEqual([
      'Total USD 108.00',
      'Credit applied USD 10.00',
      'Amount paid USD 98.00',
      'Amount due USD 0.00',
    ]);
    expectSpecConform(client);
  });

  it('a quote shows the figures its invoice then shows', async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    await client.call('contributeCredits', { body: { amount: usd(1000) } });
    const created = await client.call('createQuote', { body: { change: upgrade } });
    const quote = created.body;
    const sum = quote.lines.reduce(
      (total: number, line: { amount: { amount: number } }) => total + line.amount.amount,
      0,
    );
    expect(quote).toMatchObject({
      subtotal: usd(sum),
      total: usd(sum),
      creditApplied: usd(1000),
      amountDue: usd(sum - 1000),
    });
    const accepted = await client.call('acceptQuote', {
      path: { quoteId: quote.id },
      headers: { 'idempotency-key': idempotencyKey() },
    });
    expect(accepted.body.invoice).toMatchObject({
      status: 'open',
      total: quote.total,
      creditApplied: quote.creditApplied,
      amountPaid: usd(0),
      amountDue: quote.amountDue,
    });
    expectSpecConform(client);
  });
});
