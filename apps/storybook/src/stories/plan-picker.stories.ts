import { html } from 'lit';
import { type Args, elementStories } from '../element-stories.js';
import { applyAttributes } from '../manifest.js';

const render = (args: Args) => {
  const picker = document.createElement('bk-plan-picker');
  applyAttributes(picker, args);
  return html`${picker}`;
};

const { meta, story, loading, error, recovers } = elementStories('bk-plan-picker', {
  shows: ['bk-plan-picker'],
  render,
  defaults: { scenario: 'basic-monthly' },
  loads: { request: 'GET /plans', operationId: 'listPlans' },
  attributeOptions: {
    plan: ['free', 'basic', 'professional', 'enterprise'],
    interval: ['month', 'year'],
  },
});

export default { title: 'Elements/Plan picker', ...meta };

// Scenarios (over-quota teams are Basic monthly like BasicMonthly; long-history is about invoices).
export const BasicMonthly = story({ scenario: 'basic-monthly' });
export const Free = story({
  scenario: 'free',
  description: 'On the Free plan: every paid plan is an upgrade.',
});
export const ProfessionalAnnualAutoflex = story({ scenario: 'professional-annual-autoflex' });
export const TermCreditSeatOrderExpiring = story({ scenario: 'term-credit-seat-order-expiring' });
export const PastDueGrace = story({ scenario: 'past-due-grace' });
export const EnterpriseInvoice = story({
  scenario: 'enterprise-invoice',
  description: 'Enterprise is sold through sales: Contact sales instead of a price.',
});
export const Trialing = story({ scenario: 'trialing' });
export const AnnualIntervalShown = story({
  attributes: { interval: 'year' },
  description: '`interval="year"`: the annual prices and their saving first.',
});

// Roles
export const BillingManager = story({ role: 'billing' });
export const Member = story({
  role: 'member',
  description: 'Sees the plans; choosing one is disabled, with the reason.',
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
