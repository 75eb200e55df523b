import type { BillingOverview, Notice, Role } from '@billkit/sdk';
import { html, type TemplateResult } from 'lit';
import { HttpResponse, http } from 'msw';
import { expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { axeViolations } from '../../test/axe.js';
import {
  englishLeft,
  type Fixture,
  type FixtureOptions,
  manifestDeclaration,
  mountBilling,
  part,
  partsAudit,
  textOf,
} from '../../test/fixtures.js';
import { formatDate, formatMoney } from '../i18n/format.js';
import '../invoice-list/invoice-list.js';
import '../seat-counter/seat-counter.js';
import type { BkBillingNotices } from './billing-notices.js';
import './billing-notices.js';
import type { NoticeActionEvent } from './events.js';

/**
 * Notices beside a seat counter: both show the one overview the store loads, so once the
 * counter shows it the notices have it too (and may rightly show nothing).
 */
async function mountNotices(
  options: FixtureOptions = {},
  template: TemplateResult = html`<bk-billing-notices></bk-billing-notices>`,
) {
  const fixture = await mountBilling(html`${template}<bk-seat-counter></bk-seat-counter>`, options);
  const notices = fixture.provider.querySelector('bk-billing-notices')!;
  await settled(fixture, notices);
  return { fixture, notices };
}

async function settled(fixture: Fixture, notices: BkBillingNotices) {
  const counter = fixture.provider.querySelector('bk-seat-counter')!;
  await expect.poll(() => part(counter, '[part~=stats]')).not.toBeNull();
  await notices.updateComplete;
}

const shown = (notices: BkBillingNotices) => [
  ...notices.shadowRoot!.querySelectorAll<HTMLElement>('[part~=notice]'),
];
const messages = (notices: BkBillingNotices) =>
  shown(notices).map((n) => n.querySelector('[part=message]')!.textContent!.trim());

/** Serves the overview with `notices` in place of the team's (the rest as the mock says). */
function withNotices(fixture: Fixture, notices: (overview: BillingOverview) => Notice[]) {
  fixture.use(
    http.get(`${fixture.mock.baseUrl}/teams/:team/billing/overview`, async ({ request }) => {
      const overview = (await (await fixture.mock.handle(request)).json()) as BillingOverview;
      return HttpResponse.json({ ...overview, notices: notices(overview) });
    }),
  );
}

test('past due: the dunning notice with its deadline, critical, and Pay now', async () => {
  const { fixture, notices } = await mountNotices({ scenario: 'past-due-grace' });
  const overview = await fixture.api.overview.get();
  expect(overview.payment.status).toBe('past_due');
  const dunning = overview.notices.filter((n) =>
    ['payment_failed', 'grace_period'].includes(n.code),
  );
  expect(dunning).toHaveLength(1);
  expect(notices.hidden).toBe(false);
  const [notice] = shown(notices);
  expect(notice!.getAttribute('part')).toBe('notice notice-critical');
  expect(notice!.querySelector('[part=severity]')?.textContent).toBe('Action needed');
  const deadline = formatDate(overview.payment.graceEndsAt!);
  expect(messages(notices)[0]).toContain(`The team will be deactivated on ${deadline}`);
  if (dunning[0]!.code === 'payment_failed') {
    expect(messages(notices)[0]).toContain(
      formatMoney({
        amount: Number(dunning[0]!.params.amount),
        currency: String(dunning[0]!.params.currency),
      }),
    );
  }
  // There on load: part of the page, not announced over whatever the viewer is reading.
  expect(notice!.getAttribute('role')).toBeNull();
  const base = part(notices, '[part~=base]')!;
  expect(base.tagName).toBe('SECTION');
  expect(base.getAttribute('aria-label')).toBe('Billing notices');
  expect(notice!.querySelector('[part=action]')?.textContent?.trim()).toMatch(
    /^(Pay now|Update payment method)$/,
  );
});

test('after paying the invoice in bk-invoice-list, the notice goes away without a reload', async () => {
  const { fixture, notices } = await mountNotices(
    { scenario: 'past-due-grace' },
    html`<bk-billing-notices></bk-billing-notices><bk-invoice-list></bk-invoice-list>`,
  );
  const list = fixture.provider.querySelector('bk-invoice-list')!;
  expect(shown(notices)).toHaveLength(1);
  fixture.mock.declineCharges(false);
  await expect.poll(() => part(list, '[part~=pay]'), { timeout: 10_000 }).not.toBeNull();
  await userEvent.click(part(list, '[part~=pay]')!);

  await expect.poll(() => notices.hidden).toBe(true);
  expect(part(notices, '[part~=base]')).toBeNull();
  expect(textOf(notices)).toBe('');
  expect((await fixture.api.overview.get()).payment.status).toBe('ok');
});

test('a payment failing while the page is open appears as an alert', async () => {
  const { fixture, notices } = await mountNotices({ scenario: 'basic-monthly' });
  expect(notices.hidden).toBe(true);
  expect(part(notices, '[part~=base]')).toBeNull();

  const { subscription } = await fixture.api.overview.get();
  fixture.mock.declineCharges(true);
  fixture.mock.clock.set(`${subscription.currentPeriod.end}T12:00:00Z`);
  await fixture.provider.refresh();
  await expect.poll(() => shown(notices).length).toBe(1);
  const [notice] = shown(notices);
  expect(notice!.getAttribute('role')).toBe('alert');
  expect(notice!.classList.contains('critical')).toBe(true);
  expect((await fixture.api.overview.get()).notices[0]?.code).toBe('payment_failed');
  expect(notice!.querySelector('[part=action]')?.textContent?.trim()).toBe('Update payment method');
  expect(messages(notices)[0]).toMatch(/^A payment of \$[\d.,]+ failed \(attempt 1 of \d+\)\./);

  // Rendered again with nothing new: no longer announced.
  await fixture.provider.refresh();
  await expect.poll(() => shown(notices)[0]?.getAttribute('role')).toBeNull();
});

test('the action asks the host (cancelable); the element itself changes nothing', async () => {
  const { fixture, notices } = await mountNotices({ scenario: 'past-due-grace' });
  const events: NoticeActionEvent[] = [];
  fixture.provider.addEventListener('bk-notice-action', (event) => {
    events.push(event);
    event.preventDefault();
  });
  const overview = await fixture.api.overview.get();
  const requestsBefore = fixture.requests().length;
  await userEvent.click(part(notices, '[part=action]')!);
  expect(events).toHaveLength(1);
  const [event] = events;
  expect(event!.cancelable).toBe(true);
  expect(event!.defaultPrevented).toBe(true);
  expect(event!.composed).toBe(true);
  const code = overview.notices[0]!.code;
  expect(event!.detail).toEqual({
    code,
    action: code === 'payment_failed' ? 'update-payment-method' : 'pay',
  });
  expect(fixture.requests().slice(requestsBefore)).toEqual([]);
  expect(notices.hidden).toBe(false);
});

test('the invoice named by a notice is in the action', async () => {
  const { fixture, notices } = await mountNotices({ scenario: 'past-due-grace' });
  withNotices(fixture, ({ notices: current }) =>
    current.map((n) => ({ ...n, params: { ...n.params, invoiceId: 'in_42' } })),
  );
  await fixture.provider.refresh();
  const details: unknown[] = [];
  fixture.provider.addEventListener('bk-notice-action', (e) => details.push(e.detail));
  await userEvent.click(part(notices, '[part=action]')!);
  expect(details).toEqual([expect.objectContaining({ invoiceId: 'in_42' })]);
});

test.each([
  ['billing', true],
  ['member', false],
  ['visitor', false],
] as [Role, boolean][])(
  'past due, as a %s: shown only to who the API gives it',
  async (role, seen) => {
    const { fixture, notices } = await mountNotices({ scenario: 'past-due-grace', role });
    expect(notices.hidden).toBe(!seen);
    expect(shown(notices).length).toBe(seen ? 1 : 0);
    const viewerOverview = await fixture.provider.store!.get({
      key: 'overview',
      kind: 'overview',
      load: (client, signal) => client.overview.get({ signal }),
    });
    expect(shown(notices).length).toBe(viewerOverview.notices.length);
  },
);

test.each(['member', 'visitor'] as Role[])(
  'deactivated, as a %s: told so, with no action they may not take',
  async (role) => {
    const { fixture, notices } = await mountNotices({ scenario: 'past-due-grace', role });
    const { payment } = await fixture.api.overview.get();
    fixture.mock.clock.set(`${payment.graceEndsAt}T12:00:00Z`);
    await fixture.provider.refresh();
    await expect.poll(() => shown(notices).length).toBe(1);
    expect(messages(notices)[0]).toContain('The team is deactivated.');
    expect(shown(notices)[0]!.getAttribute('role')).toBe('alert');
    expect(part(notices, '[part=action]')).toBeNull();
  },
);

test('exclude and include choose the codes shown; auto-flex is left to its banner', async () => {
  const scenario = 'professional-annual-autoflex';
  const { fixture, notices } = await mountNotices({ scenario });
  const codes = (await fixture.api.overview.get()).notices.map((n) => n.code);
  expect(codes).toContain('auto_flex_billing_soon');
  const others = codes.filter((code) => code !== 'auto_flex_billing_soon');
  expect(shown(notices)).toHaveLength(others.length);
  expect(notices.hidden).toBe(others.length === 0);

  notices.exclude = '';
  await notices.updateComplete;
  expect(shown(notices)).toHaveLength(codes.length);
  expect(messages(notices)).toContain(
    (await fixture.api.overview.get()).notices
      .filter((n) => n.code === 'auto_flex_billing_soon')
      .map(() => '2 extra members will be billed on Jul 1, 2026 if still on the team.')[0],
  );

  const only = await mountNotices(
    { scenario },
    html`<bk-billing-notices exclude="" include="auto_flex_billing_soon"></bk-billing-notices>`,
  );
  expect(shown(only.notices)).toHaveLength(1);
  only.notices.include = 'trial_ending grace_period';
  await only.notices.updateComplete;
  expect(only.notices.hidden).toBe(true);
  expect(part(only.notices, '[part~=base]')).toBeNull();
});

test('usage notices name the resource in the viewer language; warnings and info are polite', async () => {
  const { fixture, notices } = await mountNotices({ scenario: 'basic-monthly', locale: 'ja' });
  withNotices(fixture, (): Notice[] => [
    {
      code: 'usage_capped',
      severity: 'warning',
      date: '2026-07-01',
      message: '',
      params: {
        resourceId: 'api_calls',
        resourceName: 'API calls',
        included: 1000,
        until: '2026-07-01',
      },
    },
    {
      code: 'trial_ending',
      severity: 'info',
      date: '2026-07-01',
      message: '',
      params: { planId: 'basic', planName: 'Basic', trialEnd: '2026-07-01', afterTrial: 'charged' },
    },
  ]);
  await fixture.provider.refresh();
  await expect.poll(() => shown(notices).length).toBe(2);
  expect(shown(notices).map((n) => n.getAttribute('part'))).toEqual([
    'notice notice-warning',
    'notice notice-info',
  ]);
  expect(shown(notices).map((n) => n.getAttribute('role'))).toEqual(['status', 'status']);
  expect(part(notices, '[part=action]')).toBeNull();
  expect(englishLeft(notices)).toEqual(['API']);
});

test.each(['ja', 'zh-CN'])('%s: every text translated, nothing left in English', async (locale) => {
  const { notices } = await mountNotices({ scenario: 'past-due-grace', locale });
  expect(textOf(notices)).not.toBe('');
  expect(part(notices, '[part~=base]')?.getAttribute('lang')).toBe(locale);
  expect(englishLeft(notices)).toEqual([]);
  const deactivated = await mountNotices({ scenario: 'past-due-grace', locale });
  const { payment } = await deactivated.fixture.api.overview.get();
  deactivated.fixture.mock.clock.set(`${payment.graceEndsAt}T12:00:00Z`);
  await deactivated.fixture.provider.refresh();
  await expect.poll(() => textOf(deactivated.notices)).not.toBe(textOf(notices));
  expect(englishLeft(deactivated.notices)).toEqual([]);
});

test('keyboard-operable, and axe finds nothing (light and dark)', async () => {
  const { fixture, notices } = await mountNotices({ scenario: 'past-due-grace' });
  const actions: unknown[] = [];
  fixture.provider.addEventListener('bk-notice-action', (e) => actions.push(e.detail));
  part<HTMLButtonElement>(notices, '[part=action]')!.focus();
  await userEvent.keyboard('{Enter}');
  expect(actions).toHaveLength(1);
  expect(await axeViolations(fixture.provider)).toEqual([]);

  const dark = await mountNotices({ scenario: 'past-due-grace', theme: 'dark' });
  expect(await axeViolations(dark.fixture.provider)).toEqual([]);
  const { payment } = await dark.fixture.api.overview.get();
  dark.fixture.mock.clock.set(`${payment.graceEndsAt}T12:00:00Z`);
  await dark.fixture.provider.refresh();
  await expect.poll(() => messages(dark.notices)[0]).toContain('deactivated');
  expect(await axeViolations(dark.fixture.provider)).toEqual([]);
});

test('text from the API is shown as text, never as HTML', async () => {
  const { fixture, notices } = await mountNotices({ scenario: 'basic-monthly' });
  const markup = '<img src=x onerror="window.__bkXss=1">';
  withNotices(fixture, () => [
    {
      code: 'usage_near_limit',
      severity: 'info',
      date: '2026-07-01',
      message: markup,
      params: { resourceId: 'x-unknown', resourceName: markup, used: 8, included: 10 },
    },
  ]);
  await fixture.provider.refresh();
  await expect.poll(() => messages(notices)[0]).toContain(markup);
  expect(notices.shadowRoot!.querySelector('img')).toBeNull();
  expect((window as { __bkXss?: number }).__bkXss).toBeUndefined();
});

test('a failed load says why, and Try again loads it', async () => {
  const fixture = await mountBilling(html`<bk-billing-notices></bk-billing-notices>`, {
    scenario: 'past-due-grace',
    faults: {
      rules: [{ kind: 'server_error', operationId: 'getBillingOverview', onRequests: [1, 2, 3] }],
    },
  });
  const notices = fixture.provider.querySelector('bk-billing-notices')!;
  await expect.poll(() => part(notices, '[part=retry]'), { timeout: 10_000 }).not.toBeNull();
  expect(notices.hidden).toBe(false);
  expect(part(notices, '[part=error]')?.getAttribute('role')).toBe('alert');
  await userEvent.click(part(notices, '[part=retry]')!);
  await expect.poll(() => shown(notices).length).toBe(1);
  expect(part(notices, '[part=error]')).toBeNull();
});

test('custom-elements.json documents every part it renders and its event', async () => {
  const declaration = await manifestDeclaration('bk-billing-notices');
  expect(declaration?.events?.map((e) => e.name)).toEqual(['bk-notice-action']);
  const { collect, expectAllDocumented } = partsAudit(declaration);
  const failing = await mountBilling(html`<bk-billing-notices></bk-billing-notices>`, {
    faults: {
      rules: [{ kind: 'server_error', operationId: 'getBillingOverview', onRequests: [1, 2, 3] }],
    },
  });
  const failed = failing.provider.querySelector('bk-billing-notices')!;
  await expect.poll(() => part(failed, '[part=retry]'), { timeout: 10_000 }).not.toBeNull();
  collect(failed);
  const { fixture, notices } = await mountNotices({ scenario: 'past-due-grace' });
  collect(notices);
  withNotices(fixture, ({ notices: current }) => [
    ...current,
    { code: 'usage_capped', severity: 'warning', date: null, message: '', params: { included: 1 } },
    { code: 'trial_ending', severity: 'info', date: null, message: '', params: {} },
  ]);
  await fixture.provider.refresh();
  await expect.poll(() => shown(notices).length).toBe(3);
  collect(notices);
  expectAllDocumented();
});
