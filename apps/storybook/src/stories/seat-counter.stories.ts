import { html } from 'lit';
import { elementStories } from '../element-stories.js';

const { meta, story, loading, error, recovers } = elementStories('bk-seat-counter', {
  shows: ['bk-seat-counter'],
  render: () => html`<bk-seat-counter></bk-seat-counter>`,
  defaults: { scenario: 'professional-annual-autoflex' },
  loads: { request: 'GET /billing/overview', operationId: 'getBillingOverview' },
});

export default { title: 'Elements/Seat counter', ...meta };

// Scenarios (every team has seats; the usage-only and invoice-history ones add nothing here).
export const ProfessionalAnnualAutoflex = story({
  scenario: 'professional-annual-autoflex',
  description: 'Auto-flex on: 2 extra members this cycle, billed on the quarterly billing date.',
});
export const BasicMonthly = story({ scenario: 'basic-monthly', description: 'Every seat in use.' });
export const Free = story({ scenario: 'free' });
export const TermCreditSeatOrderExpiring = story({
  scenario: 'term-credit-seat-order-expiring',
  description: 'A yearly seat order that expires in 20 days (term-credit policy).',
});
export const PastDueGrace = story({ scenario: 'past-due-grace' });
export const EnterpriseInvoice = story({ scenario: 'enterprise-invoice' });
export const Trialing = story({ scenario: 'trialing' });
// After the auto-flex billing date: the extra members became purchased seats.
export const AfterAutoFlexBilling = story({
  scenario: 'professional-annual-autoflex',
  clock: 'next-billing',
  description: 'The test clock moved to the next billing date: auto-flex billed the extra members.',
});

// Roles
export const BillingManager = story({ role: 'billing' });
export const Member = story({
  role: 'member',
  description: 'Sees the seats; changes are disabled, with the reason.',
});
export const Visitor = story({ role: 'visitor' });

// Locales
export const Chinese = story({ locale: 'zh-CN', inDocs: false });
export const Japanese = story({ locale: 'ja', inDocs: false });

// Themes
export const Dark = story({ theme: 'dark' });
export const Brand = story({
  theme: 'brand',
  description: 'A brand made only of `--bk-*` tokens.',
});

// States
export const Loading = loading();
export const LoadError = error();
export const LoadErrorThenRetry = recovers();
