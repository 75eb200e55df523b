import { describe, expect, expectTypeOf, it } from 'vitest';
import type { BillingEvent, Invoice, PaymentMethod } from '../src/index.js';
import type { PaginatedOperationId } from '../src/operations.js';
import { billingEvent, card, invoice, quote } from './fixtures.js';
import { createTestClient, json, problemResponse, route } from './server.js';

/** Serves `pages` in order, the cursor of page n+1 being `page-<n+1>`. */
function pagesOf<Item>(pages: Item[][]) {
  return pages.map((data, index) =>
    json({ data, nextCursor: index + 1 < pages.length ? `page-${index + 1}` : null }),
  );
}

describe('pagination', () => {
  it('covers the operations that take a cursor', () => {
    expectTypeOf<PaginatedOperationId>().toEqualTypeOf<
      'listInvoices' | 'listBillingEvents' | 'listQuotes' | 'listPaymentMethods'
    >();
  });

  it('pages through payment methods too', async () => {
    const { client } = createTestClient();
    const second = { ...card, id: 'pm_ach', isDefault: false };
    const recorded = route('get', '/payment-methods', ...pagesOf([[card], [second]]));
    const methods: PaymentMethod[] = [];
    for await (const method of client.paymentMethods.all({ limit: 1 })) methods.push(method);
    expect(methods).toEqual([card, second]);
    expect(recorded.map((request) => request.url.searchParams.get('cursor'))).toEqual([
      null,
      'page-1',
    ]);
  });

  it('all() yields every item, following nextCursor and keeping the query', async () => {
    const { client } = createTestClient();
    const recorded = route(
      'get',
      '/invoices',
      ...pagesOf([
        [invoice('inv_1'), invoice('inv_2')],
        [invoice('inv_3'), invoice('inv_4')],
        [invoice('inv_5')],
      ]),
    );
    const ids: string[] = [];
    for await (const item of client.invoices.all({ status: 'open', limit: 2 })) {
      expectTypeOf(item).toEqualTypeOf<Invoice>();
      ids.push(item.id);
    }
    expect(ids).toEqual(['inv_1', 'inv_2', 'inv_3', 'inv_4', 'inv_5']);
    expect(recorded.map((request) => Object.fromEntries(request.url.searchParams))).toEqual([
      { status: 'open', limit: '2' },
      { status: 'open', limit: '2', cursor: 'page-1' },
      { status: 'open', limit: '2', cursor: 'page-2' },
    ]);
  });

  it('fetches the next page only when the loop asks for it', async () => {
    const { client } = createTestClient();
    const recorded = route(
      'get',
      '/events',
      ...pagesOf([[billingEvent('ev_1')], [billingEvent('ev_2')]]),
    );
    for await (const event of client.events.all()) {
      expectTypeOf(event).toEqualTypeOf<BillingEvent>();
      expect(event.id).toBe('ev_1');
      break;
    }
    expect(recorded).toHaveLength(1);
  });

  it('ends after an empty last page', async () => {
    const { client } = createTestClient();
    route('get', '/quotes', ...pagesOf([[quote('q_1')], []]));
    const quotes = [];
    for await (const item of client.quotes.all()) quotes.push(item);
    expect(quotes).toEqual([quote('q_1')]);
  });

  it('stops between pages once the signal is aborted', async () => {
    const { client } = createTestClient();
    const controller = new AbortController();
    const recorded = route(
      'get',
      '/invoices',
      ...pagesOf([[invoice('inv_1')], [invoice('inv_2')]]),
    );
    const seen: string[] = [];
    const iterate = async () => {
      for await (const item of client.invoices.all({}, { signal: controller.signal })) {
        seen.push(item.id);
        controller.abort();
      }
    };
    const error = await iterate().catch((caught: unknown) => caught);
    expect(error).toBe(controller.signal.reason);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual(['inv_1']);
    expect(recorded).toHaveLength(1);
  });

  it('rejects the loop with the error of a failing page', async () => {
    const { client } = createTestClient({ retry: false });
    route(
      'get',
      '/invoices',
      json({ data: [invoice('inv_1')], nextCursor: 'page-1' }),
      problemResponse({ status: 400, code: 'invalid_cursor' }),
    );
    const seen: string[] = [];
    const iterate = async () => {
      for await (const item of client.invoices.all()) seen.push(item.id);
    };
    await expect(iterate()).rejects.toMatchObject({ status: 400, code: 'invalid_cursor' });
    expect(seen).toEqual(['inv_1']);
  });
});
