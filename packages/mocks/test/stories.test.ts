/**
 * Each scenario's story, walked through with the test clock: what a team in that
 * state lives through as days pass, seen through the API.
 */
import { describe, expect, it } from 'vitest';
import { type ContractClient, contractClient, idempotencyKey, invoices } from './helpers.js';
import { readPdf } from './pdf-reader.js';

async function overview(client: ContractClient) {
  return (await client.call('getBillingOverview')).body;
}

async function eventTypes(client: ContractClient) {
  const { body } = await client.call('listBillingEvents', { query: { limit: '100' } });
  return (body.data as { type: string }[]).map((event) => event.type);
}

describe('past-due-grace', () => {
  it('is past due with a grace deadline, and becomes active when it pays with a working card', async () => {
    const client = contractClient({ scenario: 'past-due-grace' });
    const before = await overview(client);
    expect(before.subscription.status).toBe('past_due');
    expect(before.payment.status).toBe('past_due');
    expect(before.payment.graceEndsAt).not.toBeNull();
    expect(before.notices.map((notice: { code: string }) => notice.code)).toContain('grace_period');

    const [open] = await invoices(client, 'open');
    expect(open).toBeDefined();
    const declined = await client.call('payInvoice', {
      path: { invoiceId: open!.id },
      body: {},
      headers: { 'idempotency-key': idempotencyKey() },
    });
    expect(declined.status).toBe(402);

    const setup = await client.call('createPaymentMethodSetup', { body: { type: 'card' } });
    const card = await client.call('attachPaymentMethod', {
      body: { setupId: setup.body.id, providerToken: 'tok_visa', makeDefault: true },
    });
    const paid = await client.call('payInvoice', {
      path: { invoiceId: open!.id },
      body: { paymentMethodId: card.body.id },
      headers: { 'idempotency-key': idempotencyKey() },
    });
    expect(paid.status).toBe(200);
    expect(paid.body.status).toBe('paid');
    const after = await overview(client);
    expect(after.subscription.status).toBe('active');
    expect(after.payment.status).toBe('ok');
  });

  it('is deactivated when the grace period ends unpaid; data is kept', async () => {
    const client = contractClient({ scenario: 'past-due-grace' });
    const { payment } = await overview(client);
    client.mock.clock.set(`${payment.graceEndsAt}T12:00:00Z`);
    const after = await overview(client);
    expect(after.subscription.status).toBe('deactivated');
    expect(after.notices.map((notice: { code: string }) => notice.code)).toContain('deactivated');
    expect((await invoices(client)).length).toBeGreaterThan(0);
  });
});

describe('professional-annual-autoflex', () => {
  it('bills the retained extra members on the flex billing date, co-termed', async () => {
    const client = contractClient({ scenario: 'professional-annual-autoflex' });
    const { body: autoFlex } = await client.call('getAutoFlex');
    expect(autoFlex.enabled).toBe(true);
    expect(autoFlex.extraMembers).toBe(2);
    expect(autoFlex.estimatedCharge.amount).toBeGreaterThan(0);
    expect(
      (await overview(client)).notices.map((notice: { code: string }) => notice.code),
    ).toContain('auto_flex_billing_soon');

    const before = (await invoices(client)).length;
    client.mock.clock.set(`${autoFlex.cycle.billingDate}T12:00:00Z`);
    const all = await invoices(client);
    expect(all.length).toBe(before + 1);
    const flexLine = all[0]!.lines.find((line) => line.kind === 'auto_flex');
    expect(flexLine?.amount.amount).toBe(autoFlex.estimatedCharge.amount);
    const { body: billed } = await client.call('getAutoFlex');
    expect(billed.billedExtraSeats).toBe(2);
    expect(billed.extraMembers).toBe(0);
    expect(await eventTypes(client)).toContain('auto_flex_billed');
  });

  it('bills nothing when the extra members left before the billing date', async () => {
    const client = contractClient({ scenario: 'professional-annual-autoflex' });
    const { body: autoFlex } = await client.call('getAutoFlex');
    const members = client.mock.members.list();
    for (const member of members.slice(-2)) client.mock.members.remove(member.id);
    const before = (await invoices(client)).length;
    client.mock.clock.set(`${autoFlex.cycle.billingDate}T12:00:00Z`);
    expect((await invoices(client)).length).toBe(before);
  });

  it('lets members join through the control endpoint as auto-flex extras', async () => {
    const client = contractClient({ scenario: 'professional-annual-autoflex' });
    const joined = await client.mock.handle(
      new Request(`${client.mock.baseUrl}/__mock/teams/${client.mock.teamId}/members`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'member', name: 'Joan Clarke' }),
      }),
    );
    expect(joined.status).toBe(201);
    expect((await client.call('getAutoFlex')).body.extraMembers).toBe(3);
  });
});

