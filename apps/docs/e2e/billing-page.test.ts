/**
 * The billing page (the docs app's home) end to end, as a user: the built app under its strict
 * CSP, real clicks and typing in Chromium, the mock backend in the page's own worker. Each
 * journey opens a fresh page (a fresh team from its link), screenshots every step into
 * `e2e-artifacts/<journey>/` and fails on a blank or broken screenshot, a widget error it did
 * not expect, a console error or an uncaught exception.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createBillingMock, type ScenarioName, tokenFor } from '@billkit/mocks';
import { createBillingClient } from '@billkit/sdk';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type App, artifactsDir, Journey, startApp, widgets } from './harness.js';
import { pdfText } from './pdf.js';

let app: App;

beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.close());

/** The text as the user sees it (rendered: what CSS hides is left out, lines as laid out). */
// biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the point here.
const text = (locator: Locator) => locator.innerText().then((value) => value.trim());

/** The visible invoice rows, newest first. */
const invoiceRows = (page: Page) => page.locator('bk-invoice-list [part~=row]');
const invoiceNumber = (row: Locator) => text(row.locator('[part~=number]'));
const cell = (row: Locator, part: string) => text(row.locator(`[part~=${part}]`));
const purchasedSeats = (page: Page) => text(page.locator('bk-seat-counter [part~=purchased] dd'));
const clockToday = (page: Page) => page.locator('.clock-today [data-day]').getAttribute('data-day');

test('reviews the proration of an upgrade, confirms it, and finds the charge on the newest invoice', async () => {
  const journey = await Journey.start(app, '1-upgrade-plan', '/?scenario=basic-monthly');
  const { page } = journey;
  const newestBefore = await invoiceNumber(invoiceRows(page).first());
  await journey.step('basic-monthly');

  const picker = page.locator('bk-plan-picker');
  await picker.getByRole('button', { name: 'Choose Professional' }).click();
  const review = picker.getByRole('dialog', { name: 'Review: Professional, monthly' });
  const dueNow = review.locator('[part~=due-now] span').last();
  await expect.poll(() => dueNow.isVisible()).toBe(true);
  const amount = await text(dueNow);
  expect(amount).toMatch(/^\$\d+\.\d{2}$/);
  // The proration: the price difference for the rest of the period, which is what is due now.
  const [line] = await review.locator('[part~=line]').allInnerTexts();
  expect(line).toMatch(
    /^Upgrade Basic → Professional: price difference for the remaining \d+ of \d+ days × 5\b/,
  );
  expect(line).toContain(amount);
  await journey.step('review-proration', { modal: true });

  await review.getByRole('button', { name: `Confirm and pay ${amount}` }).click();
  await expect.poll(() => review.isVisible()).toBe(false);
  await expect
    .poll(() => text(picker.getByRole('status')))
    .toBe('Done: your team is now on Professional (monthly).');
  expect(await text(picker.locator('[part~=current] [part~=plan-name]'))).toBe('Professional');

  // The charge is the newest invoice, for exactly what the review said was due now.
  const newest = invoiceRows(page).first();
  await expect.poll(() => invoiceNumber(newest)).not.toBe(newestBefore);
  expect(await cell(newest, 'total')).toBe(amount);
  expect(await cell(newest, 'credit-applied')).toBe('$0.00');
  expect(await cell(newest, 'status')).toBe('Paid');
  await newest.getByRole('button', { name: await invoiceNumber(newest), exact: true }).click();
  const details = page.locator('bk-invoice-list [part~=details]');
  await expect.poll(() => details.locator('[part~=line]').count()).toBe(1);
  expect(await text(details.locator('[part~=line]'))).toBe(line);
  await journey.step('charge-on-newest-invoice');
  await journey.finish();
});

