/**
 * The SDK against the mock in Node through MSW's `setupServer`, unhandled
 * requests being errors: typed calls, roles from tokens, pagination, PDFs, and
 * retries under injected faults that never charge twice.
 */
import { addDays } from '@billkit/engine';
import {
  BillingApiError,
  type BillingClient,
  BillingNetworkError,
  createBillingClient,
} from '@billkit/sdk';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BillingMock, type BillingMockOptions, createBillingMock } from '../src/index.js';
import { readPdf } from './pdf-reader.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A mock served by MSW, and an SDK client whose token picks the viewer's role. */
function setUp(
  options: BillingMockOptions = {},
  token = 'role:admin',
): { mock: BillingMock; billing: BillingClient } {
  const mock = createBillingMock(options);
  server.use(...mock.handlers);
  const billing = createBillingClient({
    baseUrl: mock.baseUrl,
    teamId: mock.teamId,
    getToken: () => token,
    retry: { limit: 2, baseDelayMs: 1, maxDelayMs: 1_000 },
  });
  return { mock, billing };
}

function count<T>(items: T[], predicate: (item: T) => boolean): number {
  return items.filter(predicate).length;
}

describe('SDK against the mock (msw/node)', () => {
  it('reads the dashboard with the role the token names', async () => {
    const { billing } = setUp({ scenario: 'professional-annual-autoflex' }, 'role:member');
    const overview = await billing.overview.get();
    expect(overview.viewer.role).toBe('member');
    expect(overview.viewer.permissions.manageBilling).toBe(false);
    expect(overview.autoFlex.extraMembers).toBe(2);
    const refused = await billing.invoices.list().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BillingApiError);
    expect((refused as BillingApiError).status).toBe(403);
  });

  it("says which billing day the overview describes: the test clock's, not the host's", async () => {
    const { billing, mock } = setUp({ scenario: 'basic-monthly', now: '2026-06-20T23:30:00Z' });
    expect((await billing.overview.get()).today).toBe('2026-06-20');
    mock.clock.advance({ hours: 1 });
    expect((await billing.overview.get()).today).toBe('2026-06-21');
  });

  it('previews and applies a change with If-Match; a stale version is a version_conflict', async () => {
    const { billing } = setUp({ scenario: 'basic-monthly' });
    const subscription = await billing.subscription.get();
    const change = { planId: 'professional', timing: 'immediately' } as const;
    const quote = await billing.subscription.preview(change);
    expect(quote.possible).toBe(true);
    const applied = await billing.subscription.apply(change, { ifMatch: subscription.version });
    expect(applied.subscription.planId).toBe('professional');
    expect(applied.invoice?.total).toEqual(quote.subtotal);
    expect(applied.invoice?.amountPaid).toEqual(quote.amountDueNow);
    const stale = await billing.subscription
      .apply({ seats: 9, timing: 'immediately' }, { ifMatch: subscription.version })
      .catch((error: unknown) => error);
    expect((stale as BillingApiError).code).toBe('version_conflict');
  });

  it('a member joining after the preview makes its version stale: 409, not a different charge', async () => {
    // The rules' example 2: term-credit, Basic monthly, 10 members; each member changes the price.
    const { billing, mock } = setUp({
      scenario: {
        planId: 'basic',
        interval: 'month',
        policy: 'term-credit',
        members: { admin: 1, member: 9 },
        startedDaysAgo: 5,
      },
    });
    const { version } = await billing.subscription.get();
    const change = { planId: 'professional', timing: 'immediately' } as const;
    await billing.subscription.preview(change);
    mock.members.add({ role: 'member' });
    const stale = await billing.subscription
      .apply(change, { ifMatch: version })
      .catch((error: unknown) => error);
    expect(stale).toMatchObject({ status: 409, code: 'version_conflict' });
    expect((await billing.subscription.get()).version).not.toBe(version);
  });

  it('lists history newest first, with the instant each event happened', async () => {
    const { billing, mock } = setUp({ scenario: 'basic-monthly', now: '2026-06-20T09:00:00Z' });
    const setup = await billing.paymentMethods.createSetup({ type: 'card' });
    await billing.paymentMethods.attach({ setupId: setup.id, providerToken: 'tok_visa' });
    mock.clock.advance({ hours: 2 });
    const { version } = await billing.subscription.get();
    await billing.subscription.apply({ seats: 6, timing: 'immediately' }, { ifMatch: version });
    const { data } = await billing.events.list({ limit: 10 });
    const seats = data.findIndex((event) => event.type === 'seats_changed');
    const card = data.findIndex((event) => event.type === 'payment_method_added');
    expect(seats).toBeLessThan(card);
    expect(data[seats]?.occurredAt).toBe('2026-06-20T11:00:00Z');
    expect(data[card]?.occurredAt).toBe('2026-06-20T09:00:00Z');
    const times = data.map((event) => event.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('pages stay consistent while new invoices arrive, and a forged cursor is refused', async () => {
    const { billing } = setUp({ scenario: 'basic-monthly' });
    const first = await billing.invoices.list({ limit: 1 });
    const { version } = await billing.subscription.get();
    await billing.subscription.apply({ seats: 6, timing: 'immediately' }, { ifMatch: version });
    const second = await billing.invoices.list({ limit: 1, cursor: first.nextCursor! });
    expect(second.data[0]?.id).not.toBe(first.data[0]?.id);
    expect(second.data[0]!.issueDate <= first.data[0]!.issueDate).toBe(true);
    const forged = await billing.invoices
      .list({ limit: 1, cursor: btoa('inv_forged') })
      .catch((error: unknown) => error);
    expect(forged).toMatchObject({ status: 422, code: 'invalid_cursor' });
  });

  it('a free team upgrading without a card is told to add one (409), and nothing changes', async () => {
    const { billing } = setUp({ scenario: 'free' });
    const { version } = await billing.subscription.get();
    const refused = await billing.subscription
      .apply({ planId: 'basic', seats: 2, timing: 'immediately' }, { ifMatch: version })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 409, code: 'no_payment_method' });
    expect((await billing.subscription.get()).planId).toBe('free');
  });

  it('reports field errors: an invalid VAT ID on /vatId', async () => {
    const { billing } = setUp({ scenario: 'enterprise-invoice' });
    const details = await billing.billingDetails.get();
    const error = await billing.billingDetails
      .update({ ...details, vatId: 'DE1234' })
      .catch((caught: unknown) => caught);
    expect((error as BillingApiError).status).toBe(422);
    expect((error as BillingApiError).requestId).toMatch(/^req_\d{6}$/);
    expect((error as BillingApiError).fieldErrors).toEqual([
      expect.objectContaining({ pointer: '/vatId', code: 'invalid_vat_id' }),
    ]);
  });

  it('iterates 1,000+ invoices page by page and downloads a PDF', async () => {
    const { billing, mock } = setUp({ scenario: 'long-history' });
    let seen = 0;
    for await (const _invoice of billing.invoices.all({ limit: 100 })) seen += 1;
    expect(seen).toBe(mock.team.state.invoices.length);
    expect(seen).toBeGreaterThanOrEqual(1_000);
    const [first] = (await billing.invoices.list({ limit: 1 })).data;
    const pdf = await billing.invoices.getPdf(first!.id);
    const { lines } = await readPdf(new Uint8Array(await pdf.arrayBuffer()));
    expect(lines[0]).toBe(`Invoice ${first!.number}`);
  });
});

