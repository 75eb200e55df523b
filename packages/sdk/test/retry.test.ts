import { HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { BillingApiError, BillingNetworkError } from '../src/index.js';
import { isRetryable, parseRetryAfter, toKyRetry } from '../src/retry.js';
import {
  appliedChange,
  card,
  changeQuote,
  invoice,
  standingInstructions,
  subscription,
  upgrade,
} from './fixtures.js';
import { createTestClient, json, problemResponse, route, uuidPattern } from './server.js';

const unavailable = problemResponse({ status: 503, code: 'service_unavailable' });

describe('retries', () => {
  it('retries a GET on 503 and resolves with the eventual success', async () => {
    const { client } = createTestClient();
    const recorded = route('get', '/subscription', unavailable, unavailable, json(subscription));
    await expect(client.subscription.get()).resolves.toEqual(subscription);
    expect(recorded).toHaveLength(3);
  });

  it.each([408, 500, 502, 504])('retries on %i', async (status) => {
    const { client } = createTestClient();
    const failure = problemResponse({ status, code: 'try_again' });
    const recorded = route('get', '/subscription', failure, json(subscription));
    await expect(client.subscription.get()).resolves.toEqual(subscription);
    expect(recorded).toHaveLength(2);
  });

  it('gives up after `limit` retries with the last error', async () => {
    const { client } = createTestClient({ retry: { limit: 3, baseDelayMs: 1 } });
    const recorded = route('get', '/subscription', unavailable);
    const error = await client.subscription.get().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BillingApiError);
    expect(error).toMatchObject({ status: 503, code: 'service_unavailable' });
    expect(recorded).toHaveLength(4);
  });

  it('does not retry client errors', async () => {
    const { client } = createTestClient();
    const recorded = route(
      'get',
      '/subscription',
      problemResponse({ status: 404, code: 'not_found' }),
    );
    await expect(client.subscription.get()).rejects.toMatchObject({ status: 404 });
    expect(recorded).toHaveLength(1);
  });

  it('does not retry with `retry: false`', async () => {
    const { client } = createTestClient({ retry: false });
    const recorded = route('get', '/subscription', unavailable, json(subscription));
    await expect(client.subscription.get()).rejects.toMatchObject({ status: 503 });
    expect(recorded).toHaveLength(1);
  });

  it('retries network errors, then fails with a BillingNetworkError', async () => {
    const { client } = createTestClient();
    const recorded = route('get', '/subscription', () => HttpResponse.error());
    const error = await client.subscription.get().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BillingNetworkError);
    expect(error).toMatchObject({ kind: 'network', cause: expect.any(TypeError) });
    expect(recorded).toHaveLength(3);
  });

  it('waits for Retry-After seconds on 429 before retrying', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { client } = createTestClient();
    const recorded = route(
      'get',
      '/subscription',
      problemResponse({ status: 429, code: 'rate_limited' }, { 'retry-after': '2' }),
      json(subscription),
    );
    const result = client.subscription.get();
    await vi.advanceTimersByTimeAsync(1_999);
    expect(recorded).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual(subscription);
    expect(recorded).toHaveLength(2);
  });

  it('waits until a Retry-After HTTP date', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-06-25T10:00:00Z'));
    const { client } = createTestClient();
    const recorded = route(
      'get',
      '/subscription',
      problemResponse(
        { status: 503, code: 'maintenance' },
        { 'retry-after': 'Thu, 25 Jun 2026 10:00:03 GMT' },
      ),
      json(subscription),
    );
    const result = client.subscription.get();
    await vi.advanceTimersByTimeAsync(2_999);
    expect(recorded).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual(subscription);
    expect(recorded).toHaveLength(2);
  });

  it('does not wait for a Retry-After beyond maxDelayMs, and reports it', async () => {
    const { client } = createTestClient({ retry: { maxDelayMs: 1_000 } });
    const recorded = route(
      'get',
      '/subscription',
      problemResponse({ status: 429, code: 'rate_limited' }, { 'retry-after': '60' }),
    );
    await expect(client.subscription.get()).rejects.toMatchObject({ status: 429, retryAfter: 60 });
    expect(recorded).toHaveLength(1);
  });

  it('retries a POST with the same Idempotency-Key on every attempt', async () => {
    const { client } = createTestClient();
    const recorded = route(
      'post',
      '/subscription/changes',
      unavailable,
      () => HttpResponse.error(),
      json(appliedChange),
    );
    await expect(client.subscription.apply(upgrade, { ifMatch: '17' })).resolves.toEqual(
      appliedChange,
    );
    const keys = recorded.map((request) => request.headers.get('idempotency-key'));
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(uuidPattern);
    expect(new Set(keys).size).toBe(1);
    expect(recorded.map((request) => request.body)).toEqual([upgrade, upgrade, upgrade]);
  });

  it("sends the caller's Idempotency-Key on every retry", async () => {
    const { client } = createTestClient();
    const recorded = route(
      'post',
      '/invoices/inv_1/pay',
      unavailable,
      unavailable,
      json(invoice('inv_1')),
    );
    await client.invoices.pay('inv_1', { idempotencyKey: 'pay-inv_1' });
    expect(recorded.map((request) => request.headers.get('idempotency-key'))).toEqual([
      'pay-inv_1',
      'pay-inv_1',
      'pay-inv_1',
    ]);
  });

  it('does not retry a POST that takes no Idempotency-Key', async () => {
    const { client } = createTestClient();
    const recorded = route('post', '/payment-methods/pm_card/default', unavailable, json(card));
    await expect(client.paymentMethods.setDefault('pm_card')).rejects.toMatchObject({
      status: 503,
    });
    expect(recorded).toHaveLength(1);
  });

  it('retries the preview, a POST that changes nothing', async () => {
    const { client } = createTestClient();
    const recorded = route('post', '/subscription/preview', unavailable, json(changeQuote));
    await expect(client.subscription.preview(upgrade)).resolves.toEqual(changeQuote);
    expect(recorded).toHaveLength(2);
  });

  it('retries a PUT with the same If-Match', async () => {
    const { client } = createTestClient();
    const recorded = route(
      'put',
      '/subscription/standing-instructions',
      unavailable,
      json(standingInstructions),
    );
    await client.standingInstructions.set({ action: 'renew' }, { ifMatch: '17' });
    expect(recorded.map((request) => request.headers.get('if-match'))).toEqual(['"17"', '"17"']);
  });
});

describe('retry policy', () => {
  it('retries GET, PUT and DELETE, and POST only with a key or when it changes nothing', () => {
    expect(isRetryable({ method: 'get' })).toBe(true);
    expect(isRetryable({ method: 'put' })).toBe(true);
    expect(isRetryable({ method: 'delete' })).toBe(true);
    expect(isRetryable({ method: 'post' })).toBe(false);
    expect(isRetryable({ method: 'post', idempotencyKey: true })).toBe(true);
    expect(isRetryable({ method: 'post', safe: true })).toBe(true);
  });

  it('backs off exponentially from baseDelayMs, capped at maxDelayMs, with full jitter', () => {
    const retry = toKyRetry({ baseDelayMs: 100, maxDelayMs: 1_000 }, true);
    expect([1, 2, 3, 4].map((attempt) => retry.delay?.(attempt))).toEqual([100, 200, 400, 800]);
    expect(retry).toMatchObject({ limit: 2, backoffLimit: 1_000, jitter: true });
    expect(toKyRetry(undefined, false)).toEqual({ limit: 0 });
    expect(toKyRetry(false, true)).toEqual({ limit: 0 });
  });

  it('parses Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-06-25T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Thu, 25 Jun 2026 10:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Thu, 25 Jun 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
