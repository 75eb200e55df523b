import { html } from 'lit';
import { type Args, elementStories } from '../element-stories.js';
import { applyAttributes } from '../manifest.js';

const render = (args: Args) => {
  const list = document.createElement('bk-invoice-list');
  applyAttributes(list, args);
  return html`${list}`;
};

const { meta, story, loading, error, recovers } = elementStories('bk-invoice-list', {
  shows: ['bk-invoice-list'],
  render,
  defaults: { scenario: 'basic-monthly' },
  loads: { request: 'GET /invoices', operationId: 'listInvoices' },
});

export default { title: 'Elements/Invoice list', ...meta };

// Scenarios
export const BasicMonthly = story({ scenario: 'basic-monthly' });
export const PastDueGrace = story({
  scenario: 'past-due-grace',
  description: 'The renewal invoice is past due after three failed attempts: Pay now.',
});
export const EnterpriseInvoice = story({
  scenario: 'enterprise-invoice',
  description: 'Paying by invoice: an open invoice due in 20 days.',
});
export const LongHistory = story({
  scenario: 'long-history',
  attributes: { 'page-size': 10 },
  description: '1,000+ invoices, ten a page: Load more.',
});
export const ProfessionalAnnualAutoflex = story({ scenario: 'professional-annual-autoflex' });
export const TermCreditSeatOrderExpiring = story({ scenario: 'term-credit-seat-order-expiring' });
export const OverQuotaOverageAllowed = story({ scenario: 'over-quota-overage-allowed' });
export const AfterRenewal = story({
  clock: 'next-billing',
  description: 'The test clock moved to the next billing date: the renewal invoice is at the top.',
});
export const PastDueAfterAWeek = story({
  scenario: 'past-due-grace',
  clock: 'plus-week',
  description: 'A week on, the grace period ran out.',
});

// Empty
export const Empty = story({
  scenario: 'free',
  expect: 'empty',
  description: 'A Free team has never been invoiced.',
});

// Roles
export const BillingManager = story({ role: 'billing' });
export const Member = story({
  role: 'member',
  description: 'Invoices are for admins and billing managers: nothing is requested.',
});
export const Visitor = story({ role: 'visitor' });

// Locales
export const Chinese = story({ locale: 'zh-CN', inDocs: false });
export const Japanese = story({ locale: 'ja', inDocs: false });

// Themes
export const Dark = story({ theme: 'dark' });
export const Brand = story({ theme: 'brand' });

// States
export const Loading = loading();
export const LoadError = error();
export const LoadErrorThenRetry = recovers();
