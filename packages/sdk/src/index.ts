export { type BillingClient, createBillingClient, type PayInvoiceOptions } from './client.js';
export {
  type AmountChangedProblem,
  BillingApiError,
  type BillingError,
  BillingNetworkError,
  BillingTimeoutError,
  type FieldError,
  isAmountChangedError,
  isBillingApiError,
  type Problem,
} from './errors.js';
export { createIdempotencyKey } from './headers.js';
export type {
  ConditionalRequestOptions,
  IdempotentRequestOptions,
  OperationId,
  RequestOptions,
} from './operations.js';
export type { RetryConfig } from './retry.js';
export type { components, operations, paths } from './schema.js';
export type { BillingClientConfig } from './transport.js';
export type * from './types.js';
