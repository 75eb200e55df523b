/**
 * The engine's amount limit (every amount is a safe integer of minor units) refuses a request
 * on the input that passes it, with a pointer like every other refusal, not with an error on
 * no field.
 */
import { describe, expect, it } from 'vitest';
import {
  BillingError,
  type Catalog,
  demoCatalog,
  quoteChange,
  quoteSeatOrder,
  recordUsage,
  setStandingInstructions,
} from '../src/index.js';
import { ctx, team } from './helpers.js';

/** What `run` throws, as a BillingError (failing the test when it throws nothing else). */
function refusal(run: () => unknown): BillingError {
  try {
    run();
  } catch (error) {
    if (error instanceof BillingError) return error;
    throw error;
  }
  throw new Error('expected a BillingError');
}

const basic = () =>
  team({ planId: 'basic', interval: 'month', policy: 'prorate', start: '2026-06-01' });

describe('amounts past the limit are refused on their input', () => {
  it('add-on blocks that no amount can hold are amount_too_large on /addOns/<i>/blocks', () => {
    const error = refusal(() =>
      quoteChange(
        basic(),
        {
          addOns: [
            { addOnId: 'custom_domain', blocks: 2 },
            { addOnId: 'monitoring_requests_10k', blocks: 10 ** 14 },
          ],
          timing: 'immediately',
        },
        '2026-06-10',
        ctx,
      ),
    );
    expect(error).toMatchObject({ code: 'amount_too_large', pointer: '/addOns/1/blocks' });
  });

  it('seats are refused on /seats, in a change, in standing instructions and in a seat order', () => {
    const seats = 10 ** 13;
    expect(
      refusal(() => quoteChange(basic(), { seats, timing: 'immediately' }, '2026-06-10', ctx)),
    ).toMatchObject({ code: 'amount_too_large', pointer: '/seats' });
    expect(
      refusal(() =>
        setStandingInstructions(basic(), { action: 'change', seats }, '2026-06-10', ctx),
      ),
    ).toMatchObject({ code: 'amount_too_large', pointer: '/seats' });
    const termCredit = team(
      {
        planId: 'free',
        interval: 'month',
        policy: 'term-credit',
        start: '2026-06-01',
      },
      2,
    );
    expect(
      refusal(() => quoteSeatOrder(termCredit, { seats, planId: 'basic' }, '2026-06-10', ctx)),
    ).toMatchObject({ code: 'amount_too_large', pointer: '/seats' });
  });

  it('quantities that fit one by one but not together are refused on the one that passes', () => {
    const half = Math.floor(Number.MAX_SAFE_INTEGER / (500 * 12) / 2) + 1;
    const error = refusal(() =>
      quoteChange(
        basic(),
        {
          addOns: [
            { addOnId: 'custom_domain', blocks: half },
            { addOnId: 'integrations_5', blocks: half },
          ],
          timing: 'at_renewal',
        },
        '2026-06-10',
        ctx,
      ),
    );
    expect(error).toMatchObject({ code: 'amount_too_large', pointer: '/addOns/1/blocks' });
  });

  it('an amount no single input explains is refused on the whole request ("")', () => {
    // A plan whose price times the team's 10 seats passes the limit: the plan id is valid,
    // the seats are the team's, so the request as a whole is what cannot be billed.
    const priceless: Catalog = {
      ...demoCatalog,
      plans: demoCatalog.plans.map((plan) =>
        plan.id === 'professional'
          ? {
              ...plan,
              prices: {
                month: { amount: Math.floor(Number.MAX_SAFE_INTEGER / 9), currency: 'USD' },
                year: { amount: 12, currency: 'USD' },
              },
            }
          : plan,
      ),
    };
    const error = refusal(() =>
      quoteChange(basic(), { planId: 'professional', timing: 'immediately' }, '2026-06-10', {
        catalog: priceless,
      }),
    );
    expect(error).toMatchObject({ code: 'amount_too_large', pointer: '' });
  });

  it('quantities within the limit are priced as before', () => {
    const quote = quoteChange(
      basic(),
      { addOns: [{ addOnId: 'monitoring_requests_10k', blocks: 10_000 }], timing: 'immediately' },
      '2026-06-10',
      ctx,
    );
    expect(quote.possible).toBe(true);
    expect(quote.amountDueNow.amount).toBeGreaterThan(0);
  });

  it('usage a period cannot count, or whose overage no invoice can bill, is refused on /quantity', () => {
    const record = (quantity: number, context = ctx) =>
      recordUsage(basic(), { resourceId: 'monitoring_requests', quantity }, '2026-06-10', context);
    const almostAll = recordUsage(
      basic(),
      { resourceId: 'monitoring_requests', quantity: Number.MAX_SAFE_INTEGER - 10 },
      '2026-06-10',
      ctx,
    ).state;
    expect(
      refusal(() =>
        recordUsage(
          almostAll,
          { resourceId: 'monitoring_requests', quantity: 20 },
          '2026-06-10',
          ctx,
        ),
      ),
    ).toMatchObject({ code: 'invalid_quantity', pointer: '/quantity' });
    // An overage price so high that a trillion requests over the quota cannot be billed.
    const dearOverage: Catalog = {
      ...demoCatalog,
      resources: demoCatalog.resources.map((resource) =>
        resource.id === 'monitoring_requests'
          ? { ...resource, overagePrice: { amount: 10 ** 10, currency: 'USD' } }
          : resource,
      ),
    };
    expect(refusal(() => record(10 ** 12, { catalog: dearOverage }))).toMatchObject({
      code: 'amount_too_large',
      pointer: '/quantity',
    });
    expect(record(10 ** 12).accepted).toBe(true);
  });
});
