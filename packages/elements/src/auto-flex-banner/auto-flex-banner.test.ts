import type { BillingOverview, EnableAutoFlexRequest, Role } from '@billkit/sdk';
import { html } from 'lit';
import { HttpResponse, http } from 'msw';
import { beforeEach, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { axeViolations } from '../../test/axe.js';
import {
  englishLeft,
  expectDocumentedEvents,
  type Fixture,
  type FixtureOptions,
  manifestDeclaration,
  mountBilling,
  part,
  partsAudit,
  textOf,
} from '../../test/fixtures.js';
import { formatDate, formatMoney } from '../i18n/format.js';
import '../seat-counter/seat-counter.js';
import type { BkAutoFlexBanner } from './auto-flex-banner.js';
import './auto-flex-banner.js';
import elementSource from './auto-flex-banner.ts?raw';
import type { AutoFlexDismissal } from './events.js';

/** Professional annual with auto-flex, bought 10 days ago: its notice window is weeks away. */
const earlyInCycle: FixtureOptions['scenario'] = {
  planId: 'professional',
  interval: 'year',
  members: { admin: 1, billing: 1, member: 3 },
  seats: 5,
  autoFlex: true,
  startedDaysAgo: 10,
  timeline: [{ daysAgo: 2, join: [{ role: 'member' }] }],
  paymentMethods: ['card'],
};

beforeEach(() => {
  // Dismissals are remembered per team, and every test's mock team of a scenario has one id.
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('bk-auto-flex-banner:')) localStorage.removeItem(key);
  }
});

/**
 * A banner beside a seat counter: both show the one overview the store loads, so once the
 * counter shows it the banner has it too (and may rightly show nothing).
 */
async function mountBanner(options: FixtureOptions = {}) {
  const fixture = await mountBilling(
    html`<bk-auto-flex-banner></bk-auto-flex-banner><bk-seat-counter></bk-seat-counter>`,
    options,
  );
  const banner = fixture.provider.querySelector('bk-auto-flex-banner')!;
  await settled(fixture, banner);
  return { fixture, banner };
}

async function settled(fixture: Fixture, banner: BkAutoFlexBanner) {
  const counter = fixture.provider.querySelector('bk-seat-counter')!;
  await expect.poll(() => part(counter, '[part~=stats]')).not.toBeNull();
  await banner.updateComplete;
}

const fact = (banner: BkAutoFlexBanner, name: string) =>
  part(banner, `[part~=${name}] dd`)?.textContent?.trim();
const heading = (banner: BkAutoFlexBanner) => part(banner, '[part=heading]')?.textContent?.trim();
const enableButton = (banner: BkAutoFlexBanner) =>
  part<HTMLButtonElement>(banner, '[part=enable]')!;
const checkbox = (banner: BkAutoFlexBanner) => part<HTMLInputElement>(banner, '[part=accept]')!;

test('extra members added: how many, the amount and the billing date, as the API says', async () => {
  const { fixture, banner } = await mountBanner({ scenario: 'professional-annual-autoflex' });
  expect(fact(banner, 'extra-members')).toBe('2');

  fixture.mock.members.add({ role: 'member' });
  await fixture.provider.refresh();
  await expect.poll(() => fact(banner, 'extra-members')).toBe('3');
  const { autoFlex } = await fixture.api.overview.get();
  expect(autoFlex.extraMembers).toBe(3);
  expect(fact(banner, 'amount')).toBe(formatMoney(autoFlex.estimatedCharge));
  expect(fact(banner, 'billing-date')).toBe(formatDate(autoFlex.cycle!.billingDate));
  // A region named by its heading; the notice window of this cycle has opened (notice sent).
  const base = part(banner, '[part~=base]')!;
  expect(base.tagName).toBe('SECTION');
  expect(base.getAttribute('aria-labelledby')).toBe(part(banner, '[part=heading]')!.id);
  expect(heading(banner)).toBe('Auto-flex billing soon');
  expect(part(banner, '[part=message]')?.textContent).toContain(
    '3 extra members will be billed on Jul 1, 2026 if still on the team.',
  );
  expect(part(banner, '[part=notice-window]')?.textContent).toContain(
    `were notified on ${formatDate(autoFlex.cycle!.noticeDate)}`,
  );
  expect(banner.hidden).toBe(false);
});

