import { describe, expect, it } from 'vitest';
import {
  activeNotices,
  addDays,
  advance,
  createPolicy,
  payInvoice,
  paymentStatus,
  setPaymentMethod,
  type TeamState,
} from '../src/index.js';
import { ctx, team } from './helpers.js';

const renewalDate = '2026-07-20';

function failingAtRenewal(graceDays = 10): TeamState {
  const start = team(
    {
      planId: 'basic',
      interval: 'month',
      policy: createPolicy('prorate', { graceDays }),
      start: '2026-06-20',
    },
    2,
  );
  return setPaymentMethod(start, { methodId: 'pm_card', failCharges: true }, '2026-06-21').state;
}

describe('dunning', () => {
  it('3 attempts, billing members notified after each, past_due from the failed charge', () => {
    const { policy } = failingAtRenewal().subscription;
    const failed = advance(failingAtRenewal(), addDays(renewalDate, 9), ctx);
    const attempts = failed.events.filter((event) => event.type === 'payment_failed');
    expect(attempts.map((event) => event.occurredAt.slice(0, 10))).toEqual([
      renewalDate,
      addDays(renewalDate, policy.retrySpacingDays),
      addDays(renewalDate, 2 * policy.retrySpacingDays),
    ]);
    expect(failed.notices.filter((notice) => notice.code === 'payment_failed')).toHaveLength(3);
    expect(failed.notices.every((notice) => notice.audience !== 'everyone')).toBe(true);
    expect(failed.state.subscription.status).toBe('past_due');
    expect(paymentStatus(failed.state)).toEqual({
      status: 'past_due',
      failedAttempts: 3,
      graceEndsAt: addDays(renewalDate, 10),
    });
    expect(failed.state.invoices.at(-1)).toMatchObject({
      status: 'open',
      attempts: 3,
      nextAttemptDate: null,
    });
  });

  it('a retry while retries remain shows as failing', () => {
    const failed = advance(failingAtRenewal(), renewalDate, ctx).state;
    expect(paymentStatus(failed).status).toBe('failing');
    expect(activeNotices(failed, renewalDate, ctx)[0]?.code).toBe('payment_failed');
  });

  it('paid within the grace period → active again', () => {
    const failed = advance(failingAtRenewal(), addDays(renewalDate, 8), ctx).state;
    const invoice = failed.invoices.at(-1)!;
    const paid = payInvoice(failed, invoice.id, addDays(renewalDate, 9), ctx, { succeeded: true });
    expect(paid.state.subscription.status).toBe('active');
    expect(paid.invoices[0]).toMatchObject({ status: 'paid', amountDue: { amount: 0 } });
    expect(advance(paid.state, addDays(renewalDate, 30), ctx).state.subscription.status).toBe(
      'active',
    );
  });

  it.each([10, 21])(
    'after a %i-day grace period → deactivated, everyone notified, data kept',
    (graceDays) => {
      const state = failingAtRenewal(graceDays);
      const before = advance(state, addDays(renewalDate, graceDays - 1), ctx);
      expect(before.state.subscription.status).toBe('past_due');
      const after = advance(before.state, addDays(renewalDate, graceDays), ctx);
      expect(after.state.subscription.status).toBe('deactivated');
      expect(after.notices.map((notice) => [notice.code, notice.audience])).toEqual([
        ['deactivated', 'everyone'],
      ]);
      expect(after.state.members).toEqual(state.members);
    },
  );

  it('a deactivated team is not renewed: it falls back to Free; paying reactivates it', () => {
    const deactivated = advance(failingAtRenewal(), addDays(renewalDate, 10), ctx).state;
    const nextPeriodEnd = deactivated.subscription.currentPeriod.end;
    const lapsed = advance(deactivated, nextPeriodEnd, ctx);
    expect(lapsed.invoices).toEqual([]);
    expect(lapsed.state.subscription).toMatchObject({ planId: 'free', status: 'deactivated' });
    const unpaid = lapsed.state.invoices.filter((invoice) => invoice.status === 'open');
    expect(unpaid).toHaveLength(1);
    const paid = payInvoice(lapsed.state, unpaid[0]!.id, nextPeriodEnd, ctx, { succeeded: true });
    expect(paid.state.subscription.status).toBe('active');
    expect(paymentStatus(paid.state)).toEqual({
      status: 'ok',
      failedAttempts: 0,
      graceEndsAt: null,
    });
  });

  it('a retry succeeds once the card works again', () => {
    const failed = advance(failingAtRenewal(), renewalDate, ctx).state;
    const fixed = setPaymentMethod(
      failed,
      { methodId: 'pm_new', failCharges: false },
      '2026-07-21',
    ).state;
    const retried = advance(fixed, addDays(renewalDate, 3), ctx);
    expect(retried.state.subscription.status).toBe('active');
    expect(retried.invoices[0]).toMatchObject({ status: 'paid', attempts: 2 });
  });

  it('invoice-paying teams: grace counts from the due date', () => {
    const enterprise = team(
      {
        planId: 'enterprise',
        interval: 'year',
        policy: 'prorate',
        start: '2026-06-20',
        negotiatedPrices: { month: null, year: { amount: 30000, currency: 'USD' } },
      },
      3,
    );
    const invoice = enterprise.invoices[0]!;
    expect(invoice).toMatchObject({
      collectionMethod: 'send_invoice',
      status: 'open',
      dueDate: '2026-07-20',
      attempts: 0,
    });
    const onDue = advance(enterprise, invoice.dueDate, ctx).state;
    expect(onDue.subscription.status).toBe('active');
    const overdue = advance(onDue, addDays(invoice.dueDate, 1), ctx).state;
    expect(overdue.subscription.status).toBe('past_due');
    expect(overdue.payment.graceEndsAt).toBe(addDays(invoice.dueDate, 10));
    const paid = payInvoice(overdue, invoice.id, addDays(invoice.dueDate, 5), ctx);
    expect(paid.state.subscription.status).toBe('active');
  });
});
