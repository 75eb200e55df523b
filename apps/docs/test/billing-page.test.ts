import { setupWorker } from 'msw/browser';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { DocsBillingDemo } from '../src/billing/billing-demo.js';

const worker = setupWorker();
const originalUrl = location.href;

beforeAll(() =>
  worker.start({
    quiet: true,
    onUnhandledRequest: 'bypass',
    serviceWorker: { url: '/mockServiceWorker.js' },
  }),
);
afterAll(() => worker.stop());
afterEach(() => {
  document.querySelector('docs-billing-demo')?.remove();
  history.replaceState(null, '', originalUrl);
  delete document.documentElement.dataset.theme;
});

/** Opens the billing page as a visitor following a link with `query`. */
async function openPage(query = ''): Promise<DocsBillingDemo> {
  history.replaceState(null, '', `${location.pathname}${query}`);
  const demo = document.createElement('docs-billing-demo');
  demo.serve = (handlers) => worker.resetHandlers(...handlers);
  document.body.append(demo);
  await demo.start();
  return demo;
}

const params = () => new URLSearchParams(location.search);
const counter = (demo: DocsBillingDemo) => demo.querySelector('bk-seat-counter')!;
const inCounter = (demo: DocsBillingDemo, selector: string) =>
  counter(demo).shadowRoot?.querySelector(selector)?.textContent?.trim() ?? '';
const purchased = (demo: DocsBillingDemo) => inCounter(demo, '[part~=purchased] dd');
const today = (demo: DocsBillingDemo) =>
  demo.querySelector('.clock-today [data-day]')?.getAttribute('data-day');