test('the notice window opens on the server clock: the banner turns to a warning', async () => {
  const { fixture, banner } = await mountBanner({ scenario: earlyInCycle });
  const { autoFlex, today } = await fixture.api.overview.get();
  const cycle = autoFlex.cycle!;
  expect(today < cycle.noticeDate).toBe(true);
  expect(heading(banner)).toBe('1 extra member under auto-flex');
  expect(part(banner, '[part=notice-window]')?.textContent).toContain(
    `Billing managers and admins are reminded on ${formatDate(cycle.noticeDate)}.`,
  );
  expect(part(banner, '[part~=base]')?.classList.contains('warning')).toBe(false);

  fixture.mock.clock.set(`${cycle.noticeDate}T08:00:00Z`);
  await fixture.provider.refresh();
  await expect.poll(() => heading(banner)).toBe('Auto-flex billing soon');
  expect(part(banner, '[part~=base]')?.classList.contains('warning')).toBe(true);
  expect(part(banner, '[part=notice-window]')?.textContent).toContain(
    `were notified on ${formatDate(cycle.noticeDate)}`,
  );
  const now = await fixture.api.overview.get();
  expect(fact(banner, 'amount')).toBe(formatMoney(now.autoFlex.estimatedCharge));
});

test('opt-in: the terms must be accepted, then auto-flex is turned on', async () => {
  const { fixture, banner } = await mountBanner({ scenario: 'basic-monthly' });
  const requests: EnableAutoFlexRequest[] = [];
  fixture.provider.addEventListener('bk-auto-flex-enable-request', (e) => requests.push(e.detail));
  const enabled: unknown[] = [];
  fixture.provider.addEventListener('bk-auto-flex-enabled', (e) => enabled.push(e.detail));
  expect(heading(banner)).toBe('Grow the team without buying seats first');
  expect(part(banner, '[part=terms]')?.textContent).toContain(
    'I accept the auto-flex terms (version 2026-01).',
  );

  await userEvent.click(enableButton(banner));
  const error = () => part(banner, '[part=field-error]');
  await expect.poll(() => error()?.textContent).toContain('Accept the terms to turn on auto-flex.');
  expect(checkbox(banner).getAttribute('aria-invalid')).toBe('true');
  expect(checkbox(banner).getAttribute('aria-describedby')).toBe(error()!.id);
  expect(banner.shadowRoot!.activeElement).toBe(checkbox(banner));
  expect(requests).toEqual([]);
  expect(fixture.count('POST /auto-flex/enable')).toBe(0);

  await userEvent.click(checkbox(banner));
  await expect.poll(() => error()).toBeNull();
  expect(checkbox(banner).getAttribute('aria-invalid')).toBe('false');
  await userEvent.click(enableButton(banner));
  await expect.poll(() => heading(banner)).toBe('Auto-flex is on');
  expect(part(banner, '[part=status]')?.textContent).toBe('Auto-flex is on');
  expect(requests).toEqual([{ acceptTerms: true, termsVersion: '2026-01' }]);
  expect(enabled).toHaveLength(1);
  expect((await fixture.api.autoFlex.get()).enabled).toBe(true);
  expect(fixture.count('POST /auto-flex/enable')).toBe(1);

  // Nothing more to say until members join beyond the seats: dismissing it hides it.
  await userEvent.click(part(banner, '[part=dismiss]')!);
  await expect.poll(() => banner.hidden).toBe(true);
});