describe('trialing', () => {
  it('converts at trial end: the card is charged and the team is active', async () => {
    const client = contractClient({ scenario: 'trialing' });
    const { body: subscription } = await client.call('getSubscription');
    expect(subscription.status).toBe('trialing');
    expect(await invoices(client)).toHaveLength(0);
    client.mock.clock.set(`${subscription.trialEnd}T12:00:00Z`);
    const { body: converted } = await client.call('getSubscription');
    expect(converted.status).toBe('active');
    const [first] = await invoices(client);
    expect(first?.status).toBe('paid');
    expect(first?.total.amount).toBe(4 * 2_400);
  });
});

describe('term-credit-seat-order-expiring', () => {
  it('warns 30 days ahead, then drops to Free when the order expires', async () => {
    const client = contractClient({ scenario: 'term-credit-seat-order-expiring' });
    const before = await overview(client);
    expect(before.subscription.seatOrder).not.toBeNull();
    expect(before.notices.map((notice: { code: string }) => notice.code)).toContain(
      'seat_order_expiring',
    );
    client.mock.clock.set(`${before.subscription.seatOrder.period.end}T12:00:00Z`);
    const after = await overview(client);
    expect(after.subscription.planId).toBe('free');
  });
});

describe('over-quota-overage-disallowed', () => {
  it('refuses usage beyond the cap, from JS and through the control endpoint', async () => {
    const client = contractClient({ scenario: 'over-quota-overage-disallowed' });
    const usage = await client.call('getUsageDetail', {
      path: { resourceId: 'monitoring_requests' },
    });
    expect(usage.body).toMatchObject({
      overagePolicy: 'disallowed',
      used: 10_000,
      included: 10_000,
    });
    expect(
      client.mock.recordUsage({ resourceId: 'monitoring_requests', quantity: 1 }).accepted,
    ).toBe(false);
    const refused = await client.mock.handle(
      new Request(`${client.mock.baseUrl}/__mock/teams/${client.mock.teamId}/usage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ resourceId: 'monitoring_requests', quantity: 50 }),
      }),
    );
    expect(refused.status).toBe(429);
    expect(
      (await client.call('getUsageDetail', { path: { resourceId: 'monitoring_requests' } })).body
        .used,
    ).toBe(10_000);
  });
});

describe('over-quota-overage-allowed', () => {
  it('bills the overage at the end of the usage period and keeps that period for listUsage?period=', async () => {
    const client = contractClient({ scenario: 'over-quota-overage-allowed' });
    const { body: usage } = await client.call('getUsageDetail', {
      path: { resourceId: 'monitoring_requests' },
    });
    expect(usage.overageQuantity).toBe(2_500);
    expect(usage.projectedOverage.amount).toBeGreaterThan(0);
    client.mock.clock.set(`${usage.period.end}T12:00:00Z`);
    const overageLine = (await invoices(client))[0]?.lines.find((line) => line.kind === 'overage');
    expect(overageLine?.amount.amount).toBe(usage.projectedOverage.amount);
    const past = await client.call('listUsage', { query: { period: usage.period.start } });
    expect(
      past.body.data.find(
        (entry: { resourceId: string }) => entry.resourceId === 'monitoring_requests',
      ).used,
    ).toBe(12_500);
  });
});

describe('basic-monthly', () => {
  it('renews through the clock endpoint: a new paid invoice and a renewal event', async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    const { body: subscription } = await client.call('getSubscription');
    const before = (await invoices(client)).length;
    const moved = await client.mock.handle(
      new Request(`${client.mock.baseUrl}/__mock/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ to: subscription.currentPeriod.end }),
      }),
    );
    expect((await moved.json()).today).toBe(subscription.currentPeriod.end);
    const after = await invoices(client);
    expect(after.length).toBe(before + 1);
    expect(after[0]).toMatchObject({ status: 'paid', total: { amount: 5 * 1_200 } });
    expect(await eventTypes(client)).toContain('subscription_renewed');
  });

  it('refuses to move the clock backwards', async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    const moved = await client.mock.handle(
      new Request(`${client.mock.baseUrl}/__mock/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ to: '2020-01-01' }),
      }),
    );
    expect(moved.status).toBe(422);
  });
});

describe('enterprise-invoice', () => {
  it('has an open invoice paid by ACH; unpaid past its due date the team is past due', async () => {
    const paying = contractClient({ scenario: 'enterprise-invoice' });
    const [open] = await invoices(paying, 'open');
    expect(open).toBeDefined();
    const { body: methods } = await paying.call('listPaymentMethods');
    expect(methods.data.map((method: { type: string }) => method.type)).toEqual(['ach', 'wire']);
    const paid = await paying.call('payInvoice', {
      path: { invoiceId: open!.id },
      body: {},
      headers: { 'idempotency-key': idempotencyKey() },
    });
    expect(paid.body.status).toBe('paid');

    const late = contractClient({ scenario: 'enterprise-invoice' });
    const { body: invoice } = await late.call('getInvoice', { path: { invoiceId: open!.id } });
    late.mock.clock.set(`${invoice.dueDate}T12:00:00Z`);
    late.mock.clock.advance({ days: 1 });
    expect((await overview(late)).subscription.status).toBe('past_due');
  });
});

describe('long-history', () => {
  it('pages through 1,000+ invoices without gaps or repeats', async () => {
    const client = contractClient({ scenario: 'long-history' });
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await client.call('listInvoices', {
        query: { limit: '100', ...(cursor ? { cursor } : {}) },
      });
      for (const invoice of page.body.data) seen.add(invoice.id);
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(seen.size).toBeGreaterThanOrEqual(1_000);
    expect(seen.size).toBe(client.mock.team.state.invoices.length);
    expect(pages).toBe(Math.ceil(seen.size / 100));
  });
});

describe('a team described inline (worked example 1 of the billing rules)', () => {
  const workedExampleTeam = () =>
    contractClient({
      now: '2026-06-20T09:00:00Z',
      scenario: {
        planId: 'basic',
        interval: 'month',
        policy: 'term-credit',
        members: { admin: 1, member: 9 },
        startedDaysAgo: 0,
      },
    });

  it('term-credit: a member joining mid-period is trued up at the monthly review', async () => {
    const client = workedExampleTeam();
    client.mock.clock.set('2026-06-25T10:00:00Z');
    client.mock.members.add({ role: 'member', name: 'Joan Clarke' });
    client.mock.clock.set('2026-07-20T10:00:00Z');
    const [renewal] = await invoices(client);
    expect(renewal?.total.amount).toBe(14_200);
    expect(renewal?.lines.map((line) => [line.kind, line.amount.amount])).toEqual(
      expect.arrayContaining([['true_up', 1_000]]),
    );
  });

  it('term-credit: previews show the true-up already queued for the review, outside the amount due now', async () => {
    const client = workedExampleTeam();
    client.mock.clock.set('2026-06-25T10:00:00Z');
    client.mock.members.add({ role: 'member', name: 'Joan Clarke' });
    const { body: quote } = await client.call('previewSubscriptionChange', {
      body: { addOns: [{ addOnId: 'custom_domain', blocks: 1 }], timing: 'immediately' },
    });
    expect(quote.deferred).toEqual([
      expect.objectContaining({ kind: 'true_up', amount: { amount: 1_000, currency: 'USD' } }),
    ]);
    expect(quote.lines.map((line: { kind: string }) => line.kind)).not.toContain('true_up');
  });
});

describe('free', () => {
  it('has no invoices and no payment method, and refuses bank methods', async () => {
    const client = contractClient({ scenario: 'free' });
    expect(await invoices(client)).toHaveLength(0);
    expect((await client.call('listPaymentMethods')).body.data).toHaveLength(0);
    const ach = await client.call('createPaymentMethodSetup', { body: { type: 'ach' } });
    expect(ach.body.code).toBe('payment_method_not_allowed');
  });
});

describe('billing details on invoices', () => {
  it('keeps the details an invoice was issued with; later invoices carry the new ones, in JSON and PDF', async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    const [issued] = await invoices(client);
    const { body: details } = await client.call('getBillingDetails');
    await client.call('updateBillingDetails', {
      body: { ...details, companyName: 'Acme Robotics (Europe) SE', vatId: 'ATU12345678' },
    });
    const pdfLines = async (invoiceId: string) =>
      (await readPdf((await client.call('getInvoicePdf', { path: { invoiceId } })).body)).lines;

    const old = await client.call('getInvoice', { path: { invoiceId: issued!.id } });
    expect(old.body.billingDetails.companyName).toBe(details.companyName);
    expect(await pdfLines(issued!.id)).toContain(details.companyName);

    client.mock.clock.advance({ days: 31 });
    const [renewal] = await invoices(client);
    expect(renewal!.id).not.toBe(issued!.id);
    const lines = await pdfLines(renewal!.id);
    expect(lines).toContain('Acme Robotics (Europe) SE');
    expect(lines).toContain('VAT ID: ATU12345678');
    for (const line of (await client.call('getInvoice', { path: { invoiceId: renewal!.id } })).body
      .lines) {
      expect(lines).toContain(line.description);
    }
  });

  it("prints a Japanese company's own name on its invoices", async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    const { body: details } = await client.call('getBillingDetails');
    await client.call('updateBillingDetails', {
      body: {
        ...details,
        companyName: '株式会社テスト',
        address: { ...details.address, line1: '千代田区丸の内1-1', city: '東京都', country: 'JP' },
        vatId: null,
      },
    });
    client.mock.clock.advance({ days: 31 });
    const [renewal] = await invoices(client);
    const pdf = await client.call('getInvoicePdf', { path: { invoiceId: renewal!.id } });
    expect(pdf.problems).toEqual([]);
    const { lines } = await readPdf(pdf.body);
    expect(lines[0]).toBe(`Invoice ${renewal!.number}`);
    expect(lines).toContain('株式会社テスト');
    expect(lines).toContain('千代田区丸の内1-1');
  });
});

describe('invoice first: a quote accepted into an open invoice', () => {
  /** A term-credit team on Free that pays by invoice (ACH), evaluating before it buys seats. */
  const evaluatingTeam = () =>
    contractClient({
      now: '2026-07-13T12:00:00Z',
      scenario: {
        teamId: 'team_initech',
        planId: 'free',
        policy: 'term-credit',
        collectionMethod: 'send_invoice',
        members: { admin: 1, billing: 1, member: 1 },
        paymentMethods: ['ach'],
        startedDaysAgo: 60,
      },
    });
  const seatOrderQuote = {
    change: { planId: 'professional', interval: 'year', seats: 25, timing: 'immediately' },
    seatOrder: { seats: 25 },
  };
  const accept = (client: ContractClient, quoteId: string) =>
    client.call('acceptQuote', {
      path: { quoteId },
      headers: { 'idempotency-key': idempotencyKey() },
    });

  it('term-credit: a seat-order quote is approved, accepted a week later, paid by bank transfer', async () => {
    const client = evaluatingTeam();
    const { body: quote } = await client.call('createQuote', { body: seatOrderQuote });
    expect(quote).toMatchObject({ status: 'open', validUntil: '2026-08-12', invoiceId: null });
    expect(quote.total.amount).toBe(25 * 21_600);

    client.mock.clock.set('2026-07-20T09:00:00Z'); // budget approved
    const accepted = await accept(client, quote.id);
    expect(accepted.status).toBe(200);
    const { subscription, invoice } = accepted.body;
    expect(subscription.seatOrder).toEqual({
      seats: 25,
      unitPrice: { amount: 21_600, currency: 'USD' },
      period: { start: '2026-07-20', end: '2027-07-20' },
    });
    expect(invoice).toMatchObject({
      status: 'open',
      collectionMethod: 'send_invoice',
      issueDate: '2026-07-20',
      dueDate: '2026-08-19',
      amountDue: { amount: 25 * 21_600 },
    });
    expect(accepted.headers.get('etag')).toBe(`"${subscription.version}"`);
    const { body: stored } = await client.call('getQuote', { path: { quoteId: quote.id } });
    expect(stored).toMatchObject({ status: 'accepted', invoiceId: invoice.id });
    const { body: history } = await client.call('listBillingEvents', { query: { limit: '10' } });
    expect(history.data).toContainEqual(
      expect.objectContaining({
        type: 'quote_accepted',
        invoiceId: invoice.id,
        amount: { amount: 25 * 21_600, currency: 'USD' },
      }),
    );

    const { body: methods } = await client.call('listPaymentMethods');
    const bankAccount = methods.data.find((method: { type: string }) => method.type === 'ach');
    const paid = await client.call('payInvoice', {
      path: { invoiceId: invoice.id },
      body: { paymentMethodId: bankAccount.id },
      headers: { 'idempotency-key': idempotencyKey() },
    });
    expect(paid.body).toMatchObject({ status: 'paid', paymentMethodId: bankAccount.id });
    const after = await overview(client);
    expect(after.subscription).toMatchObject({ planId: 'professional', interval: 'year' });
    expect(after.subscription.seatOrder.seats).toBe(25);
    expect(after.payment.status).toBe('ok');
  });

  it('refuses a quote once the clock has passed its validUntil day', async () => {
    const client = evaluatingTeam();
    const { body: quote } = await client.call('createQuote', { body: seatOrderQuote });
    client.mock.clock.set(`${quote.validUntil}T23:00:00Z`);
    expect((await client.call('getQuote', { path: { quoteId: quote.id } })).body.status).toBe(
      'open',
    );
    client.mock.clock.advance({ hours: 2 });
    const expired = await accept(client, quote.id);
    expect(expired.status).toBe(409);
    expect(expired.body.code).toBe('quote_expired');
    expect((await client.call('listQuotes')).body.data[0].status).toBe('expired');
    expect((await overview(client)).subscription.planId).toBe('free');
  });

  it('refuses a proration quoted yesterday (the price moved); a fresh quote is invoiced, not charged, for a card team', async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    const upgrade = { change: { planId: 'professional', timing: 'immediately' } };
    const { body: yesterday } = await client.call('createQuote', { body: upgrade });
    client.mock.clock.advance({ days: 1 });
    const outdated = await accept(client, yesterday.id);
    expect(outdated.status).toBe(409);
    expect(outdated.body.code).toBe('quote_outdated');
    expect(outdated.body.detail).toContain('Create a new quote');
    expect((await client.call('getSubscription')).body.planId).toBe('basic');

    const { body: quote } = await client.call('createQuote', { body: upgrade });
    expect(quote.total.amount).toBeLessThan(yesterday.total.amount);
    const accepted = await accept(client, quote.id);
    expect(accepted.body.subscription).toMatchObject({
      planId: 'professional',
      collectionMethod: 'charge_automatically',
    });
    expect(accepted.body.invoice).toMatchObject({
      status: 'open',
      collectionMethod: 'send_invoice',
      attempts: 0,
      total: quote.total,
      amountDue: quote.amountDue,
    });
    const paid = await client.call('payInvoice', {
      path: { invoiceId: accepted.body.invoice.id },
      body: {},
      headers: { 'idempotency-key': idempotencyKey() },
    });
    expect(paid.body.status).toBe('paid');
  });
});
