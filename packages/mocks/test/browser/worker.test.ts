/**
 * The mock under MSW's service worker in Chromium: the same handlers the Node
 * tests use serve the SDK, the PDF (with the fonts it imports on demand) and the clock
 * endpoint from inside a page.
 */
import { createBillingClient } from '@billkit/sdk';
import { setupWorker } from 'msw/browser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBillingMock } from '../../src/index.js';
import { embeddedFontNames } from '../pdf-fonts.js';

const mock = createBillingMock({ scenario: 'professional-annual-autoflex' });
const worker = setupWorker(...mock.handlers);

beforeAll(async () => {
  await worker.start({ quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
});
afterAll(() => worker.stop());

it('serves the billing API, PDFs and the test clock from a service worker', async () => {
  expect(navigator.serviceWorker.controller).not.toBeNull();
  const billing = createBillingClient({
    baseUrl: mock.baseUrl,
    teamId: mock.teamId,
    getToken: () => 'role:billing',
  });

  const overview = await billing.overview.get();
  expect(overview.viewer.role).toBe('billing');
  expect(overview.autoFlex.extraMembers).toBe(2);

  const [invoice] = (await billing.invoices.list({ limit: 1 })).data;
  const pdf = await billing.invoices.getPdf(invoice!.id);
  expect(pdf.type).toBe('application/pdf');
  expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
  expect(await embeddedFontNames(new Uint8Array(await pdf.arrayBuffer()))).toEqual([]);

  const details = await billing.billingDetails.get();
  await billing.billingDetails.update({ ...details, companyName: '株式会社テスト' });

  const billingDate = overview.autoFlex.cycle!.billingDate;
  const moved = await fetch(`${mock.baseUrl}/__mock/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ to: billingDate }),
  });
  expect((await moved.json()).today).toBe(billingDate);
  expect((await billing.autoFlex.get()).billedExtraSeats).toBe(2);

  // The auto-flex invoice carries the Japanese name: its PDF embeds the Japanese font.
  const [flexInvoice] = (await billing.invoices.list({ limit: 1 })).data;
  expect(flexInvoice!.billingDetails.companyName).toBe('株式会社テスト');
  const japanese = new Uint8Array(
    await (await billing.invoices.getPdf(flexInvoice!.id)).arrayBuffer(),
  );
  const fonts = await embeddedFontNames(japanese);
  expect(fonts).toContainEqual(expect.stringMatching(/^[A-Z]{6}\+NotoSansJP/));
});