test('terms changed since shown: said at the checkbox, the new version shown to accept', async () => {
  const { fixture, banner } = await mountBanner({ scenario: 'basic-monthly' });
  const requests: EnableAutoFlexRequest[] = [];
  fixture.provider.addEventListener('bk-auto-flex-enable-request', (e) => requests.push(e.detail));
  // The page loaded while an older version of the terms was current.
  fixture.use(
    http.get(
      `${fixture.mock.baseUrl}/teams/:team/billing/overview`,
      async ({ request }) => {
        const overview = (await (await fixture.mock.handle(request)).json()) as BillingOverview;
        return HttpResponse.json({
          ...overview,
          autoFlex: { ...overview.autoFlex, termsVersion: '2025-07' },
        });
      },
      { once: true },
    ),
  );
  await fixture.provider.refresh();
  await expect.poll(() => part(banner, '[part=terms]')?.textContent).toContain('version 2025-07');

  await userEvent.click(checkbox(banner));
  await userEvent.click(enableButton(banner));
  await expect
    .poll(() => part(banner, '[part=field-error]')?.textContent)
    .toContain('The auto-flex terms have changed.');
  await expect.poll(() => part(banner, '[part=terms]')?.textContent).toContain('version 2026-01');
  expect(checkbox(banner).checked).toBe(false);
  expect(checkbox(banner).getAttribute('aria-invalid')).toBe('true');
  expect((await fixture.api.autoFlex.get()).enabled).toBe(false);

  await userEvent.click(checkbox(banner));
  expect(part(banner, '[part=field-error]')).toBeNull();
  await userEvent.click(enableButton(banner));
  await expect.poll(() => heading(banner)).toBe('Auto-flex is on');
  expect(requests.map((r) => r.termsVersion)).toEqual(['2025-07', '2026-01']);
  expect((await fixture.api.autoFlex.get()).termsVersion).toBe('2026-01');
});

test('the host can veto turning auto-flex on', async () => {
  const { fixture, banner } = await mountBanner({ scenario: 'basic-monthly' });
  fixture.provider.addEventListener('bk-auto-flex-enable-request', (e) => e.preventDefault());
  await userEvent.click(checkbox(banner));
  await userEvent.click(enableButton(banner));
  await banner.updateComplete;
  expect(fixture.count('POST /auto-flex/enable')).toBe(0);
  expect(heading(banner)).toBe('Grow the team without buying seats first');
});

test('a lost answer shows the error; Try again replays the same request, enabling once', async () => {
  const { fixture, banner } = await mountBanner({ scenario: 'basic-monthly' });
  fixture.mock.faults.add({
    kind: 'network_error',
    operationId: 'enableAutoFlex',
    onRequests: [1, 2, 3],
    phase: 'response',
  });
  const keys: (string | null)[] = [];
  fixture.use(
    http.post(`${fixture.mock.baseUrl}/teams/:team/auto-flex/enable`, ({ request }) => {
      keys.push(request.headers.get('idempotency-key'));
      // Nothing returned: the mock's own handler answers.
    }),
  );
  await userEvent.click(checkbox(banner));
  await userEvent.click(enableButton(banner));
  const alert = () => part(banner, '[part=error]');
  await expect
    .poll(() => alert()?.textContent, { timeout: 10_000 })
    .toContain("Can't reach the billing service.");
  expect(alert()?.getAttribute('role')).toBe('alert');
  expect(checkbox(banner).checked).toBe(true);

  await userEvent.click(part(banner, '[part=retry]')!);
  await expect.poll(() => heading(banner)).toBe('Auto-flex is on');
  expect(alert()).toBeNull();
  expect(keys).toHaveLength(4);
  expect(new Set(keys).size).toBe(1);
  expect(keys[0]).toBeTruthy();
  const { data } = await fixture.api.events.list({ limit: 50 });
  expect(data.filter((event) => event.type === 'auto_flex_enabled')).toHaveLength(1);
});

