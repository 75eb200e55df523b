import { html } from 'lit';
import { elementStories } from '../element-stories.js';

const { meta, story, error, recovers } = elementStories('bk-billing-notices', {
  shows: ['bk-billing-notices'],
  render: () => html`<bk-billing-notices></bk-billing-notices>`,
  defaults: { scenario: 'past-due-grace' },
  loads: { request: 'GET /billing/overview', operationId: 'getBillingOverview' },
});

export default { title: 'Elements/Billing notices', ...meta };

const nothingToSay = (why: string) =>
  `${why}: the notices render nothing and are \`hidden\` (the canvas is empty on purpose).`;

// Scenarios
export const PastDueGrace = story({
  scenario: 'past-due-grace',
  description:
    'The renewal payment failed: a critical notice with the amount, the attempt and the deactivation date, and its action.',
});
export const GracePeriodWeekLater = story({
  scenario: 'past-due-grace',
  clock: 'plus-week',
  description: 'A week into the grace period, the card still declining.',
});
export const Trialing = story({ scenario: 'trialing' });
export const SeatOrderExpiring = story({ scenario: 'term-credit-seat-order-expiring' });
export const OverQuotaCapped = story({ scenario: 'over-quota-overage-disallowed' });
export const OverQuotaAllowed = story({ scenario: 'over-quota-overage-allowed' });
export const AllInOrder = story({
  scenario: 'basic-monthly',
  expect: 'hidden',
  description: nothingToSay('A team in good standing'),
});

// Roles: billing notices are for admins and billing managers; members and visitors only hear
// of a deactivation.
export const BillingManager = story({ role: 'billing' });
export const Member = story({
  role: 'member',
  expect: 'hidden',
  description: nothingToSay('Members are not told of a failed payment'),
});

// Locales
export const Chinese = story({ locale: 'zh-CN', inDocs: false });
export const Japanese = story({ locale: 'ja', inDocs: false });

// Themes
export const Dark = story({ theme: 'dark' });
export const Brand = story({ theme: 'brand' });

// States (no loading story: while loading the notices show nothing)
export const LoadError = error();
export const LoadErrorThenRetry = recovers();
