import { html } from 'lit';
import { elementStories } from '../element-stories.js';

/** A settings page as a host would compose it: every element inside one provider. */
const render = () => html`
  <div style="display: grid; gap: 24px; max-inline-size: 72rem; margin-inline: auto">
    <bk-billing-notices></bk-billing-notices>
    <bk-auto-flex-banner></bk-auto-flex-banner>
    <bk-plan-picker></bk-plan-picker>
    <div style="display: grid; gap: 24px; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); align-items: start">
      <bk-seat-counter></bk-seat-counter>
      <bk-usage-meter></bk-usage-meter>
    </div>
    <bk-invoice-list page-size="5"></bk-invoice-list>
  </div>
`;

const { meta, story, loading, error, recovers } = elementStories('bk-billing-provider', {
  shows: [
    'bk-billing-notices',
    'bk-auto-flex-banner',
    'bk-plan-picker',
    'bk-seat-counter',
    'bk-usage-meter',
    'bk-invoice-list',
  ],
  render,
  defaults: { scenario: 'professional-annual-autoflex' },
  loads: { request: 'GET /billing/overview', operationId: 'getBillingOverview' },
  // The decorator's provider is configured from the story's team, not from controls.
  argTypes: {
    'base-url': { control: false },
    'team-id': { control: false },
    theme: { control: { type: 'select' }, options: ['light', 'dark', 'brand'] },
  },
});

export default { title: 'Elements/Billing provider (billing page)', ...meta };

// Every scenario of @billkit/mocks.
export const ProfessionalAnnualAutoflex = story({ scenario: 'professional-annual-autoflex' });
export const BasicMonthly = story({ scenario: 'basic-monthly' });
export const Free = story({
  scenario: 'free',
  expect: { 'bk-auto-flex-banner': 'hidden', 'bk-invoice-list': 'empty' },
});
export const TermCreditSeatOrderExpiring = story({
  scenario: 'term-credit-seat-order-expiring',
  expect: { 'bk-auto-flex-banner': 'hidden' },
});
export const PastDueGrace = story({ scenario: 'past-due-grace' });
export const EnterpriseInvoice = story({ scenario: 'enterprise-invoice' });
export const OverQuotaOverageAllowed = story({ scenario: 'over-quota-overage-allowed' });
export const OverQuotaOverageDisallowed = story({ scenario: 'over-quota-overage-disallowed' });
export const Trialing = story({ scenario: 'trialing' });
export const LongHistory = story({ scenario: 'long-history' });

// The test clock
export const PlusOneDay = story({ clock: 'plus-day' });
export const PlusOneWeek = story({ clock: 'plus-week' });
export const NextBillingDate = story({ clock: 'next-billing' });

// Roles
export const BillingManager = story({ role: 'billing' });
export const Member = story({ role: 'member', expect: { 'bk-auto-flex-banner': 'hidden' } });
export const Visitor = story({ role: 'visitor', expect: { 'bk-auto-flex-banner': 'hidden' } });

// Locales
export const Chinese = story({ locale: 'zh-CN', inDocs: false });
export const Japanese = story({ locale: 'ja', inDocs: false });

// Themes
export const Dark = story({ theme: 'dark' });
export const Brand = story({ theme: 'brand' });
export const DarkJapanese = story({ theme: 'dark', locale: 'ja', inDocs: false });

// States: the overview never answers, or fails (every element shares the provider's one request).
export const Loading = loading({
  expect: {
    'bk-billing-notices': 'any', // shows nothing while loading
    'bk-auto-flex-banner': 'any', // likewise
    'bk-plan-picker': 'loading',
    'bk-seat-counter': 'loading',
    'bk-usage-meter': 'loading',
    'bk-invoice-list': 'loading',
  },
});
export const LoadError = error();
export const LoadErrorThenRetry = recovers();