describe('retries under injected faults never charge twice', () => {
  const seatPurchase = { seats: 6, timing: 'immediately' } as const;

  async function buySeat(options: BillingMockOptions) {
    const { billing, mock } = setUp({ scenario: 'basic-monthly', ...options });
    const invoicesBefore = mock.team.state.invoices.length;
    const subscription = await billing.subscription.get();
    const applied = await billing.subscription.apply(seatPurchase, {
      ifMatch: subscription.version,
    });
    const charges = count(
      mock.team.events,
      (event) => event.type === 'charge_created' || event.type === 'payment_succeeded',
    );
    return {
      applied,
      mock,
      newInvoices: mock.team.state.invoices.length - invoicesBefore,
      charges,
    };
  }

  it.each([
    ['503 before the change', { kind: 'unavailable', phase: 'request' }],
    ['429 with Retry-After', { kind: 'rate_limited', phase: 'request' }],
    ['a dropped connection before the change', { kind: 'network_error', phase: 'request' }],
    [
      'a dropped connection after the change was made',
      { kind: 'network_error', phase: 'response' },
    ],
    ['a 503 after the change was made', { kind: 'unavailable', phase: 'response' }],
  ] as const)('%s: one invoice, one charge', async (_name, fault) => {
    const clean = await buySeat({});
    const faulty = await buySeat({
      faults: [
        { ...fault, operationId: 'applySubscriptionChange', onRequests: [1], retryAfter: 0 },
      ],
    });
    expect(faulty.applied.subscription.seats.purchased).toBe(6);
    expect(faulty.newInvoices).toBe(1);
    expect(clean.newInvoices).toBe(1);
    expect(faulty.charges).toBe(clean.charges);
    const invoiceId = faulty.applied.invoice?.id;
    expect(invoiceId).toBe(faulty.mock.team.state.invoices.at(-1)?.id);
    const ofInvoice = faulty.mock.team.events.filter((event) => event.invoiceId === invoiceId);
    expect(ofInvoice.map((event) => event.type).sort()).toEqual([
      'charge_created',
      'invoice_issued',
      'payment_succeeded',
    ]);
  });

  it('a response fault loses replays too: every answer dropped, the change made once', async () => {
    const { billing, mock } = setUp({
      scenario: 'basic-monthly',
      faults: [
        {
          kind: 'network_error',
          phase: 'response',
          operationId: 'applySubscriptionChange',
          onRequests: [1, 2, 3],
        },
      ],
    });
    const { version } = await billing.subscription.get();
    const lost = await billing.subscription
      .apply(seatPurchase, { ifMatch: version })
      .catch((error: unknown) => error);
    expect(lost).toBeInstanceOf(BillingNetworkError);
    expect(count(mock.team.events, (event) => event.type === 'seats_changed')).toBe(1);
    expect((await billing.subscription.get()).seats.purchased).toBe(6);
  });

  it('a double click: concurrent requests with one key run once, and all get its answer', async () => {
    const { billing, mock } = setUp({ scenario: 'basic-monthly' });
    const contribution = { amount: { amount: 1_000, currency: 'USD' } };
    const answers = await Promise.all(
      [1, 2, 3].map(() => billing.credits.contribute(contribution, { idempotencyKey: 'click-1' })),
    );
    expect(new Set(answers.map((entry) => entry.id)).size).toBe(1);
    expect(mock.team.state.credits.balance.amount).toBe(1_000);
    const { version } = await billing.subscription.get();
    const change = { seats: 6, timing: 'immediately' } as const;
    const applied = await Promise.all(
      [1, 2].map(() =>
        billing.subscription.apply(change, { ifMatch: version, idempotencyKey: 'click-2' }),
      ),
    );
    expect(applied[1]).toEqual(applied[0]);
    expect(count(mock.team.events, (event) => event.type === 'seats_changed')).toBe(1);
  });

  it('pays a past-due invoice through a dropped response exactly once', async () => {
    const { billing, mock } = setUp({
      scenario: 'past-due-grace',
      faults: [
        { kind: 'network_error', phase: 'response', operationId: 'payInvoice', onRequests: [1] },
      ],
    });
    const setup = await billing.paymentMethods.createSetup({ type: 'card' });
    await billing.paymentMethods.attach({
      setupId: setup.id,
      providerToken: 'tok_visa',
      makeDefault: true,
    });
    const [open] = (await billing.invoices.list({ status: 'open' })).data;
    // No body: the default payment method pays.
    const paid = await billing.invoices.pay(open!.id);
    expect(paid.status).toBe('paid');
    expect(
      count(
        mock.team.events,
        (event) => event.type === 'payment_succeeded' && event.invoiceId === open!.id,
      ),
    ).toBe(1);
    expect((await billing.overview.get()).subscription.status).toBe('active');
  });

  it('refunds a fresh charge through a dropped response exactly once, within the EU window', async () => {
    // basic-monthly bills a Berlin address: 72 hours plus the 14 days of mandatory refund rules.
    const { billing, mock } = setUp({
      scenario: 'basic-monthly',
      faults: [
        { kind: 'network_error', phase: 'response', operationId: 'refundInvoice', onRequests: [1] },
      ],
    });
    const { version } = await billing.subscription.get();
    const { invoice } = await billing.subscription.apply(
      { planId: 'professional', timing: 'immediately' },
      { ifMatch: version },
    );
    expect(invoice?.status).toBe('paid');
    mock.clock.advance({ days: 10 });
    const charged = await billing.invoices.get(invoice!.id);
    expect(charged.refundable).toEqual({
      available: charged.amountPaid,
      until: addDays(charged.paidAt!.slice(0, 10), 3 + 14),
    });
    const refunded = await billing.invoices.refund(invoice!.id, {
      destination: 'credit_balance',
      reason: 'Upgraded by mistake',
    });
    expect(refunded.amountRefunded).toEqual(charged.amountPaid);
    expect(refunded.refunds).toHaveLength(1);
    expect((await billing.credits.get()).balance).toEqual(charged.amountPaid);
    expect(count(mock.team.events, (event) => event.type === 'refund_issued')).toBe(1);
    mock.clock.advance({ days: 8 });
    const closed = await billing.invoices
      .refund(invoice!.id, { destination: 'payment_method' })
      .catch((error: unknown) => error);
    expect(closed).toMatchObject({ status: 409, code: 'refund_window_closed' });
  });

  it('gives up after the retry limit with a BillingApiError carrying the 503', async () => {
    const { billing } = setUp({
      scenario: 'free',
      faults: [{ kind: 'unavailable', rate: 1, retryAfter: 0 }],
    });
    const error = await billing.plans.list().catch((caught: unknown) => caught);
    expect((error as BillingApiError).status).toBe(503);
  });
});
