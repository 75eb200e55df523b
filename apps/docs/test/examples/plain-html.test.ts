// The plain HTML guide's page, served as a static server would, in a frame: only the prebuilt
// bundle's script tag, the host's token script and the elements' markup.
import { expect, test } from 'vitest';
import { inShadow, startMockBackend } from './mock-backend.js';

async function openPage(path: string): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.style.inlineSize = '900px';
  frame.style.blockSize = '700px';
  document.body.append(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = path;
  await loaded;
  return frame.contentDocument!;
}

test('one script tag: the prebuilt bundle renders every widget on the mock', async () => {
  const { requests } = await startMockBackend({ scenario: 'professional-annual-autoflex' });
  const page = await openPage('/plain-html/index.html');

  // No bundler, no inline script: the page's scripts are the bundle and the host's own file.
  const scripts = [...page.querySelectorAll('script')].map((s) => s.getAttribute('src'));
  expect(scripts).toEqual(['/billkit/billkit-elements.js', './billing-setup.js']);

  const counter = page.querySelector('bk-seat-counter')!;
  await expect
    .poll(() => inShadow(counter, '[part~=purchased] dd')?.textContent?.trim())
    .toBe('10');
  const invoices = page.querySelector('bk-invoice-list')!;
  await expect.poll(() => inShadow(invoices, '[part~=row]')).not.toBeNull();
  const picker = page.querySelector('bk-plan-picker')!;
  await expect.poll(() => inShadow(picker, '[part~=current]')).not.toBeNull();
  // One overview for every widget: they share the provider's store.
  expect(requests().filter((r) => r === 'GET /billing/overview')).toHaveLength(1);
  // The Japanese catalog is a chunk beside the bundle, loaded when the page asks for it.
  const chunks = () =>
    page.defaultView!.performance.getEntriesByType('resource').map((entry) => entry.name);
  expect(chunks().some((url) => /\/billkit\/chunks\/ja-/.test(url))).toBe(false);
  page.querySelector('bk-billing-provider')!.setAttribute('locale', 'ja');
  await expect.poll(() => inShadow(counter, '[part=heading]')?.textContent).toBe('シート');
  expect(chunks().some((url) => /\/billkit\/chunks\/ja-[\w-]+\.js$/.test(url))).toBe(true);
  // The elements are the bundle's: defined in the page's own registry, not the test's.
  expect(page.defaultView!.customElements.get('bk-usage-meter')).toBeDefined();
  expect(customElements.get('bk-usage-meter')).toBeUndefined();
});
