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
/** Only the shots whose name starts with this (`invoice-list`), when given. */
const only = process.argv[3] ?? '';
mkdirSync(outdir, { recursive: true });

const files = new Map(await bundle(`import './dist/index.js';`, 'elements'));
files.set(
  'page.js',
  `const params = new URLSearchParams(location.search);
   const provider = document.querySelector('bk-billing-provider');
   provider.locale = params.get('locale') ?? 'en';
   provider.getToken = () => 'role:' + (params.get('role') ?? 'admin');
   provider.append(document.createElement(params.get('element') ?? 'bk-seat-counter'));`,
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
   <body><bk-billing-provider base-url="/v1" team-id="team_acme"></bk-billing-provider></body></html>`,
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
];

const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
try {
  for (const shot of shots.filter((s) => s.name.startsWith(only))) {
    const mockOptions = shot.faults ? { faults: shot.faults } : {};
    const server = await servePages({ files, scenario: shot.scenario, mockOptions });
    const context = await browser.newContext({
      viewport: { width: shot.width ?? 720, height: 900 },
      deviceScaleFactor: 1,
      colorScheme: shot.scheme ?? 'light',
    });
    const page = await context.newPage();
    const element = shot.element ?? 'bk-seat-counter';
    const query = new URLSearchParams({
      locale: shot.locale ?? 'en',
      role: shot.role ?? 'admin',
      element,
    });
    await page.goto(`${server.url}/?${query}`);
    if (shot.rtl) await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
    const counter = page.locator(element);
    const loaded =
      element === 'bk-invoice-list'
        ? ':is([part~=row], [part=empty], [part=permission-note]) >> nth=0'
        : '[part~=stats]';
    await counter.locator(shot.wait ?? loaded).waitFor({ timeout: 15_000 });
    if (shot.act === 'expand') {
      await counter.locator('[part~=toggle]').first().click();
      await counter.locator('[part=details]').waitFor();
    } else if (shot.act === 'pay') {
      await counter.locator('[part~=pay]').first().click();
      await counter.locator('[part=row-error]').waitFor({ timeout: 15_000 });
    } else if (shot.act === 'add') {
      await counter.locator('[part=increment]').click();
      await counter.locator('[part~=due-now]').waitFor();
    } else if (shot.act === 'below') {
      await counter.locator('[part=input]').fill('9');
      await counter.locator('[part=field-error]').waitFor();
    } else if (shot.act === 'apply') {
      await counter.locator('[part=increment]').click();
      await counter.locator('[part~=confirm]:not([disabled])').click();
      await counter.locator('[part=retry]').waitFor({ timeout: 15_000 });
    } else if (shot.act === 'decrease') {
      await counter.locator('[part=decrement]').click();
      await counter.locator('[part~=confirm]:not([disabled])').waitFor();
    }
    await page.locator('body').screenshot({ path: `${outdir}/${shot.name}.png` });
    console.log(`${outdir}/${shot.name}.png`);
    await context.close();
    await server.close();
  }
} finally {
  await browser.close();
}