test('adds seats with a preview and sees the purchased count everywhere; a new page is a new team', async () => {
  const journey = await Journey.start(app, '2-add-seats', '/?scenario=basic-monthly');
  const { page } = journey;
  const counter = page.locator('bk-seat-counter');
  expect(await purchasedSeats(page)).toBe('5');

  const seats = counter.getByRole('spinbutton', { name: 'Seats after the change' });
  await seats.fill('7');
  await counter.getByRole('button', { name: 'One seat more' }).click();
  expect(await seats.inputValue()).toBe('8');
  const dueNow = counter.locator('[part~=preview] [part~=due-now] span').last();
  await expect.poll(() => dueNow.isVisible()).toBe(true);
  const amount = await text(dueNow);
  expect(amount).toMatch(/^\$\d+\.\d{2}$/);
  await journey.step('seat-preview');

  await counter.getByRole('button', { name: 'Add 3 seats' }).click();
  await expect.poll(() => purchasedSeats(page)).toBe('8');
  // Every widget reads the same store: the plan picker prices the new seat count too.
  const basic = page.locator('bk-plan-picker [part~=current] [part~=team-total]');
  await expect.poll(() => text(basic)).toBe('$96.00 for your 8 seats');
  await expect.poll(() => seats.inputValue()).toBe('8');
  const newest = invoiceRows(page).first();
  await expect.poll(() => cell(newest, 'total')).toBe(amount);
  await journey.step('seats-purchased');

  // The team lives in the page: another page, even in the same browser context (the same MSW
  // service worker), starts from the link's scenario.
  const other = await journey.page.context().newPage();
  await other.goto(page.url());
  await expect.poll(() => purchasedSeats(other)).toBe('5');
  await other.close();
  expect(await purchasedSeats(page)).toBe('8');
  await journey.finish();
});

test('switches overages off, is warned about the hard cap first, and sees the cap', async () => {
  const journey = await Journey.start(
    app,
    '3-overages-off',
    '/?scenario=over-quota-overage-allowed',
  );
  const { page } = journey;
  const requests = page
    .locator('bk-usage-meter [part~=resource]')
    .filter({ has: page.getByRole('heading', { name: 'Monitoring requests' }) });
  const overages = requests.getByRole('switch', { name: 'Allow overages' });
  expect(await overages.getAttribute('aria-checked')).toBe('true');
  await journey.step('overages-on');

  await overages.click();
  const warning = requests.locator('[part~=cap-warning]');
  await expect.poll(() => warning.isVisible()).toBe(true);
  expect(await text(warning)).toContain(
    'This can break the pipelines, monitors and integrations that rely on them.',
  );
  // Nothing changes before the user confirms.
  expect(await overages.getAttribute('aria-checked')).toBe('true');
  await journey.step('hard-cap-warning');

  await requests.getByRole('button', { name: 'Turn off overages' }).click();
  await expect.poll(() => overages.getAttribute('aria-checked')).toBe('false');
  await expect.poll(() => warning.count()).toBe(0);
  expect(await text(requests)).toContain('Hard cap: usage beyond the included amount is refused.');
  await expect
    .poll(() => text(page.locator('bk-usage-meter [part~=status]')))
    .toBe('Overages are off for Monitoring requests: usage stops at the included amount.');
  await journey.step('overages-off');
  await journey.finish();
});