test('dismissed until the next cycle: across re-renders and providers, back next cycle', async () => {
  const { fixture, banner } = await mountBanner({ scenario: 'professional-annual-autoflex' });
  const { autoFlex } = await fixture.api.overview.get();
  const dismissals: AutoFlexDismissal[] = [];
  fixture.provider.addEventListener('bk-auto-flex-dismiss', (e) => dismissals.push(e.detail));
  const dismiss = part<HTMLButtonElement>(banner, '[part=dismiss]')!;
  expect(dismiss.getAttribute('aria-label')).toBe('Dismiss until the next billing cycle');

  await userEvent.click(dismiss);
  await expect.poll(() => banner.hidden).toBe(true);
  expect(part(banner, '[part~=base]')).toBeNull();
  expect(dismissals).toEqual([{ state: 'billing-soon', until: autoFlex.cycle!.billingDate }]);

  // Re-rendered: the same element moved, and a new one in the same provider.
  banner.remove();
  fixture.provider.prepend(banner);
  const another = document.createElement('bk-auto-flex-banner');
  fixture.provider.prepend(another);
  await fixture.provider.refresh();
  await banner.updateComplete;
  await another.updateComplete;
  expect(banner.hidden).toBe(true);
  expect(another.hidden).toBe(true);

  // A new provider (a new page) on the same team.
  const again = await mountBanner({ scenario: 'professional-annual-autoflex' });
  expect(again.banner.hidden).toBe(true);
  expect(part(again.banner, '[part~=base]')).toBeNull();

  // The billing date passes (the extras are billed); new extra members join the next cycle.
  again.fixture.mock.clock.set(`${autoFlex.cycle!.billingDate}T12:00:00Z`);
  again.fixture.mock.members.add({ role: 'member' });
  await again.fixture.provider.refresh();
  await expect.poll(() => again.banner.hidden).toBe(false);
  const next = (await again.fixture.api.overview.get()).autoFlex;
  expect(next.cycle!.billingDate > autoFlex.cycle!.billingDate).toBe(true);
  expect(fact(again.banner, 'extra-members')).toBe('1');
  expect(fact(again.banner, 'billing-date')).toBe(formatDate(next.cycle!.billingDate));
});

test.each([
  ['admin', true],
  ['billing', true],
  ['member', false],
  ['visitor', false],
] as [Role, boolean][])('shown to the roles it concerns: %s → %s', async (role, shown) => {
  for (const scenario of ['professional-annual-autoflex', 'basic-monthly'] as const) {
    const { banner } = await mountBanner({ scenario, role });
    expect(banner.hidden).toBe(!shown);
    expect(part(banner, '[part~=base]') !== null).toBe(shown);
  }
});

test('nothing to say: term-credit teams, the Free plan, auto-flex on without extra members', async () => {
  const scenarios: FixtureOptions['scenario'][] = [
    'term-credit-seat-order-expiring',
    { planId: 'free', interval: 'month', members: { admin: 1 } },
    { ...earlyInCycle, timeline: [] },
  ];
  for (const scenario of scenarios) {
    const { banner } = await mountBanner({ scenario });
    expect(banner.hidden).toBe(true);
    expect(textOf(banner)).toBe('');
  }
});

test.each(['ja', 'zh-CN'])('%s: every text translated, nothing left in English', async (locale) => {
  const { banner: extra } = await mountBanner({ scenario: earlyInCycle, locale });
  expect(textOf(extra)).not.toBe('');
  expect(englishLeft(extra)).toEqual([]);
  const { banner: soon } = await mountBanner({ scenario: 'professional-annual-autoflex', locale });
  expect(englishLeft(soon)).toEqual([]);
  const { banner: offer } = await mountBanner({ scenario: 'basic-monthly', locale });
  await userEvent.click(enableButton(offer));
  await expect.poll(() => part(offer, '[part=field-error]')).not.toBeNull();
  expect(englishLeft(offer)).toEqual([]);
  await userEvent.click(checkbox(offer));
  await userEvent.click(enableButton(offer));
  await expect.poll(() => part(offer, '[part=status]')?.textContent).not.toBe('');
  expect(englishLeft(offer)).toEqual([]);
});

