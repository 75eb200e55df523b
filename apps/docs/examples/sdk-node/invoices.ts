import type { BillingClient, Invoice } from '@billkit/sdk';

/**
 * The invoices issued since `since` (YYYY-MM-DD), newest first. `all()` fetches a page only
 * when the loop reaches it, so leaving the loop at the first older invoice stops paging.
 */
export async function invoicesSince(
  billing: BillingClient,
  since: string,
  signal?: AbortSignal,
): Promise<Invoice[]> {
  const found: Invoice[] = [];
  for await (const invoice of billing.invoices.all({ limit: 50 }, { signal })) {
    if (invoice.issueDate < since) break;
    found.push(invoice);
  }
  return found;
}
