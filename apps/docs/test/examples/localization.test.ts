// Its own file (its own page): locales are registered before any element shows one.
import '@billkit/elements';
import { expect, test } from 'vitest';
import { bindLanguageMenu } from '../../examples/localization/language-menu.js';
import { inShadow, mountProvider, startMockBackend } from './mock-backend.js';

test('a registered French catalog, and a menu switching the language of every element', async () => {
  const backend = await startMockBackend({ scenario: 'basic-monthly' });
  const provider = mountProvider(
    backend,
    '<bk-seat-counter></bk-seat-counter><bk-invoice-list></bk-invoice-list>',
    { locale: 'fr' },
  );
  const select = document.createElement('select');
  document.body.prepend(select);
  bindLanguageMenu(select, provider);
  const counter = provider.querySelector('bk-seat-counter')!;
  const invoices = provider.querySelector('bk-invoice-list')!;
  const heading = (host: Element) => inShadow(host, '[part=heading]')?.textContent;

  // The registered catalog; a message it lacks (the invoices' columns) stays English.
  expect(select.value).toBe('fr');
  await expect.poll(() => heading(counter)).toBe('Sièges');
  expect(heading(invoices)).toBe('Factures');
  await expect.poll(() => inShadow(counter, '[part~=purchased] dt')?.textContent).toBe('Achetés');

  select.value = 'ja';
  select.dispatchEvent(new Event('change'));
  await expect.poll(() => heading(counter)).toBe('シート');
  expect(heading(invoices)).toBe('請求書');

  select.value = 'en';
  select.dispatchEvent(new Event('change'));
  await expect.poll(() => heading(counter)).toBe('Seats');
  select.remove();
});
