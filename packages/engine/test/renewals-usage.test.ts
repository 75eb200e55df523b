import { describe, expect, it } from 'vitest';
import {
  addCredit,
  advance,
  applyChange,
  checkUsage,
  creditReason,
  includedQuantity,
  nextInvoice,
  recordUsage,
  setOveragePolicy,
  usageSummary,
} from '../src/index.js';
import { ctx, team } from './helpers.js';

const basicMonthly = {
  planId: 'basic',
  interval: 'month',
  policy: 'prorate',
  start: '2026-06-20',
} as const;

describe('metering', () => {
  it('included = plan quota + add-on blocks × block size', () => {
    const start = team(basicMonthly, 2);
    const plan = ctx.catalog.plans.find((candidate) => candidate.id === 'basic')!;
    const quota = plan.quotas.find((q) => q.resourceId === 'monitoring_requests')!.included;
    const block = plan.addOns.find((addOn) => addOn.id === 'monitoring_requests_10k')!.blockSize;
    const withBlocks = applyChange(
      start,
      { addOns: [{ addOnId: 'monitoring_requests_10k', blocks: 3 }], timing: 'immediately' },
      '2026-06-20',
      ctx,
    ).state;
    expect(includedQuantity(withBlocks, 'monitoring_requests', ctx)).toBe(quota + 3 * block);
  });

  it('hard cap: usage beyond the included quantity is refused', () => {
    const capped = setOveragePolicy(
      team(basicMonthly, 2),
      'api_calls',
      'disallowed',
      '2026-06-20',
      ctx,
    ).state;
    const included = includedQuantity(capped, 'api_calls', ctx);
    const filled = recordUsage(
      capped,
      { resourceId: 'api_calls', quantity: included },
      '2026-06-21',
      ctx,
    );
    expect(filled.accepted).toBe(true);
    expect(checkUsage(filled.state, 'api_calls', 1, ctx).allowed).toBe(false);
    const refused = recordUsage(
      filled.state,
      { resourceId: 'api_calls', quantity: 1 },
      '2026-06-22',
      ctx,
    );
    expect(refused.accepted).toBe(false);
    expect(refused.state.usage).toEqual(filled.state.usage);
    expect(refused.notices.map((notice) => notice.code)).toEqual(['usage_capped']);
  });

  it('gauges are hard-capped levels and can be freed', () => {
    const start = team(basicMonthly, 2);
    const included = includedQuantity(start, 'custom_domains', ctx);
    const full = recordUsage(
      start,
      { resourceId: 'custom_domains', quantity: included },
      '2026-06-21',
      ctx,
    ).state;
    expect(checkUsage(full, 'custom_domains', 1, ctx).allowed).toBe(false);
    expect(checkUsage(full, 'custom_domains', -1, ctx).allowed).toBe(true);
  });

  it('allowed overages are billed in blocks on the renewal invoice; counters reset', () => {
    const start = team(basicMonthly, 2);
    const included = includedQuantity(start, 'monitoring_requests', ctx);
    const used = recordUsage(
      start,
      {
        resourceId: 'monitoring_requests',
        quantity: included + 2500,
        consumerId: 'mon1',
        consumerName: 'Checkout',
      },
      '2026-07-01',
      ctx,
    ).state;
    const [usage] = usageSummary(used, ctx);
    expect(usage).toMatchObject({
      overageQuantity: 2500,
      consumers: [{ id: 'mon1', quantity: included + 2500 }],
    });
    const renewed = advance(used, '2026-07-20', ctx);
    const resource = ctx.catalog.resources.find(
      (candidate) => candidate.id === 'monitoring_requests',
    )!;
    const blocks = Math.ceil(2500 / resource.overageBlockSize);
    expect(renewed.invoices[0]?.lines.map((line) => [line.kind, line.quantity])).toEqual([
      ['plan', 2],
      ['overage', blocks],
    ]);
    expect(renewed.invoices[0]?.subtotal.amount).toBe(
      2 * 1200 + blocks * resource.overagePrice!.amount,
    );
    expect(usageSummary(renewed.state, ctx)[0]?.used).toBe(0);
  });
});

describe('renewals with credits', () => {
  it('the balance is applied automatically and never beyond the invoice', () => {
    const start = team(basicMonthly, 2);
    const credited = addCredit(
      start,
      {
        amount: { amount: 5000, currency: 'USD' },
        reason: creditReason('credits_contributed', { memberId: 'u1', memberName: 'Ada' }),
      },
      '2026-06-25',
    ).state;
    const first = advance(credited, '2026-07-20', ctx);
    expect(first.invoices[0]).toMatchObject({
      total: { amount: 2400 },
      creditApplied: { amount: 2400 },
      amountPaid: { amount: 0 },
      amountDue: { amount: 0 },
      status: 'paid',
    });
    const later = advance(first.state, '2026-09-20', ctx);
    let balance = 5000 - 2400;
    for (const invoice of later.invoices) {
      expect(invoice.creditApplied.amount).toBe(Math.min(balance, invoice.total.amount));
      expect(invoice.amountPaid.amount + invoice.creditApplied.amount).toBe(invoice.total.amount);
      balance -= invoice.creditApplied.amount;
    }
    expect(later.invoices.map((invoice) => invoice.creditApplied.amount)).toEqual([
      2400,
      5000 - 2 * 2400,
    ]);
    expect(later.state.credits.balance.amount).toBe(0);
  });

  it('nextInvoice previews what the renewal will issue', () => {
    const start = team(basicMonthly, 3);
    const preview = nextInvoice(start, '2026-07-01', ctx);
    const renewal = advance(start, '2026-07-20', ctx).invoices[0];
    expect(preview).toEqual({
      date: '2026-07-20',
      amount: renewal?.subtotal,
      lines: renewal?.lines,
    });
  });
});
