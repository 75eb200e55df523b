import type { BillingClient, Invoice } from '@billkit/sdk';

/**
 * "Load more" for an invoice table: each call to `next()` fetches one page after the last.
 * `done` turns true on the last page (`nextCursor` is null).
 */
export function invoicePages(
  billing: BillingClient,
  { limit = 10, signal }: { limit?: number; signal?: AbortSignal } = {},
) {
  let cursor: string | undefined;
  const pager = {
    done: false,
    async next(): Promise<Invoice[]> {
      if (pager.done) return [];
      const page = await billing.invoices.list(
        { limit, ...(cursor ? { cursor } : {}) },
        { signal },
      );
      cursor = page.nextCursor ?? undefined;
      pager.done = page.nextCursor === null;
      return page.data;
    },
  };
  return pager;
}
