import { html } from 'lit';
import { type Args, elementStories } from '../element-stories.js';
import { applyAttributes } from '../manifest.js';

const render = (args: Args) => {
  const meter = document.createElement('bk-usage-meter');
  applyAttributes(meter, args);
  return html`${meter}`;
};

const { meta, story, loading, error, recovers } = elementStories('bk-usage-meter', {
  shows: ['bk-usage-meter'],
  render,
  defaults: { scenario: 'over-quota-overage-allowed' },
  loads: { request: 'GET /usage', operationId: 'listUsage' },
  attributeOptions: {
    resource: [
      'monitoring_requests',
      'mock_server_calls',
      'api_calls',
      'custom_domains',
      'integrations',
    ],
  },
});

export default { title: 'Elements/Usage meter', ...meta };

// Scenarios (the metered ones: seat-only states look like BasicMonthly here).
export const OverQuotaOverageAllowed = story({
  scenario: 'over-quota-overage-allowed',
  description: '12,500 of 10,000 monitoring requests, pay-as-you-go overage projected.',
});
export const OverQuotaOverageDisallowed = story({
  scenario: 'over-quota-overage-disallowed',
  description: 'At the 10,000 cap with overage off: further usage is refused.',
});
export const BasicMonthly = story({ scenario: 'basic-monthly' });
export const Free = story({ scenario: 'free' });
export const ProfessionalAnnualAutoflex = story({ scenario: 'professional-annual-autoflex' });
export const EnterpriseInvoice = story({ scenario: 'enterprise-invoice' });
export const OneResource = story({
  attributes: { resource: 'monitoring_requests' },
  description: '`resource="monitoring_requests"`: one meter only.',
});
export const NextUsagePeriod = story({
  clock: 'next-billing',
  description: 'The test clock moved to the next billing date: a new usage period starts.',
});

// Roles
export const BillingManager = story({ role: 'billing' });
export const Member = story({ role: 'member' });
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
