// Its own test file (its own page): which locales @lit/localize may switch to is fixed the first
// time a locale other than English is shown, and these tests start from a page that showed none.
import { html } from 'lit';
import { expect, test } from 'vitest';
import { mountBilling, part, textOf } from '../../test/fixtures.js';
import '../seat-counter/seat-counter.js';
import { formatMoney } from './format.js';
import { activateLocale, activeLocale, matchLocale, registerLocale } from './locale.js';

test('a registered locale is shown by the elements; ids it lacks stay English; Intl follows its tag', async () => {
  expect(matchLocale('fr-CA')).toBeUndefined();
  registerLocale('fr', {
    'seatCounter.heading': 'Sièges',
    'seatCounter.purchased': 'Achetés',
  });
  expect(matchLocale('fr-CA')).toBe('fr');
  expect(matchLocale('FR')).toBe('fr');

  const { provider } = await mountBilling(html`<bk-seat-counter></bk-seat-counter>`, {
    locale: 'fr-FR',
  });
  const counter = provider.querySelector('bk-seat-counter')!;
  await expect.poll(() => part(counter, '[part=heading]')?.textContent).toBe('Sièges');
  expect(activeLocale()).toBe('fr');
  await expect.poll(() => part(counter, '[part~=purchased] dt')?.textContent).toBe('Achetés');
  expect(textOf(counter)).toContain('In use'); // not in the catalog: the English source
  const money = { amount: 123_456, currency: 'USD' };
  expect(formatMoney(money)).toBe(
    new Intl.NumberFormat('fr', { style: 'currency', currency: 'USD' }).format(1234.56),
  );
  await activateLocale('en');
});

test('a host rewords a built-in locale: its messages over the shipped catalog', async () => {
  registerLocale('ja', { 'seatCounter.heading': 'ライセンス' });
  const { provider } = await mountBilling(html`<bk-seat-counter></bk-seat-counter>`, {
    locale: 'ja',
  });
  const counter = provider.querySelector('bk-seat-counter')!;
  await expect.poll(() => part(counter, '[part=heading]')?.textContent).toBe('ライセンス');
  // The rest is still the shipped Japanese catalog.
  await expect.poll(() => part(counter, '[part~=purchased] dt')?.textContent).toBe('購入済み');
  await activateLocale('en');
});

test('registering is refused for English, an invalid tag, and a new tag once a locale was shown', () => {
  expect(() => registerLocale('en', {})).toThrow(/source locale/);
  expect(() => registerLocale('not a tag', {})).toThrow(RangeError);
  // The tests above showed `fr` and `ja`: the locales @lit/localize may switch to are fixed.
  expect(() => registerLocale('de', { 'seatCounter.heading': 'Plätze' })).toThrow(
    /register locales first/,
  );
  expect(matchLocale('de')).toBeUndefined();
  // A locale already known may still be reworded.
  expect(() => registerLocale('fr', { 'seatCounter.heading': 'Places' })).not.toThrow();
});