function choose(demo: DocsBillingDemo, name: string, value: string): void {
  const select = demo.querySelector<HTMLSelectElement>(`select[name=${name}]`)!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

function button(demo: DocsBillingDemo, name: string): HTMLButtonElement {
  return demo.querySelector<HTMLButtonElement>(`button[name=${name}]`)!;
}

test('the home page is a billing page: the provider and the seat counter on the mock backend', async () => {
  const demo = await openPage();
  expect(demo).toBeInstanceOf(DocsBillingDemo);
  const provider = demo.querySelector('bk-billing-provider')!;
  expect(provider.contains(counter(demo))).toBe(true);
  expect(provider.getAttribute('base-url')).toBe(`${location.origin}/api/v1`);
  await expect.poll(() => purchased(demo)).toBe('10');
  expect(inCounter(demo, '[part~=in-use] dd')).toBe('12');
  // The default state is written out, so the first link already says what it shows.
  expect(Object.fromEntries(params())).toEqual({
    scenario: 'professional-annual-autoflex',
    role: 'admin',
    locale: 'en',
    theme: 'light',
  });
  expect(demo.querySelector('.clock-today')?.textContent).toContain('Jun 20, 2026');
  await expect
    .poll(() => demo.querySelector('.clock-next [data-day]')?.getAttribute('data-day'))
    .toBe('2026-07-01');
});

test('switching role, locale, theme and scenario updates the URL and the page', async () => {
  const demo = await openPage();
  await expect.poll(() => purchased(demo)).toBe('10');

  choose(demo, 'role', 'member');
  await expect.poll(() => params().get('role')).toBe('member');
  await expect
    .poll(() => counter(demo).shadowRoot?.querySelector('[part=permission-note]'))
    .not.toBeNull();

  choose(demo, 'locale', 'ja');
  await expect.poll(() => params().get('locale')).toBe('ja');
  expect(demo.querySelector('bk-billing-provider')?.getAttribute('locale')).toBe('ja');
  await expect.poll(() => inCounter(demo, '[part=heading]')).toBe('シート');
  // The page's own heading follows, marked as Japanese for screen readers.
  await expect.poll(() => demo.querySelector('.page-heading h1')?.textContent).toBe('請求');
  expect(demo.querySelector('.page-heading')?.getAttribute('lang')).toBe('ja');

  demo.querySelector<HTMLInputElement>('input[name=theme][value=dark]')!.click();
  await expect.poll(() => params().get('theme')).toBe('dark');
  expect(document.documentElement.dataset.theme).toBe('dark');
  expect(demo.querySelector('bk-billing-provider')?.getAttribute('theme')).toBe('dark');
  expect(getComputedStyle(document.body).colorScheme).toBe('dark');

  demo.querySelector<HTMLInputElement>('input[name=theme][value=brand]')!.click();
  await expect.poll(() => params().get('theme')).toBe('brand');
  // The brand theme is token overrides only, and they reach inside the widgets' shadow roots.
  const card = counter(demo).shadowRoot!.querySelector('[part~=base]')!;
  expect(getComputedStyle(card).borderTopLeftRadius).toBe('4px');

  choose(demo, 'scenario', 'basic-monthly');
  await expect.poll(() => params().get('scenario')).toBe('basic-monthly');
  await expect.poll(() => purchased(demo)).toBe('5');
  // The other settings stay as they were on the new team.
  expect(params().get('role')).toBe('member');
  expect(params().get('locale')).toBe('ja');
  expect(inCounter(demo, '[part=heading]')).toBe('シート');
});

test('a link restores every setting, the test clock included', async () => {
  const demo = await openPage(
    '?scenario=basic-monthly&policy=prorate&role=billing&locale=zh-CN&theme=dark&date=2026-06-27',
  );
  expect(demo.querySelector<HTMLSelectElement>('select[name=scenario]')!.value).toBe(
    'basic-monthly',
  );
  expect(demo.querySelector<HTMLSelectElement>('select[name=policy]')!.value).toBe('prorate');
  expect(demo.querySelector<HTMLSelectElement>('select[name=role]')!.value).toBe('billing');
  expect(demo.querySelector<HTMLSelectElement>('select[name=locale]')!.value).toBe('zh-CN');
  expect(demo.querySelector<HTMLInputElement>('input[name=theme]:checked')!.value).toBe('dark');
  expect(document.documentElement.dataset.theme).toBe('dark');
  expect(today(demo)).toBe('2026-06-27');
  await expect.poll(() => inCounter(demo, '[part=heading]')).toBe('席位');
  await expect.poll(() => purchased(demo)).toBe('5');
  // What it restored is what it links to.
  expect(location.search).toBe(
    '?scenario=basic-monthly&policy=prorate&role=billing&locale=zh-CN&theme=dark&date=2026-06-27',
  );
});

test('a policy the scenario contradicts falls back to its own policy, and says so', async () => {
  const demo = await openPage('?scenario=term-credit-seat-order-expiring&policy=prorate');
  expect(demo.querySelector('[role=alert]')?.textContent).toContain(
    'cannot run under the prorate policy',
  );
  expect(params().get('policy')).toBeNull();
  expect(demo.querySelector<HTMLSelectElement>('select[name=policy]')!.value).toBe('');
});

test('the test clock moves the team through its billing dates and the widgets follow', async () => {
  const demo = await openPage();
  await expect.poll(() => purchased(demo)).toBe('10');
  await expect.poll(() => button(demo, 'next-billing').disabled).toBe(false);

  // The quarterly auto-flex billing date: the two retained extra members become purchased seats.
  button(demo, 'next-billing').click();
  await expect.poll(() => params().get('date')).toBe('2026-07-01');
  await expect.poll(() => purchased(demo)).toBe('12');
  expect(today(demo)).toBe('2026-07-01');

  await expect.poll(() => button(demo, 'plus-day').disabled).toBe(false);
  button(demo, 'plus-day').click();
  await expect.poll(() => params().get('date')).toBe('2026-07-02');
  await expect.poll(() => button(demo, 'plus-week').disabled).toBe(false);
  button(demo, 'plus-week').click();
  await expect.poll(() => params().get('date')).toBe('2026-07-09');
  expect(today(demo)).toBe('2026-07-09');
});

test('the back button returns to the previous state', async () => {
  const demo = await openPage('?scenario=basic-monthly');
  await expect.poll(() => purchased(demo)).toBe('5');
  choose(demo, 'scenario', 'professional-annual-autoflex');
  await expect.poll(() => purchased(demo)).toBe('10');
  history.back();
  await expect.poll(() => params().get('scenario')).toBe('basic-monthly');
  await expect.poll(() => purchased(demo)).toBe('5');
  expect(demo.querySelector<HTMLSelectElement>('select[name=scenario]')!.value).toBe(
    'basic-monthly',
  );
});

const declineCharges = (demo: DocsBillingDemo) =>
  demo.querySelector<HTMLInputElement>('input[name=decline-charges]')!;
const invoiceStatuses = (demo: DocsBillingDemo) =>
  [...(demo.querySelector('bk-invoice-list')?.shadowRoot?.querySelectorAll('[part~=status]') ?? [])]
    .map((badge) => badge.textContent?.trim())
    .join(', ');

test('the payments control makes the card decline: the renewal fails into dunning', async () => {
  const demo = await openPage('?scenario=basic-monthly');
  await expect.poll(() => invoiceStatuses(demo)).toBe('Paid, Paid');
  expect(declineCharges(demo).checked).toBe(false);
  expect(declineCharges(demo).disabled).toBe(false);

  declineCharges(demo).click();
  button(demo, 'next-billing').click();
  await expect.poll(() => params().get('date')).toBe('2026-07-11');
  // The renewal's charge was declined: its invoice is past due.
  await expect.poll(() => invoiceStatuses(demo)).toBe('Past due, Paid, Paid');
  expect(declineCharges(demo).checked).toBe(true);
  // Not a setting of the link: a link opens the team as its scenario has it.
  expect(params().has('decline')).toBe(false);

  // Unticked, the next retry of the renewal goes through.
  declineCharges(demo).click();
  await expect.poll(() => declineCharges(demo).checked).toBe(false);
  await expect.poll(() => button(demo, 'plus-week').disabled).toBe(false);
  button(demo, 'plus-week').click();
  await expect.poll(() => params().get('date')).toBe('2026-07-18');
  await expect.poll(() => invoiceStatuses(demo)).toBe('Paid, Paid, Paid');
});

test("the payments control shows the team's card: declining in past-due-grace, none on the free plan", async () => {
  const pastDue = await openPage('?scenario=past-due-grace');
  await expect.poll(() => invoiceStatuses(pastDue)).toContain('Past due');
  expect(declineCharges(pastDue).checked).toBe(true);
  pastDue.remove();

  const free = await openPage('?scenario=free');
  expect(declineCharges(free).checked).toBe(false);
  expect(declineCharges(free).disabled).toBe(true);
  expect(free.querySelector('#payments-hint')?.textContent).toBe(
    'This team has no payment method.',
  );
});