test('downloads an invoice PDF: a PDF with the invoice number in its text', async () => {
  const journey = await Journey.start(app, '4-invoice-pdf', '/?scenario=basic-monthly');
  const { page } = journey;
  const newest = invoiceRows(page).first();
  const number = await invoiceNumber(newest);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    newest.getByRole('button', { name: `Download invoice ${number}` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${number}.pdf`);
  const saved = join(artifactsDir, '4-invoice-pdf', `${number}.pdf`);
  await download.saveAs(saved);
  const bytes = await readFile(saved);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pdf = await pdfText(bytes);
  expect(pdf).toContain(number);
  // The PDF writes amounts with the currency code: USD 60.00 for the list's $60.00.
  const total = await cell(newest, 'total');
  expect(pdf).toContain(`USD ${total.replace('$', '')}`);
  await journey.step('invoice-downloaded');
  await journey.finish();
});

test('picks the auto-flex scenario, runs the clock through its billing date and finds the new invoice', async () => {
  const journey = await Journey.start(app, '5-auto-flex-billing', '/?scenario=basic-monthly');
  const { page } = journey;
  await page.getByLabel('Scenario', { exact: true }).selectOption('professional-annual-autoflex');
  await expect.poll(() => purchasedSeats(page)).toBe('10');
  await journey.settled();
  const banner = page.locator('bk-auto-flex-banner');
  await expect.poll(() => text(banner.getByRole('heading').first())).toBe('Auto-flex billing soon');
  expect(await text(page.locator('bk-seat-counter [part~=auto-flex-extra] dd'))).toBe('2');
  const newestBefore = await invoiceNumber(invoiceRows(page).first());
  const rowsBefore = await invoiceRows(page).count();
  const billingDate = await page.locator('.clock-next [data-day]').getAttribute('data-day');
  expect(billingDate).toBe('2026-07-01');
  await journey.step('auto-flex-pending');

  await page.getByRole('button', { name: 'To the next billing date' }).click();
  await expect.poll(() => clockToday(page)).toBe(billingDate);
  // The two extra members still on the team became purchased seats, billed on a new invoice.
  await expect.poll(() => purchasedSeats(page)).toBe('12');
  await expect.poll(() => invoiceRows(page).count()).toBe(rowsBefore + 1);
  const newest = invoiceRows(page).first();
  expect(await invoiceNumber(newest)).not.toBe(newestBefore);
  expect(await cell(newest, 'issued')).toBe('Jul 1, 2026');
  await newest.getByRole('button', { name: await invoiceNumber(newest), exact: true }).click();
  const lines = page.locator('bk-invoice-list [part~=details] [part~=line]');
  await expect.poll(() => lines.count()).toBeGreaterThan(0);
  expect((await lines.allInnerTexts()).join('\n')).toMatch(/auto-flex/i);
  await journey.step('auto-flex-invoice');
  await journey.finish();
});

test('a declined card puts the renewal in dunning; paying after fixing the card clears it', async () => {
  const journey = await Journey.start(app, '6-failed-payment', '/?scenario=basic-monthly');
  const { page } = journey;
  const declines = page.getByRole('checkbox', { name: 'Payment method declines charges' });
  expect(await declines.isChecked()).toBe(false);
  await declines.check();
  const renewalDate = await page.locator('.clock-next [data-day]').getAttribute('data-day');
  await page.getByRole('button', { name: 'To the next billing date' }).click();
  await expect.poll(() => clockToday(page)).toBe(renewalDate);

  // The renewal's charge failed: the invoice is past due, with Pay now.
  const renewal = invoiceRows(page).first();
  await expect.poll(() => cell(renewal, 'status')).toBe('Past due');
  const number = await invoiceNumber(renewal);
  expect(await cell(renewal, 'issued')).toBe(await cell(renewal, 'due'));
  const due = await cell(renewal, 'amount-due');
  expect(due).not.toBe('$0.00');
  const pay = renewal.getByRole('button', { name: `Pay now: ${due} for invoice ${number}` });
  // At the top of the page, the notice says so: the amount, the attempt, the deadline.
  const notices = page.locator('bk-billing-notices');
  const notice = notices.locator('[part~=notice-critical]');
  await expect.poll(() => text(notice)).toMatch(/^Action needed/);
  const message = await text(notice.locator('[part=message]'));
  expect(message).toContain(`A payment of ${due} failed (attempt 1 of `);
  expect(message).toMatch(
    /The team will be deactivated on [A-Z][a-z]{2} \d{1,2}, \d{4} unless the overdue invoices are paid\.$/,
  );
  // Its action takes the viewer to the invoice's Pay now.
  await notice.getByRole('button', { name: 'Update payment method' }).click();
  await expect
    .poll(() =>
      pay.evaluate(
        (button) =>
          button.getRootNode() instanceof ShadowRoot &&
          (button.getRootNode() as ShadowRoot).activeElement === button,
      ),
    )
    .toBe(true);
  await journey.step('renewal-past-due');

  // Paying with the card that still declines says so at the invoice, and nothing changes.
  await pay.click();
  const rowError = page.locator('bk-invoice-list [part~=row-error]');
  await expect.poll(() => text(rowError)).toContain('The payment was declined.');
  expect(await cell(renewal, 'status')).toBe('Past due');
  await journey.step('payment-declined', { widgetErrors: 1 });

  await declines.uncheck();
  await rowError.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => cell(renewal, 'status')).toBe('Paid');
  expect(await cell(renewal, 'amount-due')).toBe('$0.00');
  expect(await rowError.count()).toBe(0);
  expect(await page.locator('bk-invoice-list [part~=status-past-due]').count()).toBe(0);
  expect(await text(page.locator('bk-invoice-list [part~=status-message]'))).toBe(
    `Invoice ${number} is paid.`,
  );
  // Paying reloaded the overview: the notice is gone, without a reload.
  await expect
    .poll(() => notices.evaluate((element) => (element as HTMLElement).hidden))
    .toBe(true);
  expect(await notices.locator('[part~=notice]').count()).toBe(0);
  await journey.step('paid-dunning-cleared');
  // The browser logs the API's answer to the declined payment (402 payment_failed).
  await journey.finish({ expects: [/status of 402/] });
});

/**
 * Words of the API's own data, which the widgets show as the API gives them (plan names,
 * descriptions and features, invoice numbers, who an invoice is billed to, names in reasons):
 * the host's content, not the widgets' text. Read from the same scenario on the mock in Node.
 */
async function apiTexts(scenario: ScenarioName): Promise<string[]> {
  const mock = createBillingMock({ scenario });
  const client = createBillingClient({
    baseUrl: mock.baseUrl,
    teamId: mock.teamId,
    getToken: () => tokenFor('admin'),
    fetch: mock.fetch,
  });
  const plans = (await client.plans.list()).data;
  const invoices = (await client.invoices.list()).data;
  return [
    ...plans.flatMap((plan) => [plan.name, plan.description, ...plan.features]),
    ...invoices.flatMap((invoice) => [
      invoice.number,
      invoice.billingDetails.companyName ?? '',
      invoice.billingDetails.email,
      ...invoice.lines.flatMap((line) =>
        Object.entries(line.reason.params)
          .filter(([key]) => key.endsWith('Name'))
          .map(([, value]) => String(value)),
      ),
    ]),
  ].filter((value) => value !== '');
}

/**
 * English words left in a widget (as packages/elements' `englishLeft`: its shadow root's text
 * and its aria-label, title, placeholder and alt attributes; words of three letters or more),
 * each text on its own with the API's data taken out.
 */
function englishLeft(page: Page, tag: string, api: string[]): Promise<string[]> {
  return page.evaluate(
    ([tag, api]) => {
      const root = document.querySelector(tag)?.shadowRoot;
      if (!root) return [`no ${tag}`];
      const texts: string[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        texts.push(node.textContent ?? '');
      }
      const attributes = ['aria-label', 'title', 'placeholder', 'alt'];
      for (const node of root.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
        for (const name of attributes) texts.push(node.getAttribute(name) ?? '');
      }
      return texts.flatMap((value) => {
        const own = api.reduce((rest, data) => rest.split(data).join(' '), value);
        return own.match(/[A-Za-z]{3,}/g) ?? [];
      });
    },
    [tag, api] as const,
  );
}

test('switches to Japanese and the dark theme: every widget in Japanese, dark tokens applied', async () => {
  const scenario = 'professional-annual-autoflex';
  const journey = await Journey.start(app, '7-japanese-dark', `/?scenario=${scenario}`);
  const { page } = journey;
  await page.getByLabel('Language').selectOption({ label: '日本語' });
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect.poll(() => new URL(page.url()).searchParams.get('theme')).toBe('dark');
  await expect.poll(() => text(page.locator('bk-seat-counter [part=heading]'))).toBe('シート');
  await journey.settled();

  const api = await apiTexts(scenario);
  // "API" is written so in Japanese too (API コール), as packages/elements' usage meter test says.
  const sameInJapanese = new Set(['API']);
  for (const tag of widgets) {
    const left = await englishLeft(page, tag, api);
    expect(
      left.filter((word) => !sameInJapanese.has(word)),
      tag,
    ).toEqual([]);
  }
  expect(await page.locator('bk-seat-counter [part~=base]').getAttribute('lang')).toBe('ja');

  // The dark tokens: the widgets' cards, their text and the page behind them.
  const colors = await page.evaluate(() => {
    const card = document.querySelector('bk-seat-counter')!.shadowRoot!.querySelector('.card')!;
    return {
      card: getComputedStyle(card).backgroundColor,
      text: getComputedStyle(card).color,
      page: getComputedStyle(document.body).backgroundColor,
      scheme: getComputedStyle(document.querySelector('bk-billing-provider')!).colorScheme,
    };
  });
  expect(colors).toEqual({
    card: 'rgb(22, 24, 29)',
    text: 'rgb(236, 238, 242)',
    page: 'rgb(14, 16, 20)',
    scheme: 'dark',
  });
  await journey.step('japanese-dark');
  await journey.finish();
});