test('keyboard-operable, and axe finds nothing (light and dark)', async () => {
  const { fixture, banner } = await mountBanner({ scenario: 'basic-monthly' });
  checkbox(banner).focus();
  await userEvent.keyboard(' ');
  expect(checkbox(banner).checked).toBe(true);
  await userEvent.keyboard('{Tab}');
  expect(banner.shadowRoot!.activeElement).toBe(enableButton(banner));
  await userEvent.keyboard('{Enter}');
  await expect.poll(() => heading(banner)).toBe('Auto-flex is on');
  expect(await axeViolations(fixture.provider)).toEqual([]);

  const dark = await mountBanner({ scenario: 'professional-annual-autoflex', theme: 'dark' });
  expect(await axeViolations(dark.fixture.provider)).toEqual([]);
  const offer = await mountBanner({ scenario: 'basic-monthly', theme: 'dark' });
  await userEvent.click(enableButton(offer.banner));
  await expect.poll(() => part(offer.banner, '[part=field-error]')).not.toBeNull();
  expect(await axeViolations(offer.fixture.provider)).toEqual([]);
});

test('text from the API is shown as text, never as HTML', async () => {
  const { fixture, banner } = await mountBanner({ scenario: 'basic-monthly' });
  const markup = '<img src=x onerror="window.__bkXss=1">';
  fixture.use(
    http.get(`${fixture.mock.baseUrl}/teams/:team/billing/overview`, async ({ request }) => {
      const overview = (await (await fixture.mock.handle(request)).json()) as BillingOverview;
      return HttpResponse.json({
        ...overview,
        autoFlex: { ...overview.autoFlex, termsVersion: markup },
      });
    }),
  );
  await fixture.provider.refresh();
  await expect.poll(() => part(banner, '[part=terms]')?.textContent).toContain(markup);
  expect(banner.shadowRoot!.querySelector('img')).toBeNull();
  expect((window as { __bkXss?: number }).__bkXss).toBeUndefined();
});

test('a failed load says why, and Try again loads it', async () => {
  const fixture = await mountBilling(html`<bk-auto-flex-banner></bk-auto-flex-banner>`, {
    scenario: 'professional-annual-autoflex',
    faults: {
      rules: [{ kind: 'server_error', operationId: 'getBillingOverview', onRequests: [1, 2, 3] }],
    },
  });
  const banner = fixture.provider.querySelector('bk-auto-flex-banner')!;
  await expect.poll(() => part(banner, '[part=retry]'), { timeout: 10_000 }).not.toBeNull();
  expect(banner.hidden).toBe(false);
  expect(part(banner, '[part=error]')?.getAttribute('role')).toBe('alert');
  await userEvent.click(part(banner, '[part=retry]')!);
  await expect.poll(() => fact(banner, 'extra-members')).toBe('2');
  expect(part(banner, '[part=error]')).toBeNull();
});

test('custom-elements.json documents every part it renders, its events and slot', async () => {
  const declaration = await manifestDeclaration('bk-auto-flex-banner');
  expectDocumentedEvents(declaration, elementSource);
  expect(declaration?.events?.map((e) => e.name)).toEqual([
    'bk-auto-flex-enable-request',
    'bk-auto-flex-enabled',
    'bk-auto-flex-dismiss',
  ]);
  expect(declaration?.slots?.map((s) => s.name)).toEqual(['terms']);
  const { collect, expectAllDocumented } = partsAudit(declaration);

  const failing = await mountBilling(html`<bk-auto-flex-banner></bk-auto-flex-banner>`, {
    faults: {
      rules: [{ kind: 'server_error', operationId: 'getBillingOverview', onRequests: [1, 2, 3] }],
    },
  });
  const failed = failing.provider.querySelector('bk-auto-flex-banner')!;
  await expect.poll(() => part(failed, '[part=retry]'), { timeout: 10_000 }).not.toBeNull();
  collect(failed);
  const { banner: extra } = await mountBanner({ scenario: 'professional-annual-autoflex' });
  collect(extra);
  const { banner: offer } = await mountBanner({ scenario: 'basic-monthly' });
  await userEvent.click(enableButton(offer));
  await expect.poll(() => part(offer, '[part=field-error]')).not.toBeNull();
  collect(offer);

  expectAllDocumented();
});
