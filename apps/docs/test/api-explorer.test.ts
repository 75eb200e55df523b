import type { BillingMock } from '@billkit/mocks';
import { setupWorker } from 'msw/browser';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DocsPlayground } from '../src/api-explorer/playground.js';

const worker = setupWorker();
/** Requests the page has sent that the mock has not answered yet. */
let inFlight = 0;
worker.events.on('request:start', () => inFlight++);
worker.events.on('request:end', () => inFlight--);
let playground: DocsPlayground;
let served: BillingMock;

beforeAll(async () => {
  await worker.start({ quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
  playground = document.createElement('docs-playground');
  playground.serveMock = (mock) => {
    served = mock;
    worker.resetHandlers(...mock.handlers);
  };
  document.body.append(playground);
  playground.start();
});

afterAll(() => worker.stop());

const shadow = () => playground.shadowRoot!;
const text = () => shadow().textContent?.replace(/\s+/g, ' ') ?? '';

test('shows the scenario team from the mock, fetched through the SDK', async () => {
  expect(playground).toBeInstanceOf(DocsPlayground);
  await expect.poll(text).toContain('Professional · annual');
  expect(text()).toContain('12 in use of 10 purchased, 2 auto-flex extra');
  expect(
    shadow().querySelectorAll('section[aria-labelledby="invoices-title"] tbody tr').length,
  ).toBe(1);
});

test('a refused change keeps the typed seats and says why', async () => {
  const seats = shadow().querySelector<HTMLInputElement>('input[type=number]')!;
  const preview = shadow().querySelector<HTMLButtonElement>('button[type=submit]')!;
  // Nothing to change yet: Preview waits for a plan, an interval or seats.
  expect(preview.disabled).toBe(true);
  seats.value = '-3';
  seats.dispatchEvent(new Event('input'));
  await expect.poll(() => preview.disabled).toBe(false);
  preview.click();
  await expect
    .poll(() => shadow().querySelector('[role=alert]')?.textContent ?? '')
    .toContain('/seats');
  expect(shadow().querySelector<HTMLInputElement>('input[type=number]')!.value).toBe('-3');
});

test('the test clock bills retained auto-flex members on the quarterly billing date', async () => {
  const advance30 = [...shadow().querySelectorAll('button')].find(
    (b) => b.textContent === '+30 d',
  )!;
  for (let i = 0; i < 2; i++) {
    await expect.poll(() => advance30.disabled).toBe(false);
    advance30.click();
  }
  await expect
    .poll(
      () => shadow().querySelectorAll('section[aria-labelledby="invoices-title"] tbody tr').length,
    )
    .toBe(2);
  expect(text()).toContain('12 in use of 12 purchased');
});

test('an admin adds a seat, and refunds the charge from the invoice list', async () => {
  const seats = shadow().querySelector<HTMLInputElement>('input[type=number]')!;
  seats.value = '13';
  seats.dispatchEvent(new Event('input'));
  const preview = shadow().querySelector<HTMLButtonElement>('button[type=submit]')!;
  await expect.poll(() => preview.disabled).toBe(false);
  preview.click();
  const apply = () =>
    [...shadow().querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Apply')!;
  await expect.poll(() => apply().disabled).toBe(false);
  apply().click();
  const refundButton = () =>
    [...shadow().querySelectorAll('button')].find((b) => b.textContent?.startsWith('Refund'));
  await expect.poll(() => refundButton()?.disabled).toBe(false);
  const offered = refundButton()!.textContent!;
  refundButton()!.click();
  await expect.poll(text).toContain('to its payment method');
  expect(text()).toContain(offered.replace('Refund ', 'Refunded ').replace(/ of .*/, ''));
  await expect.poll(refundButton).toBeUndefined();
});

test('a price that moved since the preview is not charged: the new quote is shown to apply', async () => {
  const seats = shadow().querySelector<HTMLInputElement>('input[type=number]')!;
  seats.value = '14';
  seats.dispatchEvent(new Event('input'));
  const preview = shadow().querySelector<HTMLButtonElement>('button[type=submit]')!;
  await expect.poll(() => preview.disabled).toBe(false);
  preview.click();
  const dueNow = () => shadow().querySelector('.quote strong')?.textContent ?? '';
  await expect.poll(dueNow).not.toBe('');
  const shown = dueNow();
  const rows = () =>
    shadow().querySelectorAll('section[aria-labelledby="invoices-title"] tbody tr').length;
  const invoicesBefore = rows();
  const nextDay = [...shadow().querySelectorAll('button')].find((b) => b.textContent === '+1 d')!;
  await expect.poll(() => nextDay.disabled).toBe(false);
  nextDay.click();
  await expect.poll(text).toContain('Test clock');
  const apply = () =>
    [...shadow().querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Apply')!;
  await expect.poll(() => apply().disabled).toBe(false);
  apply().click();
  await expect.poll(text).toContain('The price changed since the preview');
  expect(dueNow()).not.toBe(shown);
  expect(rows()).toBe(invoicesBefore);
  const fresh = dueNow();
  await expect.poll(() => apply().disabled).toBe(false);
  apply().click();
  await expect.poll(text).toContain('Applied: invoice');
  expect(text()).toContain(`${fresh} charged`);
  await expect.poll(rows).toBe(invoicesBefore + 1);
});

test('a member sees plan and usage but no invoices, and no error, even mid-refresh', async () => {
  // An admin refresh is still in flight (slowed down) when the viewer becomes a member.
  served.faults.configure({ latency: 200 });
  [...shadow().querySelectorAll('button')].find((b) => b.textContent === '+1 d')!.click();
  const role = shadow().querySelectorAll('select')[1]!;
  role.value = 'member';
  role.dispatchEvent(new Event('change'));
  await expect
    .poll(() => shadow().querySelector('section[aria-labelledby="invoices-title"]'))
    .toBeNull();
  await expect.poll(() => inFlight).toBe(0);
  expect(text()).toContain('Professional · annual');
  expect(shadow().querySelector('[role=alert]')).toBeNull();
});
