/**
 * Screenshots of the elements on the mock, as a host page shows them, in headless Chromium:
 * light, dark (the system's scheme, followed by default) and Japanese, plus the states a
 * reviewer should see (a preview, a refused input, a scheduled decrease, a member's view,
 * a term-credit team). `pnpm --filter @billkit/elements shots [outdir] [name prefix]` (default
 * /tmp/shots, every shot).
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../../scripts/chromium.mjs';
import { bundle, servePages } from './page-server.mjs';

const outdir = process.argv[2] ?? '/tmp/shots';
mkdirSync(outdir, { recursive: true });

const files = new Map(await bundle(`import './dist/index.js';`, 'elements'));
files.set(
  'page.js',
  `const params = new URLSearchParams(location.search);
   const provider = document.querySelector('bk-billing-provider');
   provider.locale = params.get('locale') ?? 'en';
   provider.getToken = () => 'role:' + (params.get('role') ?? 'admin');
   // Another element than the seat counter: ?element=bk-usage-meter&resource=…
   const element = params.get('element');
   if (element) {
     const shown = document.createElement(element);
     if (params.get('resource')) shown.setAttribute('resource', params.get('resource'));
     if (params.get('plan')) shown.setAttribute('plan', params.get('plan'));
     provider.replaceChildren(shown);
   }`,
);
files.set(
  'page.css',
  `:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
   body { margin: 0; padding: 32px; background: light-dark(#eef0f4, #0b0c0f); }`,
);
files.set(
  'index.html',
  `<!doctype html><html lang="en"><head><link rel="stylesheet" href="/page.css">
   <script type="module" src="/page.js"></script><script type="module" src="/elements.js"></script></head>
   <body><bk-billing-provider base-url="/v1" team-id="team_acme"><bk-seat-counter></bk-seat-counter></bk-billing-provider></body></html>`,
);

// bk-auto-flex-banner: shown above the seat counter, as a settings page would.
files.set(
  'auto-flex-banner.html',
  `<!doctype html><html lang="en"><head><link rel="stylesheet" href="/page.css">
   <script type="module" src="/page.js"></script><script type="module" src="/elements.js"></script></head>
   <body><bk-billing-provider base-url="/v1" team-id="team_acme" style="display: grid; gap: 16px">
   <bk-auto-flex-banner></bk-auto-flex-banner><bk-seat-counter></bk-seat-counter></bk-billing-provider></body></html>`,
);

// bk-billing-notices: at the top of a billing page, above the invoices it points to.
files.set(
  'billing-notices.html',
  `<!doctype html><html lang="en"><head><link rel="stylesheet" href="/page.css">
   <script type="module" src="/page.js"></script><script type="module" src="/elements.js"></script></head>
   <body><bk-billing-provider base-url="/v1" team-id="team_acme" style="display: grid; gap: 16px">
   <bk-billing-notices exclude=""></bk-billing-notices><bk-invoice-list></bk-invoice-list></bk-billing-provider></body></html>`,
);

const spareSeats = {
  planId: 'basic',
  interval: 'month',
  members: { admin: 1, member: 2 },
  seats: 6,
  paymentMethods: ['card'],
};
const termCredit = {
  planId: 'basic',
  interval: 'year',
  policy: 'term-credit',
  members: { admin: 1, member: 5 },
  startedDaysAgo: 40,
  paymentMethods: ['card'],
  timeline: [{ daysAgo: 3, join: [{ role: 'member', name: 'Joan Clarke' }] }],
};

const freshFree = {
  planId: 'free',
  interval: 'month',
  members: { admin: 1 },
  startedDaysAgo: 0,
  paymentMethods: [],
};
const invoices = { element: 'bk-invoice-list', width: 1100 };

const shots = [
  { ...invoices, name: 'invoice-list-light', scenario: 'past-due-grace', act: 'expand' },
  {
    ...invoices,
    name: 'invoice-list-dark',
    scenario: 'long-history',
    act: 'expand',
    scheme: 'dark',
  },
  { ...invoices, name: 'invoice-list-ja', scenario: 'past-due-grace', act: 'expand', locale: 'ja' },
  {
    ...invoices,
    name: 'invoice-list-zh-CN-dark',
    scenario: 'enterprise-invoice',
    act: 'expand',
    locale: 'zh-CN',
    scheme: 'dark',
  },
  { ...invoices, name: 'invoice-list-pay-declined', scenario: 'past-due-grace', act: 'pay' },
  { ...invoices, name: 'invoice-list-narrow', scenario: 'past-due-grace', width: 600 },
  { ...invoices, name: 'invoice-list-rtl', scenario: 'past-due-grace', act: 'expand', rtl: true },
  { ...invoices, name: 'invoice-list-empty', scenario: freshFree },
  { ...invoices, name: 'invoice-list-member', scenario: 'basic-monthly', role: 'member' },
  { name: 'seat-counter-light', scenario: 'professional-annual-autoflex', act: 'add' },
  {
    name: 'seat-counter-dark',
    scenario: 'professional-annual-autoflex',
    act: 'add',
    scheme: 'dark',
  },
  { name: 'seat-counter-ja', scenario: 'professional-annual-autoflex', act: 'add', locale: 'ja' },
  {
    name: 'seat-counter-zh-CN-dark',
    scenario: 'basic-monthly',
    act: 'add',
    locale: 'zh-CN',
    scheme: 'dark',
  },
  { name: 'seat-counter-bad-input', scenario: 'professional-annual-autoflex', act: 'below' },
  { name: 'seat-counter-decrease', scenario: spareSeats, act: 'decrease' },
  { name: 'seat-counter-member', scenario: 'basic-monthly', role: 'member' },
  { name: 'seat-counter-term-credit', scenario: termCredit },
  { name: 'seat-counter-rtl', scenario: 'professional-annual-autoflex', act: 'add', rtl: true },
  {
    name: 'seat-counter-load-error',
    scenario: 'basic-monthly',
    faults: { rules: [{ kind: 'unavailable', operationId: 'getBillingOverview' }] },
    wait: '[part=retry]',
  },
  {
    name: 'seat-counter-apply-error',
    scenario: 'basic-monthly',
    faults: { rules: [{ kind: 'network_error', operationId: 'applySubscriptionChange' }] },
    act: 'apply',
  },
  // ---- bk-plan-picker ----
  { name: 'plan-picker-light', element: 'bk-plan-picker', scenario: 'basic-monthly' },
  {
    name: 'plan-picker-dark',
    element: 'bk-plan-picker',
    scenario: 'basic-monthly',
    scheme: 'dark',
  },
  { name: 'plan-picker-ja', element: 'bk-plan-picker', scenario: 'basic-monthly', locale: 'ja' },
  {
    name: 'plan-picker-review',
    element: 'bk-plan-picker',
    scenario: 'basic-monthly',
    plan: 'professional',
  },
  {
    name: 'plan-picker-review-dark-ja',
    element: 'bk-plan-picker',
    scenario: 'basic-monthly',
    plan: 'professional',
    locale: 'ja',
    scheme: 'dark',
  },
  {
    name: 'plan-picker-downgrade',
    element: 'bk-plan-picker',
    scenario: 'professional-annual-autoflex',
    plan: 'basic',
  },
  {
    name: 'plan-picker-member',
    element: 'bk-plan-picker',
    scenario: 'basic-monthly',
    role: 'member',
  },
  { name: 'plan-picker-rtl', element: 'bk-plan-picker', scenario: 'basic-monthly', rtl: true },
  // ---- end bk-plan-picker ----
  ...[
    { name: 'light', scenario: 'professional-annual-autoflex' },
    { name: 'dark', scenario: 'professional-annual-autoflex', scheme: 'dark' },
    { name: 'ja', scenario: 'professional-annual-autoflex', locale: 'ja' },
    {
      name: 'pending',
      scenario: {
        planId: 'professional',
        interval: 'year',
        members: { admin: 1, billing: 1, member: 3 },
        seats: 5,
        autoFlex: true,
        startedDaysAgo: 10,
        timeline: [{ daysAgo: 2, join: [{ role: 'member' }] }],
        paymentMethods: ['card'],
      },
    },
    { name: 'offer', scenario: 'basic-monthly' },
    { name: 'offer-dark-zh-CN', scenario: 'basic-monthly', scheme: 'dark', locale: 'zh-CN' },
    { name: 'offer-terms-missing', scenario: 'basic-monthly', act: 'enable-unaccepted' },
    { name: 'offer-ja', scenario: 'basic-monthly', locale: 'ja', act: 'enable-unaccepted' },
    { name: 'enabled', scenario: 'basic-monthly', act: 'enable' },
    {
      name: 'enable-error',
      scenario: 'basic-monthly',
      faults: { rules: [{ kind: 'network_error', operationId: 'enableAutoFlex' }] },
      act: 'enable',
      banner: '[part=retry]',
    },
    { name: 'rtl', scenario: 'professional-annual-autoflex', rtl: true },
  ].map((shot) => ({
    ...shot,
    name: `auto-flex-banner-${shot.name}`,
    page: 'auto-flex-banner.html',
  })),
];

const usageMeter = { element: 'bk-usage-meter', wait: '[part~=resources]', now: true };
const single = { ...usageMeter, resource: 'monitoring_requests' };
const nearLimit = {
  planId: 'basic',
  interval: 'month',
  members: { admin: 1, member: 2 },
  startedDaysAgo: 20,
  timeline: [
    {
      daysAgo: 5,
      usage: [{ resourceId: 'monitoring_requests', quantity: 8_600, consumerName: 'Nightly CI' }],
    },
  ],
};
shots.push(
  { ...usageMeter, name: 'usage-meter-light', scenario: 'over-quota-overage-allowed' },
  {
    ...usageMeter,
    name: 'usage-meter-dark',
    scenario: 'over-quota-overage-allowed',
    scheme: 'dark',
  },
  { ...usageMeter, name: 'usage-meter-ja', scenario: 'over-quota-overage-allowed', locale: 'ja' },
  { ...single, name: 'usage-meter-near-limit', scenario: nearLimit, act: 'breakdown' },
  {
    ...single,
    name: 'usage-meter-cap-warning',
    scenario: 'over-quota-overage-allowed',
    act: 'cap',
  },
  {
    ...single,
    name: 'usage-meter-capped-dark',
    scenario: 'over-quota-overage-disallowed',
    scheme: 'dark',
  },
  { ...single, name: 'usage-meter-buy', scenario: 'over-quota-overage-allowed', act: 'buy' },
  {
    ...single,
    name: 'usage-meter-buy-ja-dark',
    scenario: 'over-quota-overage-allowed',
    act: 'buy',
    locale: 'ja',
    scheme: 'dark',
  },
  { ...single, name: 'usage-meter-member', scenario: 'over-quota-overage-allowed', role: 'member' },
  { ...single, name: 'usage-meter-rtl', scenario: 'over-quota-overage-allowed', rtl: true },
);

// ---- bk-billing-notices ----
shots.push(
  ...[
    { name: 'light', scenario: 'past-due-grace' },
    { name: 'dark', scenario: 'past-due-grace', scheme: 'dark' },
    { name: 'ja', scenario: 'past-due-grace', locale: 'ja' },
    { name: 'zh-CN-dark', scenario: 'past-due-grace', locale: 'zh-CN', scheme: 'dark' },
    { name: 'rtl', scenario: 'past-due-grace', rtl: true },
    { name: 'narrow', scenario: 'past-due-grace', width: 420 },
    { name: 'member', scenario: 'past-due-grace', role: 'member' },
    { name: 'stack', scenario: 'professional-annual-autoflex' },
    { name: 'trial-dark', scenario: 'trialing', scheme: 'dark' },
    { name: 'usage-capped', scenario: 'over-quota-overage-disallowed' },
  ].map((shot) => ({
    width: 900,
    ...shot,
    name: `billing-notices-${shot.name}`,
    page: 'billing-notices.html',
  })),
);
// ---- end bk-billing-notices ----

const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
try {
  // `shots [outdir] [prefix]`: only the shots whose name starts with prefix (one element's).
  const only = process.argv[3] ?? '';
  for (const shot of shots.filter((s) => s.name.startsWith(only))) {
    const mockOptions = shot.faults ? { faults: shot.faults } : {};
    // The usage meter's pace is reckoned from the browser's day: run the mock on it.
    if (shot.now) mockOptions.now = new Date();
    const server = await servePages({ files, scenario: shot.scenario, mockOptions });
    const context = await browser.newContext({
      viewport: { width: shot.width ?? 720, height: 900 },
      deviceScaleFactor: 1,
      colorScheme: shot.scheme ?? 'light',
    });
    const page = await context.newPage();
    const query = new URLSearchParams({ locale: shot.locale ?? 'en', role: shot.role ?? 'admin' });
    if (shot.element) query.set('element', shot.element);
    if (shot.resource) query.set('resource', shot.resource);
    if (shot.plan) query.set('plan', shot.plan);
    await page.goto(`${server.url}/${shot.page ?? ''}?${query}`);
    if (shot.rtl) await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
    if (shot.page === 'billing-notices.html') {
      const loaded = ':is([part~=row], [part=empty], [part=permission-note]) >> nth=0';
      await page.locator('bk-invoice-list').locator(loaded).waitFor({ timeout: 15_000 });
      await page.locator('body').screenshot({ path: `${outdir}/${shot.name}.png` });
      console.log(`${outdir}/${shot.name}.png`);
      await context.close();
      await server.close();
      continue;
    }
    if (shot.element === 'bk-plan-picker') {
      const picker = page.locator('bk-plan-picker');
      await picker.locator('[part~=plans]').waitFor({ timeout: 15_000 });
      // A deep link opens the review: wait for the server's price (or its restriction).
      if (shot.plan) await picker.locator('[part=confirm][aria-disabled=false]').waitFor();
      await page.screenshot({ path: `${outdir}/${shot.name}.png`, fullPage: true });
      console.log(`${outdir}/${shot.name}.png`);
      await context.close();
      await server.close();
      continue;
    }
    if (shot.element === 'bk-invoice-list') {
      const list = page.locator('bk-invoice-list');
      const loaded = ':is([part~=row], [part=empty], [part=permission-note]) >> nth=0';
      await list.locator(loaded).waitFor({ timeout: 15_000 });
      if (shot.act === 'expand') {
        await list.locator('[part~=toggle]').first().click();
        await list.locator('[part=details]').waitFor();
      } else if (shot.act === 'pay') {
        await list.locator('[part~=pay]').first().click();
        await list.locator('[part=row-error]').waitFor({ timeout: 15_000 });
      }
      await page.locator('body').screenshot({ path: `${outdir}/${shot.name}.png` });
      console.log(`${outdir}/${shot.name}.png`);
      await context.close();
      await server.close();
      continue;
    }
    const counter = page.locator(shot.element ?? 'bk-seat-counter');
    await counter.locator(shot.wait ?? '[part~=stats]').waitFor({ timeout: 15_000 });
    if (shot.act === 'add') {
      await counter.locator('[part=increment]').click();
      await counter.locator('[part~=due-now]').waitFor();
    } else if (shot.act === 'below') {
      await counter.locator('[part=input]').fill('9');
      await counter.locator('[part=field-error]').waitFor();
    } else if (shot.act === 'apply') {
      await counter.locator('[part=increment]').click();
      await counter.locator('[part~=confirm]:not([disabled])').click();
      await counter.locator('[part=retry]').waitFor({ timeout: 15_000 });
    } else if (shot.act === 'cap') {
      await counter.locator('[part~=overage-toggle]').click();
      await counter.locator('[part~=cap-warning]').waitFor();
    } else if (shot.act === 'buy') {
      await counter.locator('[part~=buy]').click();
      await counter.locator('[part~=due-now]').waitFor();
    } else if (shot.act === 'breakdown') {
      await counter.locator('[part~=breakdown-toggle]').click();
      await counter.locator('[part~=consumer]').first().waitFor();
    } else if (shot.act === 'decrease') {
      await counter.locator('[part=decrement]').click();
      await counter.locator('[part~=confirm]:not([disabled])').waitFor();
    }
    if (shot.page === 'auto-flex-banner.html') {
      const banner = page.locator('bk-auto-flex-banner');
      await banner.locator('[part~=base]').waitFor();
      if (shot.act === 'enable') await banner.locator('[part=accept]').check();
      if (shot.act?.startsWith('enable')) await banner.locator('[part=enable]').click();
      const done = {
        'enable-unaccepted': '[part=field-error]',
        enable: '[part=status]:not(:empty)',
      };
      await banner
        .locator(shot.banner ?? done[shot.act] ?? '[part~=base]')
        .waitFor({ timeout: 15_000 });
    }
    await page.locator('body').screenshot({ path: `${outdir}/${shot.name}.png` });
    console.log(`${outdir}/${shot.name}.png`);
    await context.close();
    await server.close();
  }
} finally {
  await browser.close();
}
