/**
 * The contract test: every operation of the spec, in every named scenario, on
 * its success path and its documented failures, with every response checked
 * against the spec. Operations come from the spec, so an operation without an
 * exercise here fails the test.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { maxBodyBytes } from '../src/body.js';
import { billingSpec, listOperations, type ScenarioName, scenarios } from '../src/index.js';
import { type ContractClient, contractClient, idempotencyKey, invoices } from './helpers.js';
import { readPdf } from './pdf-reader.js';

type Exercise = (client: ContractClient) => Promise<void>;

const specOperations = listOperations(billingSpec);

async function firstInvoice(client: ContractClient, status?: string) {
  return (await invoices(client, status))[0];
}

async function firstResourceId(client: ContractClient): Promise<string> {
  const { body } = await client.call('listUsage');
  return body.data[0].resourceId;
}

/** One exercise per operation: its success path and its documented failures. */
const exercises: Record<string, Exercise> = {
  listPlans: async (client) => {
    expect((await client.call('listPlans', { token: 'role:visitor' })).status).toBe(200);
  },
  getBillingOverview: async (client) => {
    const admin = await client.call('getBillingOverview');
    expect(admin.body.viewer.permissions.manageBilling).toBe(true);
    const member = await client.call('getBillingOverview', { token: 'role:member' });
    expect(member.body.nextInvoice).toBeNull();
    expect(member.body.payment.defaultPaymentMethod).toBeNull();
  },
  getSubscription: async (client) => {
    const { headers, body } = await client.call('getSubscription', { token: 'role:visitor' });
    expect(headers.get('etag')).toBe(`"${body.version}"`);
  },
  previewSubscriptionChange: async (client) => {
    const { body: subscription } = await client.call('getSubscription');
    for (const change of [
      { seats: subscription.seats.purchased + 2, timing: 'immediately' },
      { planId: 'professional', timing: 'immediately' },
      { interval: 'year', timing: 'immediately' },
      { seats: 1, timing: 'immediately' },
      { planId: 'free', timing: 'at_renewal' },
    ]) {
      await client.call('previewSubscriptionChange', { body: change });
    }
    const unknownPlan = await client.call('previewSubscriptionChange', {
      body: { planId: 'platinum', timing: 'immediately' },
    });
    expect(unknownPlan.status).toBe(422);
    expect(unknownPlan.body.code).toBe('unknown_plan');
    expect(unknownPlan.body.errors[0].pointer).toBe('/planId');
    const negative = await client.call('previewSubscriptionChange', {
      body: { seats: -3, timing: 'immediately' },
    });
    expect(negative.status).toBe(422);
    expect(negative.body.code).toBe('validation_failed');
    expect(negative.body.errors[0].pointer).toBe('/seats');
    // A rule on the whole body (nothing to change) points at the whole body: "".
    const nothing = await client.call('previewSubscriptionChange', {
      body: { timing: 'immediately' },
    });
    expect(nothing.status).toBe(422);
    expect(nothing.body.errors[0].pointer).toBe('');
  },
  applySubscriptionChange: async (client) => {
    const { body: subscription } = await client.call('getSubscription');
    const body = { seats: subscription.seats.inUse + 1, timing: 'immediately' };
    const key = idempotencyKey();
    const ifMatch = `"${subscription.version}"`;
    // Charged what was shown or nothing: one minor unit off is refused with today's quote.
    const { body: shown } = await client.call('previewSubscriptionChange', { body });
    if (shown.possible) {
      const { amountDueNow } = shown;
      const changed = await client.call('applySubscriptionChange', {
        body: { ...body, expectedAmountDue: { ...amountDueNow, amount: amountDueNow.amount + 1 } },
        headers: { 'idempotency-key': idempotencyKey(), 'if-match': ifMatch },
      });
      expect(changed.status).toBe(409);
      expect(changed.body).toMatchObject({ code: 'amount_changed', quote: shown });
    }
    const first = await client.call('applySubscriptionChange', {
      body,
      headers: { 'idempotency-key': key, 'if-match': ifMatch },
    });
    const replay = await client.call('applySubscriptionChange', {
      body,
      headers: { 'idempotency-key': key, 'if-match': ifMatch },
    });
    expect(replay.status).toBe(first.status);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    const reused = await client.call('applySubscriptionChange', {
      body: { ...body, seats: body.seats + 1 },
      headers: { 'idempotency-key': key, 'if-match': ifMatch },
    });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
    const missingIfMatch = await client.call('applySubscriptionChange', {
      body,
      headers: { 'idempotency-key': idempotencyKey() },
    });
    expect(missingIfMatch.status).toBe(428);
    if (first.status === 200) {
      const stale = await client.call('applySubscriptionChange', {
        body,
        headers: { 'idempotency-key': idempotencyKey(), 'if-match': ifMatch },
      });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('version_conflict');
    }
    const missingKey = await client.call('applySubscriptionChange', {
      body,
      headers: { 'if-match': await client.ifMatch() },
    });
    expect(missingKey.status).toBe(422);
    expect(missingKey.body.errors[0].pointer).toBe('#/header/Idempotency-Key');
    const belowMembers = await client.call('applySubscriptionChange', {
      body: { seats: 1, timing: 'at_renewal' },
      headers: { 'idempotency-key': idempotencyKey(), 'if-match': await client.ifMatch() },
    });
    if (subscription.planId !== 'free' && subscription.seats.inUse > 1) {
      expect(belowMembers.status).toBe(422);
      expect(belowMembers.body.code).toBe('seats_below_members');
      expect(belowMembers.body.errors[0]).toMatchObject({
        pointer: '/seats',
        code: 'seats_below_members',
      });
    }
    await client.call('applySubscriptionChange', {
      body: { planId: 'free', timing: 'at_renewal' },
      headers: { 'idempotency-key': idempotencyKey(), 'if-match': await client.ifMatch() },
    });
  },
  getStandingInstructions: async (client) => {
    expect((await client.call('getStandingInstructions', { token: 'role:member' })).status).toBe(
      200,
    );
  },
  setStandingInstructions: async (client) => {
    const renew = await client.call('setStandingInstructions', {
      body: { action: 'renew' },
      headers: { 'if-match': await client.ifMatch() },
    });
    expect(renew.status).toBe(200);
    await client.call('setStandingInstructions', {
      body: { action: 'cancel' },
      headers: { 'if-match': await client.ifMatch() },
    });
    await client.call('setStandingInstructions', {
      body: { action: 'change', interval: 'year' },
      headers: { 'if-match': await client.ifMatch() },
    });
    expect(
      (
        await client.call('setStandingInstructions', {
          body: { action: 'renew' },
          headers: { 'if-match': '"0"' },
        })
      ).status,
    ).toBe(409);
    expect(
      (await client.call('setStandingInstructions', { body: { action: 'renew' } })).status,
    ).toBe(428);
    const { body: overview } = await client.call('getBillingOverview');
    const inUse = overview.subscription.seats.inUse;
    if (overview.plan.id !== 'free' && inUse > 1) {
      const belowMembers = await client.call('setStandingInstructions', {
        body: { action: 'change', seats: 1 },
        headers: { 'if-match': await client.ifMatch() },
      });
      expect(belowMembers.status).toBe(422);
      expect(belowMembers.body.errors[0]).toMatchObject({
        pointer: '/seats',
        code: 'seats_below_members',
      });
    }
  },
  getAutoFlex: async (client) => {
    expect((await client.call('getAutoFlex', { token: 'role:visitor' })).status).toBe(200);
  },
  enableAutoFlex: async (client) => {
    const outdated = await client.call('enableAutoFlex', {
      body: { acceptTerms: true, termsVersion: '2019-01' },
    });
    expect([409, 422]).toContain(outdated.status);
    await client.call('enableAutoFlex', {
      body: { acceptTerms: true, termsVersion: '2026-01' },
      headers: { 'idempotency-key': idempotencyKey() },
    });
    expect(
      (
        await client.call('enableAutoFlex', {
          body: { acceptTerms: false, termsVersion: '2026-01' },
        })
      ).status,
    ).toBe(422);
  },
  listUsage: async (client) => {
    expect((await client.call('listUsage', { token: 'role:member' })).status).toBe(200);
    expect((await client.call('listUsage', { query: { period: 'last-month' } })).status).toBe(422);
    expect((await client.call('listUsage', { query: { period: '1999-01-01' } })).status).toBe(404);
  },
  getUsageDetail: async (client) => {
    const detail = await client.call('getUsageDetail', {
      path: { resourceId: await firstResourceId(client) },
    });
    expect(detail.body.consumers).toBeInstanceOf(Array);
    expect((await client.call('getUsageDetail', { path: { resourceId: 'nope' } })).status).toBe(
      404,
    );
  },
  setOveragePolicy: async (client) => {
    const resourceId = await firstResourceId(client);
    await client.call('setOveragePolicy', { path: { resourceId }, body: { policy: 'disallowed' } });
    await client.call('setOveragePolicy', { path: { resourceId }, body: { policy: 'allowed' } });
    expect(
      (
        await client.call('setOveragePolicy', {
          path: { resourceId },
          body: { policy: 'sometimes' },
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await client.call('setOveragePolicy', {
          path: { resourceId },
          body: { policy: 'allowed' },
          token: 'role:member',
        })
      ).status,
    ).toBe(403);
  },
  listInvoices: async (client) => {
    const page = await client.call('listInvoices', { query: { limit: '2' } });
    expect(page.status).toBe(200);
    if (page.body.nextCursor)
      await client.call('listInvoices', { query: { limit: '2', cursor: page.body.nextCursor } });
    await client.call('listInvoices', { query: { status: 'open' } });
    expect(
      (await client.call('listInvoices', { query: { limit: '500' } })).body.errors[0].pointer,
    ).toBe('#/query/limit');
    expect((await client.call('listInvoices', { query: { cursor: '%%%' } })).status).toBe(422);
    expect((await client.call('listInvoices', { token: 'role:member' })).status).toBe(403);
  },
  getInvoice: async (client) => {
    const invoice = await firstInvoice(client);
    if (invoice)
      expect((await client.call('getInvoice', { path: { invoiceId: invoice.id } })).status).toBe(
        200,
      );
    expect((await client.call('getInvoice', { path: { invoiceId: 'inv_404' } })).status).toBe(404);
  },
  getInvoicePdf: async (client) => {
    const invoice = await firstInvoice(client);
    if (invoice) {
      const pdf = await client.call('getInvoicePdf', { path: { invoiceId: invoice.id } });
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect((await readPdf(pdf.body)).lines[0]).toBe(`Invoice ${invoice.number}`);
    }
    expect((await client.call('getInvoicePdf', { path: { invoiceId: 'inv_404' } })).status).toBe(
      404,
    );
  },
  payInvoice: async (client) => {
    const open = await firstInvoice(client, 'open');
    if (open) {
      const key = idempotencyKey();
      const paid = await client.call('payInvoice', {
        path: { invoiceId: open.id },
        body: {},
        headers: { 'idempotency-key': key },
      });
      expect([200, 402]).toContain(paid.status);
    }
    const paid = await firstInvoice(client, 'paid');
    if (paid) {
      const again = await client.call('payInvoice', {
        path: { invoiceId: paid.id },
        body: {},
        headers: { 'idempotency-key': idempotencyKey() },
      });
      expect(again.status).toBe(409);
      const unknownMethod = await client.call('payInvoice', {
        path: { invoiceId: paid.id },
        body: { paymentMethodId: 'pm_unknown' },
        headers: { 'idempotency-key': idempotencyKey() },
      });
      expect([409, 422]).toContain(unknownMethod.status);
    }
    expect(
      (
        await client.call('payInvoice', {
          path: { invoiceId: 'inv_404' },
          body: {},
          headers: { 'idempotency-key': idempotencyKey() },
        })
      ).status,
    ).toBe(404);
  },
  refundInvoice: async (client) => {
    const refund = (invoiceId: string, body: object, key = idempotencyKey()) =>
      client.call('refundInvoice', {
        path: { invoiceId },
        body,
        headers: { 'idempotency-key': key },
      });
    const all = await invoices(client);
    const refundable = all.find((invoice) => invoice.refundable.available.amount > 0);
    if (refundable) {
      const { currency } = refundable.amountPaid;
      const tooMuch = await refund(refundable.id, {
        amount: { amount: refundable.refundable.available.amount + 1, currency },
        destination: 'payment_method',
      });
      expect(tooMuch.status).toBe(422);
      expect(tooMuch.body.errors[0]).toMatchObject({
        pointer: '/amount/amount',
        code: 'refund_exceeds_paid',
      });
      const key = idempotencyKey();
      const body = { amount: { amount: 1, currency }, destination: 'credit_balance' };
      const first = await refund(refundable.id, body, key);
      expect(first.status).toBe(200);
      expect(first.body.refunds.at(-1)).toMatchObject({ amount: { amount: 1 } });
      expect(first.body.amountRefunded.amount).toBe(refundable.amountRefunded.amount + 1);
      const replay = await refund(refundable.id, body, key);
      expect(replay.body).toEqual(first.body);
      const rest = await refund(refundable.id, { destination: 'payment_method', reason: 'Test' });
      expect(rest.body.refundable.available.amount).toBe(0);
      const nothingLeft = await refund(refundable.id, { destination: 'payment_method' });
      expect(nothingLeft.status).toBe(409);
      expect(nothingLeft.body.code).toBe('nothing_to_refund');
    }
    const closed = all.find(
      (invoice) => invoice.status === 'paid' && invoice.refundable.available.amount === 0,
    );
    if (closed && closed.amountRefunded.amount < closed.amountPaid.amount) {
      const late = await refund(closed.id, { destination: 'payment_method' });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('refund_window_closed');
    }
    const open = all.find((invoice) => invoice.status === 'open');
    if (open) {
      const unpaid = await refund(open.id, { destination: 'credit_balance' });
      expect(unpaid.status).toBe(409);
      expect(unpaid.body.code).toBe('invoice_not_paid');
    }
    const noDestination = await refund(all[0]?.id ?? 'inv_404', {});
    expect(noDestination.status).toBe(422);
    expect(noDestination.body.errors[0].pointer).toBe('/destination');
    expect((await refund('inv_404', { destination: 'payment_method' })).status).toBe(404);
  },
  listPaymentMethods: async (client) => {
    expect((await client.call('listPaymentMethods', { query: { limit: '10' } })).status).toBe(200);
  },
  createPaymentMethodSetup: async (client) => {
    expect((await client.call('createPaymentMethodSetup', { body: { type: 'card' } })).status).toBe(
      201,
    );
    await client.call('createPaymentMethodSetup', { body: { type: 'ach' } });
    expect((await client.call('createPaymentMethodSetup', { body: { type: 'cash' } })).status).toBe(
      422,
    );
  },
  attachPaymentMethod: async (client) => {
    const setup = await client.call('createPaymentMethodSetup', { body: { type: 'card' } });
    const body = { setupId: setup.body.id, providerToken: 'tok_mastercard' };
    expect((await client.call('attachPaymentMethod', { body })).status).toBe(201);
    expect((await client.call('attachPaymentMethod', { body })).status).toBe(409);
    expect(
      (
        await client.call('attachPaymentMethod', {
          body: { setupId: 'seti_unknown', providerToken: 'tok_visa' },
        })
      ).status,
    ).toBe(422);
  },
  deletePaymentMethod: async (client) => {
    const setup = await client.call('createPaymentMethodSetup', { body: { type: 'card' } });
    const attached = await client.call('attachPaymentMethod', {
      body: { setupId: setup.body.id, providerToken: 'tok_visa' },
    });
    const { body: list } = await client.call('listPaymentMethods');
    const notDefault =
      list.data.find((method: { isDefault: boolean }) => !method.isDefault) ?? attached.body;
    expect(
      (await client.call('deletePaymentMethod', { path: { paymentMethodId: notDefault.id } }))
        .status,
    ).toBe(204);
    expect(
      (await client.call('deletePaymentMethod', { path: { paymentMethodId: notDefault.id } }))
        .status,
    ).toBe(404);
    const defaultMethod = list.data.find((method: { isDefault: boolean }) => method.isDefault);
    if (defaultMethod)
      await client.call('deletePaymentMethod', { path: { paymentMethodId: defaultMethod.id } });
  },
  setDefaultPaymentMethod: async (client) => {
    const setup = await client.call('createPaymentMethodSetup', { body: { type: 'card' } });
    const attached = await client.call('attachPaymentMethod', {
      body: { setupId: setup.body.id, providerToken: 'tok_amex' },
    });
    const made = await client.call('setDefaultPaymentMethod', {
      path: { paymentMethodId: attached.body.id },
    });
    expect(made.body.isDefault).toBe(true);
    expect(
      (await client.call('setDefaultPaymentMethod', { path: { paymentMethodId: 'pm_404' } }))
        .status,
    ).toBe(404);
  },
  getBillingDetails: async (client) => {
    expect((await client.call('getBillingDetails')).status).toBe(200);
    expect((await client.call('getBillingDetails', { token: 'role:visitor' })).status).toBe(403);
  },
  updateBillingDetails: async (client) => {
    const { body: details } = await client.call('getBillingDetails');
    expect(
      (
        await client.call('updateBillingDetails', {
          body: { ...details, vatId: 'FR 40 303 265 045' },
        })
      ).status,
    ).toBe(200);
    const invalid = await client.call('updateBillingDetails', {
      body: { ...details, vatId: 'DE12345' },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.code).toBe('invalid_vat_id');
    expect(invalid.body.errors[0]).toMatchObject({ pointer: '/vatId', code: 'invalid_vat_id' });
    const badEmail = await client.call('updateBillingDetails', {
      body: { ...details, email: 'not-an-email' },
    });
    expect(badEmail.body.errors[0].pointer).toBe('/email');
  },
  listBillingEvents: async (client) => {
    const page = await client.call('listBillingEvents', { query: { limit: '5' } });
    expect(page.status).toBe(200);
    await client.call('listBillingEvents', { query: { type: 'invoice_issued' } });
  },
  getCredits: async (client) => {
    expect((await client.call('getCredits')).status).toBe(200);
  },
  contributeCredits: async (client) => {
    const entry = await client.call('contributeCredits', {
      body: { amount: { amount: 1_500, currency: 'USD' } },
      token: 'role:member',
    });
    expect(entry.status).toBe(201);
    const tooMuch = await client.call('contributeCredits', {
      body: { amount: { amount: 10_000_000, currency: 'USD' } },
    });
    expect(tooMuch.status).toBe(422);
    expect(
      (
        await client.call('contributeCredits', {
          body: { amount: { amount: -5, currency: 'USD' } },
        })
      ).status,
    ).toBe(422);
  },
  createQuote: async (client) => {
    const quote = await client.call('createQuote', {
      body: { change: { planId: 'professional', timing: 'immediately' } },
    });
    expect([201, 422]).toContain(quote.status);
    await client.call('createQuote', {
      body: { change: { seats: 20, timing: 'immediately' }, seatOrder: { seats: 20 } },
    });
    const { body: overview } = await client.call('getBillingOverview');
    if (overview.plan.id !== 'free') {
      const cancelNow = await client.call('createQuote', {
        body: { change: { planId: 'free', timing: 'immediately' } },
      });
      expect(cancelNow.status).toBe(422);
      expect(cancelNow.body.errors[0]).toMatchObject({
        pointer: '/change/timing',
        code: 'downgrade_at_renewal',
      });
    }
  },
  listQuotes: async (client) => {
    expect((await client.call('listQuotes')).status).toBe(200);
  },
  getQuote: async (client) => {
    const created = await client.call('createQuote', {
      body: { change: { planId: 'professional', timing: 'at_renewal' } },
    });
    const quote = await client.call('getQuote', { path: { quoteId: created.body.id } });
    expect(quote.body).toEqual(created.body);
    const unknown = await client.call('getQuote', { path: { quoteId: 'quo_404' } });
    expect(unknown.body.code).toBe('quote_not_found');
  },
  acceptQuote: async (client) => {
    const change = { planId: 'professional', timing: 'immediately' };
    const accept = (quoteId: string, key: string | null = idempotencyKey()) =>
      client.call('acceptQuote', {
        path: { quoteId },
        headers: key === null ? {} : { 'idempotency-key': key },
      });
    const created = await client.call('createQuote', { body: { change } });
    if (created.status === 422) {
      // Not possible today: refused with the preview's restriction, pointing into `change`.
      const { body: preview } = await client.call('previewSubscriptionChange', { body: change });
      expect(preview.possible).toBe(false);
      expect(created.body.code).toBe(preview.restriction.code);
      expect(created.body.errors[0].pointer).toMatch(/^\/change\//);
    } else {
      const quote = created.body;
      // A day later the quote is accepted if today's price is the quoted one, else it is outdated.
      client.mock.clock.advance({ days: 1 });
      const { body: today } = await client.call('previewSubscriptionChange', { body: change });
      const key = idempotencyKey();
      const accepted = await accept(quote.id, key);
      if (!today.possible) {
        expect(accepted.status).toBe(422);
      } else if (
        today.subtotal.amount !== quote.subtotal.amount ||
        today.amountDueNow.amount !== quote.amountDue.amount
      ) {
        expect(accepted.body.code).toBe('quote_outdated');
      } else {
        expect(accepted.status).toBe(200);
        expect(accepted.body.invoice?.collectionMethod ?? 'send_invoice').toBe('send_invoice');
        const replay = await accept(quote.id, key);
        expect(replay.headers.get('idempotent-replayed')).toBe('true');
        expect(replay.body).toEqual(accepted.body);
        expect((await accept(quote.id)).body.code).toBe('quote_not_open');
        const { body: stored } = await client.call('getQuote', { path: { quoteId: quote.id } });
        expect(stored).toMatchObject({
          status: 'accepted',
          invoiceId: accepted.body.invoice?.id ?? null,
        });
      }
      const { body: expiring } = await client.call('createQuote', { body: { change } });
      if (expiring.id) {
        client.mock.clock.set(`${expiring.validUntil}T23:00:00Z`);
        client.mock.clock.advance({ hours: 2 });
        expect((await accept(expiring.id)).body.code).toBe('quote_expired');
      }
    }
    const missingKey = await accept('quo_x', null);
    expect(missingKey.body.errors[0].pointer).toBe('#/header/Idempotency-Key');
    expect((await accept('quo_404')).body.code).toBe('quote_not_found');
  },
};

/** Failures every operation documents the same way: no token, unknown team, a viewer without the role. */
async function exerciseCommonFailures(client: ContractClient, operationId: string): Promise<void> {
  const entry = client.mock.validator.operation(operationId);
  const placeholders = {
    invoiceId: 'inv_x',
    paymentMethodId: 'pm_x',
    resourceId: 'monitoring_requests',
    quoteId: 'quo_x',
  };
  const noToken = await client.call(operationId, { token: null, path: placeholders });
  expect(noToken.status).toBe(401);
  expect(noToken.body.code).toBe('unauthorized');
  const unknownTeam = await client.call(operationId, {
    path: { ...placeholders, teamId: 'team_404' },
  });
  expect(unknownTeam.status).toBe(404);
  expect(unknownTeam.body.code).toBe('team_not_found');
  if ('403' in entry.operation.responses) {
    const asVisitor = await client.call(operationId, {
      token: 'role:visitor',
      path: placeholders,
      body: {},
    });
    if (operationId !== 'contributeCredits') expect(asVisitor.status).toBe(403);
  }
  if (entry.operation.requestBody) {
    const malformed = await client.call(operationId, {
      path: placeholders,
      rawBody: '{"seats": 3,',
      headers: { 'if-match': await client.ifMatch(), 'idempotency-key': idempotencyKey() },
    });
    expect(malformed.status).toBe(422);
    expect(malformed.body.code).toBe('malformed_request');
    expect(malformed.body.errors).toEqual([
      expect.objectContaining({ pointer: '', code: 'malformed_request' }),
    ]);
    // A browser form cannot send JSON, so it cannot reach an operation (415)…
    const formPost = await client.call(operationId, {
      path: placeholders,
      rawBody: 'planId=enterprise&timing=immediately',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'if-match': await client.ifMatch(),
        'idempotency-key': idempotencyKey(),
      },
    });
    expect(formPost.status).toBe(415);
    expect(formPost.body.code).toBe('unsupported_media_type');
    // …and a body over the limit is refused unread (413).
    const oversized = await client.call(operationId, {
      path: placeholders,
      rawBody: JSON.stringify({ timing: 'immediately', pad: 'x'.repeat(maxBodyBytes) }),
      headers: { 'if-match': await client.ifMatch(), 'idempotency-key': idempotencyKey() },
    });
    expect(oversized.status).toBe(413);
    expect(oversized.body.code).toBe('body_too_large');
  }
}

describe('contract: every operation in every scenario matches the spec', () => {
  const allCalls: ContractClient['calls'] = [];

  it('has an exercise for every operation of the spec', () => {
    expect(specOperations.length).toBeGreaterThanOrEqual(28);
    const missing = specOperations
      .map((entry) => entry.operationId)
      .filter((id) => !(id in exercises));
    expect(missing).toEqual([]);
  });

  describe.each(Object.keys(scenarios) as ScenarioName[])('%s', (scenario) => {
    it.each(specOperations.map((entry) => entry.operationId))('%s', async (operationId) => {
      const client = contractClient({ scenario });
      const exercise = exercises[operationId];
      if (!exercise) throw new Error(`No contract exercise for ${operationId}`);
      await exercise(client);
      await exerciseCommonFailures(client, operationId);
      allCalls.push(...client.calls);
      const mismatches = client.calls.filter((call) => call.problems.length > 0);
      expect(mismatches).toEqual([]);
    });
  });

  it('answers injected 429, 503 and 500 as the spec declares them', async () => {
    for (const entry of specOperations) {
      for (const kind of ['rate_limited', 'unavailable', 'server_error'] as const) {
        const client = contractClient({
          faults: [{ kind, operationId: entry.operationId, onRequests: [1] }],
        });
        const result = await client.call(entry.operationId, {
          path: { invoiceId: 'x', paymentMethodId: 'x', resourceId: 'x', quoteId: 'x' },
        });
        expect(result.status).toBe(
          { rate_limited: 429, unavailable: 503, server_error: 500 }[kind],
        );
        expect(result.problems).toEqual([]);
      }
    }
  });

  afterAll(() => {
    // Every operation answered with success at least once somewhere.
    const succeeded = new Set(
      allCalls.filter((call) => call.status < 300).map((call) => call.operationId),
    );
    const neverSucceeded = specOperations
      .map((entry) => entry.operationId)
      .filter((id) => !succeeded.has(id));
    expect(neverSucceeded).toEqual([]);
  });
});
