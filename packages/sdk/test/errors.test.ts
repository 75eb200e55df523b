import { delay, HttpResponse } from 'msw';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  BillingApiError,
  type BillingError,
  BillingNetworkError,
  BillingTimeoutError,
  type ChangeQuote,
  isAmountChangedError,
  isBillingApiError,
} from '../src/index.js';
import { billingDetails, changeQuote, subscription, upgrade } from './fixtures.js';
import { createTestClient, json, problemResponse, route } from './server.js';

describe('problem responses', () => {
  it('maps application/problem+json to a BillingApiError with field errors', async () => {
    const { client } = createTestClient();
    const problem = {
      type: 'https://api.billkit.example/problems/validation_failed',
      title: 'Invalid billing details',
      status: 422,
      detail: 'One field is invalid.',
      code: 'validation_failed',
      errors: [{ pointer: '/vatId', code: 'invalid_vat_id', message: 'Not a valid VAT ID.' }],
    };
    route('put', '/billing-details', problemResponse(problem, { 'x-request-id': 'req_123' }));
    const error = await client.billingDetails
      .update({ ...billingDetails, vatId: 'XX' })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BillingApiError);
    expect(isBillingApiError(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'BillingApiError',
      kind: 'api',
      status: 422,
      code: 'validation_failed',
      title: 'Invalid billing details',
      detail: 'One field is invalid.',
      fieldErrors: problem.errors,
      retryAfter: undefined,
      requestId: 'req_123',
      problem,
      message: 'Invalid billing details: One field is invalid. (422 validation_failed)',
    });
  });

  it('gives typed access to the fresh quote of a 409 amount_changed', async () => {
    const { client } = createTestClient();
    const fresh = { ...changeQuote, amountDueNow: { amount: 9600, currency: 'USD' } };
    const recorded = route(
      'post',
      '/subscription/changes',
      problemResponse({
        status: 409,
        code: 'amount_changed',
        title: 'Conflict',
        detail: 'This change now comes to 96.00 USD due now',
        quote: fresh,
      }),
      problemResponse({ status: 409, code: 'version_conflict', title: 'Conflict' }),
    );
    const change = { ...upgrade, expectedAmountDue: changeQuote.amountDueNow };
    const error = await client.subscription
      .apply(change, { ifMatch: subscription.version })
      .catch((caught: unknown) => caught);
    expect(recorded[0]?.body).toEqual(change);
    expect(isAmountChangedError(error)).toBe(true);
    if (!isAmountChangedError(error)) return;
    expectTypeOf(error.problem.quote).toEqualTypeOf<ChangeQuote>();
    expect(error.problem.quote).toEqual(fresh);
    // Any other refusal, even a 409, is not one.
    const stale = await client.subscription
      .apply(change, { ifMatch: subscription.version })
      .catch((caught: unknown) => caught);
    expect(isBillingApiError(stale) && stale.status === 409).toBe(true);
    expect(isAmountChangedError(stale)).toBe(false);
    expect(isAmountChangedError(new Error('amount_changed'))).toBe(false);
  });

  it('reads retryAfter from the problem when there is no Retry-After header', async () => {
    const { client } = createTestClient({ retry: false });
    route(
      'get',
      '/subscription',
      problemResponse({ status: 503, code: 'maintenance', retryAfter: 30 }),
    );
    await expect(client.subscription.get()).rejects.toMatchObject({ retryAfter: 30 });
  });

  it('builds a problem from a response that is not problem+json', async () => {
    const { client } = createTestClient({ retry: false });
    route(
      'get',
      '/subscription',
      () =>
        new HttpResponse('<html>Bad gateway</html>', {
          status: 502,
          statusText: 'Bad Gateway',
          headers: { 'content-type': 'text/html' },
        }),
    );
    const error = await client.subscription.get().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BillingApiError);
    expect(error).toMatchObject({
      status: 502,
      code: 'http_502',
      title: 'Bad Gateway',
      detail: '<html>Bad gateway</html>',
      fieldErrors: [],
    });
  });

  it('treats JSON that is not a problem like any other body', async () => {
    const { client } = createTestClient();
    route('get', '/subscription', json({ message: 'nope' }, 403));
    await expect(client.subscription.get()).rejects.toMatchObject({
      status: 403,
      code: 'http_403',
      detail: '{"message":"nope"}',
    });
  });

  it('recognizes an API error from another copy of the SDK', () => {
    const foreign = Object.assign(new Error('conflict'), { name: 'BillingApiError', kind: 'api' });
    expect(isBillingApiError(foreign)).toBe(true);
    expect(isBillingApiError(new Error('conflict'))).toBe(false);
    expect(isBillingApiError(new BillingNetworkError(new TypeError('offline')))).toBe(false);
  });
});

describe('transport failures', () => {
  it('times out with a BillingTimeoutError, without retrying', async () => {
    const { client } = createTestClient({ timeout: 20 });
    const recorded = route('get', '/subscription', async () => {
      await delay(500);
      return HttpResponse.json(subscription);
    });
    const error = await client.subscription.get().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BillingTimeoutError);
    expect(error).toMatchObject({ kind: 'timeout', timeoutMs: 20 });
    expect(recorded).toHaveLength(1);
  });

  it('a success answer that is not JSON is a BillingNetworkError, not a raw SyntaxError', async () => {
    const { client } = createTestClient();
    route(
      'get',
      '/subscription',
      () =>
        new HttpResponse('<html>proxy login</html>', { headers: { 'content-type': 'text/html' } }),
    );
    const error = await client.subscription.get().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BillingNetworkError);
    expect((error as BillingNetworkError).cause).toBeInstanceOf(SyntaxError);
  });

  it('tells the error kinds apart by their `kind`', () => {
    const describeError = (error: BillingError) => {
      switch (error.kind) {
        case 'api':
          return error.code;
        case 'network':
          return 'offline';
        case 'timeout':
          return `${error.timeoutMs} ms`;
      }
    };
    expect(describeError(new BillingTimeoutError(5))).toBe('5 ms');
    expect(describeError(new BillingNetworkError(new TypeError('fetch failed')))).toBe('offline');
  });
});

describe('aborting', () => {
  it("rejects with the caller's AbortError while the request is in flight", async () => {
    const { client } = createTestClient();
    const controller = new AbortController();
    const recorded = route('get', '/subscription', async () => {
      controller.abort();
      await delay(1_000);
      return HttpResponse.json(subscription);
    });
    const error = await client.subscription
      .get({ signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(error).toBe(controller.signal.reason);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(recorded).toHaveLength(1);
  });

  it('rejects with the abort reason while waiting to retry, and stops retrying', async () => {
    const { client } = createTestClient();
    const controller = new AbortController();
    const leftPage = new Error('left the page');
    const recorded = route('get', '/subscription', () => {
      setTimeout(() => controller.abort(leftPage), 10);
      return problemResponse({ status: 503, code: 'maintenance' }, { 'retry-after': '3' })();
    });
    const started = Date.now();
    await expect(client.subscription.get({ signal: controller.signal })).rejects.toBe(leftPage);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(recorded).toHaveLength(1);
  });

  it('rejects before sending when the signal is already aborted', async () => {
    const { client } = createTestClient();
    const recorded = route('get', '/subscription', json(subscription));
    const signal = AbortSignal.abort();
    await expect(client.subscription.get({ signal })).rejects.toBe(signal.reason);
    expect(recorded).toHaveLength(0);
  });
});
