import { html } from 'lit';
import { elementStories } from '../element-stories.js';

const { meta, story, error, recovers } = elementStories('bk-auto-flex-banner', {
  shows: ['bk-auto-flex-banner'],
  render: () => html`<bk-auto-flex-banner>
    <a slot="terms" href="#auto-flex-terms">Read the auto-flex terms</a>
  </bk-auto-flex-banner>`,
  defaults: { scenario: 'professional-annual-autoflex' },
  loads: { request: 'GET /billing/overview', operationId: 'getBillingOverview' },
});

export default { title: 'Elements/Auto-flex banner', ...meta };

const nothingToSay = (why: string) =>
  `${why}: the banner renders nothing and is \`hidden\` (the canvas is empty on purpose).`;

// Scenarios
export const BillingSoon = story({
  scenario: 'professional-annual-autoflex',
  description:
    'Auto-flex on, 2 extra members this cycle, notice window open: a warning with the amount and the billing date.',
});
export const OptIn = story({
  scenario: 'basic-monthly',
  description: 'Auto-flex off on a paid prorate plan: the opt-in, with the terms to accept.',
});
export const PastDueGrace = story({ scenario: 'past-due-grace' });
export const Trialing = story({ scenario: 'trialing' });
export const EnterpriseInvoice = story({ scenario: 'enterprise-invoice' });
export const Free = story({
  scenario: 'free',
  expect: 'hidden',
  description: nothingToSay('The Free plan has no auto-flex'),
});
export const TermCredit = story({
  scenario: 'term-credit-seat-order-expiring',
  expect: 'hidden',
  description: nothingToSay('Term-credit teams are billed for their members, without auto-flex'),
});
export const AfterBillingDate = story({
  clock: 'next-billing',
  description: 'The test clock moved to the billing date: the extra members were billed.',
});

// Roles: the banner concerns admins and billing managers only.
export const BillingManager = story({ role: 'billing' });
export const Member = story({
  role: 'member',
  expect: 'hidden',
  description: nothingToSay('Members are not its audience'),
});
export const Visitor = story({
  role: 'visitor',
  expect: 'hidden',
  description: nothingToSay('Visitors are not its audience'),
});

// Locales
export const Chinese = story({ locale: 'zh-CN', inDocs: false });
export const Japanese = story({ locale: 'ja', inDocs: false });
export const OptInJapanese = story({ scenario: 'basic-monthly', locale: 'ja', inDocs: false });

// Themes
export const Dark = story({ theme: 'dark' });
export const Brand = story({ theme: 'brand' });
export const OptInDark = story({ scenario: 'basic-monthly', theme: 'dark' });

// States (no loading story: while loading the banner shows nothing, as most viewers get none)
export const LoadError = error();
export const LoadErrorThenRetry = recovers();
