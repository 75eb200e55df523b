import type { BkBillingProvider } from '@billkit/elements';
import { createTokenProvider } from './token-provider.js';

/**
 * The elements' side: one token provider per team, set once. The provider rebuilds its client
 * and store whenever `getToken` is replaced, so do not assign a new function on every render.
 * Ship this as a file of yours (`<script type="module" src="/js/billing-setup.js">`), so the
 * page needs no inline script under a strict Content-Security-Policy.
 */
export function connectBillingAuth(provider: BkBillingProvider): void {
  if (!provider.teamId) throw new Error('bk-billing-provider needs its team-id first');
  provider.getToken = createTokenProvider({ teamId: provider.teamId });
}
