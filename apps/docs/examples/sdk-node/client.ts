import { type BillingClient, createBillingClient } from '@billkit/sdk';

/**
 * A client for a Node service (a job, a webhook handler, your backend's billing routes).
 * The token is a billing viewer's, issued to this service by your auth; never one of a user.
 */
export function createServiceClient(env: NodeJS.ProcessEnv = process.env): BillingClient {
  const { BILLING_API_URL, BILLING_TEAM_ID, BILLING_SERVICE_TOKEN } = env;
  if (!BILLING_API_URL || !BILLING_TEAM_ID || !BILLING_SERVICE_TOKEN)
    throw new Error('Set BILLING_API_URL, BILLING_TEAM_ID and BILLING_SERVICE_TOKEN');
  return createBillingClient({
    baseUrl: BILLING_API_URL, // absolute in Node, e.g. https://billing.example.com/v1
    teamId: BILLING_TEAM_ID,
    getToken: () => BILLING_SERVICE_TOKEN,
    timeout: 10_000, // per attempt
    retry: { limit: 2 }, // network errors, 408, 429 and 5xx; POSTs only with an Idempotency-Key
  });
}
