/**
 * The browser SDK guide's examples (examples/sdk-browser) and the auth guide's elements wiring
 * (examples/auth/provider-setup.ts) in Chromium, on the mock under MSW's
 * service worker. An MSW handler stands in for the host's token endpoint (examples/auth).
 */
import { type BillingMock, createBillingMock } from '@billkit/mocks';
import { HttpResponse, http } from 'msw';
import { setupWorker } from 'msw/browser';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import '@billkit/elements/billing-provider.js';
import { connectBillingAuth } from '../examples/auth/provider-setup.js';
import { createPageClient } from '../examples/sdk-browser/client.js';
import { invoicePages } from '../examples/sdk-browser/invoice-pages.js';
import { connectSeatForm } from '../examples/sdk-browser/seat-form.js';

const worker = setupWorker();
let mock: BillingMock;
let tokensMinted = 0;

beforeAll(() => worker.start({ quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } }));
afterAll(() => worker.stop());

function serve(options: Parameters<typeof createBillingMock>[0]) {
  mock = createBillingMock(options);
  tokensMinted = 0;
  const tokenEndpoint = http.post('/billing/token', async ({ request }) => {
    const { teamId } = (await request.json()) as { teamId: string };
    if (teamId !== mock.teamId) return HttpResponse.json({ code: 'not_a_member' }, { status: 403 });
    tokensMinted += 1;
    const expiresAt = new Date(Date.now() + 300_000).toISOString();
    return HttpResponse.json({ token: 'role:billing', expiresAt });
  });
  worker.resetHandlers(tokenEndpoint, ...mock.handlers);
  return createPageClient({ baseUrl: mock.baseUrl, teamId: mock.teamId });
}

function seatForm() {
  document.body.innerHTML = `
    <form>
      <label>Seats <input name="seats" type="number" min="1" /></label>
      <output name="due"></output>
      <p data-error-for="seats"></p>
      <button>Buy seats</button>
    </form>`;
  const form = document.querySelector('form')!;
  const seats = form.elements.namedItem('seats') as HTMLInputElement;
  const type = (value: number) => {
    seats.value = String(value);
    seats.dispatchEvent(new Event('input'));
  };
  const text = (selector: string) => form.querySelector(selector)?.textContent ?? '';
  return { form, seats, type, due: () => text('output'), error: () => text('[data-error-for]') };
}

beforeEach(() => {
  document.body.innerHTML = '';
});

test('the page client gets its token from the token endpoint, once for many requests', async () => {
  const billing = serve({ scenario: 'basic-monthly' });
  const [plans, overview] = await Promise.all([billing.plans.list(), billing.overview.get()]);
  expect(plans.data.map((plan) => plan.id)).toContain('professional');
  expect(overview.viewer.role).toBe('billing');
  expect(tokensMinted).toBe(1);
});

test('the seat form previews as the user types, and applies the reviewed change once', async () => {
  const billing = serve({ scenario: 'basic-monthly', latency: 100 });
  const { form, type, due } = seatForm();
  const signals: (AbortSignal | undefined)[] = [];
  const { get } = billing.subscription;
  billing.subscription.get = (options) => {
    signals.push(options?.signal);
    return get(options);
  };
  const disconnect = connectSeatForm(form, billing);
  type(6);
  type(7); // the preview for 6 is aborted: only the price of 7 seats is shown
  expect(signals.map((signal) => signal?.aborted)).toEqual([true, false]);
  await expect.poll(due).toMatch(/^\$\d+\.\d\d due now$/);
  const shownFor7 = due();
  const { amountDueNow } = await billing.subscription.preview({ seats: 7, timing: 'immediately' });
  expect(shownFor7).toBe(`$${(amountDueNow.amount / 100).toFixed(2)} due now`);
  form.requestSubmit();
  await expect.poll(due).toBe('Now 7 seats');
  expect(mock.team.state.subscription.seats).toBe(7);
  disconnect();
});

test('a refused seat count shows the field error of /seats beside the input', async () => {
  const billing = serve({ scenario: 'basic-monthly' });
  const { form, seats, type, error } = seatForm();
  connectSeatForm(form, billing);
  type(-1);
  await expect.poll(error).not.toBe('');
  expect(error()).toBe('must be >= 1');
  expect(seats.getAttribute('aria-invalid')).toBe('true');
});

test('when the price moved since the preview, nothing is charged and the new price is shown', async () => {
  const billing = serve({ scenario: 'basic-monthly' });
  const { form, type, due } = seatForm();
  connectSeatForm(form, billing);
  type(8);
  await expect.poll(due).toMatch(/due now$/);
  mock.clock.advance({ days: 1 }); // midnight passed: the proration is a day shorter
  form.requestSubmit();
  await expect.poll(due).toMatch(/^The price changed: \$\d+\.\d\d due now$/);
  expect(mock.team.state.subscription.seats).toBe(5);
  form.requestSubmit(); // the user confirms today's price
  await expect.poll(due).toBe('Now 8 seats');
  expect(mock.team.state.subscription.seats).toBe(8);
});

test('invoice pages load one page at a time until the last', async () => {
  const billing = serve({ scenario: 'basic-monthly' });
  const pages = invoicePages(billing, { limit: 1 });
  const first = await pages.next();
  expect(first).toHaveLength(1);
  expect(pages.done).toBe(false);
  const second = await pages.next();
  expect(second[0]?.id).not.toBe(first[0]?.id);
  while (!pages.done) await pages.next();
  expect(await pages.next()).toEqual([]);
});

test('connectBillingAuth gives bk-billing-provider its token provider; one token for the page', async () => {
  serve({ scenario: 'basic-monthly' });
  const provider = document.createElement('bk-billing-provider');
  expect(() => connectBillingAuth(provider)).toThrow('bk-billing-provider needs its team-id first');
  provider.baseUrl = mock.baseUrl;
  provider.teamId = mock.teamId;
  document.body.append(provider);
  connectBillingAuth(provider);
  await provider.updateComplete;
  await provider.refresh();
  await provider.refresh();
  expect(provider.store).toBeDefined();
  expect(tokensMinted).toBe(1);
});
