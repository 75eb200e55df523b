import { type BillingClient, createBillingClient } from '@billkit/sdk';
import { createTokenProvider } from '../auth/token-provider.js';

/**
 * The page's client. No secret here: the token comes from your backend's token endpoint
 * (see the auth guide), short-lived and for this team only.
 */
export function createPageClient({
  baseUrl,
  teamId,
}: {
  baseUrl: string;
  teamId: string;
}): BillingClient {
  return createBillingClient({
    baseUrl: new URL(baseUrl, document.baseURI).href, // the SDK wants an absolute URL
    teamId,
    getToken: createTokenProvider({ teamId }),
  });
}
