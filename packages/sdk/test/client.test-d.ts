/**
 * Type tests of the client's signatures, checked by `pnpm typecheck` (tsc over `test/`);
 * `@ts-expect-error` fails the check when the line it marks compiles.
 */
import { expectTypeOf } from 'vitest';
import {
  type BillingClient,
  createBillingClient,
  type Invoice,
  type PayInvoiceOptions,
} from '../src/index.js';

const client: BillingClient = createBillingClient({
  baseUrl: 'https://api.billkit.example/v1',
  teamId: 'team_acme',
  getToken: () => 'token',
});

// invoices.pay: the payment's field and the request options share one optional argument.
expectTypeOf(client.invoices.pay).parameters.toEqualTypeOf<
  [invoiceId: string, options?: PayInvoiceOptions]
>();
expectTypeOf<keyof PayInvoiceOptions>().toEqualTypeOf<
  'paymentMethodId' | 'idempotencyKey' | 'signal'
>();
// Every one of them is optional.
expectTypeOf<Record<never, never>>().toExtend<PayInvoiceOptions>();
expectTypeOf(client.invoices.pay('inv_1')).resolves.toEqualTypeOf<Invoice>();
expectTypeOf(
  client.invoices.pay('inv_1', { idempotencyKey: 'pay-inv_1' }),
).resolves.toEqualTypeOf<Invoice>();
client.invoices.pay('inv_1', {
  paymentMethodId: 'pm_ach',
  idempotencyKey: 'k',
  signal: AbortSignal.abort(),
});
// @ts-expect-error no placeholder body before the options any more
client.invoices.pay('inv_1', undefined, { idempotencyKey: 'pay-inv_1' });
// @ts-expect-error payInvoice takes no If-Match
client.invoices.pay('inv_1', { ifMatch: '3' });
// @ts-expect-error a misspelt field is not silently sent
client.invoices.pay('inv_1', { paymentMethod: 'pm_ach' });
