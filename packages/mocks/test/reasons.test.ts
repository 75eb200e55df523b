/**
 * Reasons over HTTP: every invoice line, history event, credit entry and notice the API returns
 * says why with a stable code and params, and its English text is the engine's wording of
 * exactly that, so a client can localize any of them and fall back to English safely.
 */
import {
  creditDescription,
  eventSummary,
  lineDescription,
  lineReasonCodes,
  noticeMessage,
} from '@billkit/engine';
import type { BillingEvent, CreditEntry, Notice, QuoteLine } from '@billkit/sdk';
import { describe, expect, it } from 'vitest';
import { billingSpec, type ScenarioName, scenarios } from '../src/index.js';
import { type ContractClient, contractClient, idempotencyKey, invoices } from './helpers.js';

async function events(client: ContractClient): Promise<BillingEvent[]> {
  const { body, problems } = await client.call('listBillingEvents', { query: { limit: '100' } });
  expect(problems).toEqual([]);
  return body.data;
}

/** Checks that each explained value's English is the engine's wording of its reason. */
function expectWordedByTheirReasons(explained: {
  lines?: QuoteLine[];
  events?: BillingEvent[];
  credits?: CreditEntry[];
  notices?: Notice[];
}): void {
  for (const line of explained.lines ?? []) {
    expect(line.description).toBe(lineDescription(line.reason));
  }
  for (const event of explained.events ?? []) {
    expect(event.summary).toBe(eventSummary(event.reason, event.notice));
    expect(event.notice === null).toBe(event.type !== 'notice_sent');
  }
  for (const entry of explained.credits ?? []) {
    expect(entry.description).toBe(creditDescription(entry.reason));
  }
  for (const notice of explained.notices ?? []) {
    expect(notice.message).toBe(noticeMessage(notice));
  }
}

describe('reasons over HTTP', () => {
  it('worked example 1: the renewal’s true-up arrives as a code with 25 of 30 days at 12.00', async () => {
    const client = contractClient({
      now: '2026-06-20T09:00:00Z',
      scenario: {
        planId: 'basic',
        interval: 'month',
        policy: 'term-credit',
        members: { admin: 1, member: 9 },
        startedDaysAgo: 0,
      },
    });
    client.mock.clock.set('2026-06-25T10:00:00Z');
    const joan = client.mock.members.add({ role: 'member', name: 'Joan Clarke' });
    client.mock.clock.set('2026-07-20T10:00:00Z');
    const [renewal] = await invoices(client);
    expect(renewal?.lines.map((line) => line.reason)).toEqual([
      {
        code: 'plan_period_members',
        params: {
          planId: 'basic',
          planName: 'Basic',
          interval: 'month',
          members: 11,
          periodStart: '2026-07-20',
          periodEnd: '2026-08-20',
        },
      },
      {
        code: 'true_up_member_added',
        params: {
          members: 1,
          joinedOn: '2026-06-25',
          daysRemaining: 25,
          daysInPeriod: 30,
          unitAmount: 1200,
          currency: 'USD',
        },
      },
    ]);
    const history = await events(client);
    expect(history).toContainEqual(
      expect.objectContaining({
        type: 'seats_changed',
        reason: {
          code: 'member_joined',
          params: { memberId: joan.id, memberName: 'Joan Clarke', role: 'member', members: 11 },
        },
        summary: 'Joan Clarke joined as member; 11 members',
        notice: null,
      }),
    );
    expectWordedByTheirReasons({ lines: renewal?.lines, events: history });
  });

  it('events the API records carry reasons: payment methods, billing details, quotes, credits', async () => {
    const client = contractClient({ scenario: 'basic-monthly' });
    const setup = await client.call('createPaymentMethodSetup', { body: { type: 'card' } });
    const card = await client.call('attachPaymentMethod', {
      body: { setupId: setup.body.id, providerToken: 'tok_mastercard' },
    });
    await client.call('setDefaultPaymentMethod', { path: { paymentMethodId: card.body.id } });
    const { body: details } = await client.call('getBillingDetails');
    await client.call('updateBillingDetails', { body: { ...details, companyName: 'Acme GmbH' } });
    const created = await client.call('createQuote', {
      body: { change: { planId: 'professional', timing: 'immediately' } },
    });
    expect(created.status).toBe(201);
    await client.call('acceptQuote', {
      path: { quoteId: created.body.id },
      headers: { 'idempotency-key': idempotencyKey() },
    });
    await client.call('contributeCredits', { body: { amount: { amount: 500, currency: 'USD' } } });

    const history = await events(client);
    const reasons = history.map((event) => event.reason);
    expect(reasons).toEqual(
      expect.arrayContaining([
        {
          code: 'payment_method_added',
          params: {
            paymentMethodId: card.body.id,
            methodType: 'card',
            issuer: 'mastercard',
            last4: '4444',
          },
        },
        expect.objectContaining({ code: 'payment_method_made_default' }),
        { code: 'billing_details_updated', params: {} },
        { code: 'quote_created', params: { quoteNumber: created.body.number } },
        { code: 'quote_accepted', params: { quoteNumber: created.body.number } },
        expect.objectContaining({ code: 'credits_contributed' }),
      ]),
    );
    expect(history.find((event) => event.reason.code === 'payment_method_added')?.summary).toBe(
      'Added mastercard ending 4444',
    );
    const { body: credits } = await client.call('getCredits');
    expect(credits.entries[0]).toMatchObject({
      kind: 'contribution',
      reason: { code: 'credits_contributed', params: { memberName: expect.any(String) } },
    });
    expectWordedByTheirReasons({ events: history, credits: credits.entries });
    expect(client.calls.filter((call) => call.problems.length > 0)).toEqual([]);
  });

  it('a notice_sent event carries the notice and who was told; the overview words it the same', async () => {
    const client = contractClient({
      now: '2026-06-20T09:00:00Z',
      scenario: {
        planId: 'basic',
        interval: 'month',
        policy: 'prorate',
        members: { admin: 1, member: 2 },
        startedDaysAgo: 0,
        autoFlex: true,
      },
    });
    client.mock.clock.set('2026-06-25T10:00:00Z');
    client.mock.members.add({ role: 'member', name: 'Joan Clarke' });
    client.mock.clock.set('2026-07-13T10:00:00Z');
    const sent = (await events(client)).find((event) => event.type === 'notice_sent');
    expect(sent).toMatchObject({
      reason: { code: 'notice_sent', params: { noticeCode: 'auto_flex_billing_soon' } },
      notice: {
        code: 'auto_flex_billing_soon',
        params: { extraMembers: 1, amount: 1200, currency: 'USD', billingDate: '2026-07-20' },
        audience: 'billing_and_admins',
      },
      summary: '1 extra member will be billed 12.00 USD on 2026-07-20 if still on the team.',
    });
    const { body: overview } = await client.call('getBillingOverview');
    const shown = overview.notices.find(
      (notice: Notice) => notice.code === 'auto_flex_billing_soon',
    );
    expect(shown).toMatchObject({ message: sent?.summary, params: sent?.notice?.params });
  });

  it.each(Object.keys(scenarios) as ScenarioName[])(
    '%s: every line, event, credit entry and notice is worded by its reason',
    async (scenario) => {
      const client = contractClient({ scenario });
      const { body: overview } = await client.call('getBillingOverview');
      const { body: credits } = await client.call('getCredits');
      expectWordedByTheirReasons({
        lines: [
          ...(await invoices(client)).flatMap((invoice) => invoice.lines),
          ...(overview.nextInvoice?.lines ?? []),
        ],
        events: await events(client),
        credits: credits.entries,
        notices: overview.notices,
      });
      expect(client.calls.filter((call) => call.problems.length > 0)).toEqual([]);
    },
  );
});

describe('the spec’s examples', () => {
  /** Every object in the spec's examples, however deep. */
  function* objectsIn(value: unknown): Generator<Record<string, unknown>> {
    if (Array.isArray(value)) {
      for (const item of value) yield* objectsIn(item);
    } else if (value !== null && typeof value === 'object') {
      yield value as Record<string, unknown>;
      for (const child of Object.values(value)) yield* objectsIn(child);
    }
  }

  it('say what the engine would say for their reasons and notices', () => {
    const examples = (billingSpec as { components?: { examples?: object } }).components?.examples;
    const counts = { lines: 0, credits: 0, events: 0, notices: 0 };
    for (const object of objectsIn(examples)) {
      const { reason, description, summary, message, severity } = object as {
        reason?: { code: string };
        description?: string;
        summary?: string;
        message?: string;
        severity?: string;
      };
      if (reason && description !== undefined) {
        const isLine = (lineReasonCodes as string[]).includes(reason.code);
        expect(description).toBe(
          isLine
            ? lineDescription(reason as QuoteLine['reason'])
            : creditDescription(reason as CreditEntry['reason']),
        );
        counts[isLine ? 'lines' : 'credits'] += 1;
      } else if (reason && summary !== undefined) {
        const event = object as never as BillingEvent;
        expect(summary).toBe(eventSummary(event.reason, event.notice));
        counts.events += 1;
      } else if (message !== undefined && severity !== undefined && 'params' in object) {
        expect(message).toBe(noticeMessage(object as never as Notice));
        counts.notices += 1;
      }
    }
    for (const [kind, count] of Object.entries(counts)) expect(count, kind).toBeGreaterThan(0);
  });
});
