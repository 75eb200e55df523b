import '@billkit/elements';
import { expect, test } from 'vitest';
import { applyBrandTheme } from '../../examples/theming/apply-theme.js';
import { inShadow, mountProvider, startMockBackend } from './mock-backend.js';

const rgb = (hex: string) =>
  `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

test('the brand theme restyles the elements: tokens, a ::part rule, and dark values', async () => {
  const backend = await startMockBackend({ scenario: 'basic-monthly' });
  const provider = mountProvider(backend, '<bk-seat-counter></bk-seat-counter>');
  provider.theme = 'light';
  const counter = provider.querySelector('bk-seat-counter')!;
  const stat = () => inShadow(counter, '[part~=purchased]');
  await expect.poll(stat).not.toBeNull();
  const heading = inShadow(counter, '[part=heading]')!;
  const before = {
    stat: getComputedStyle(stat()!).backgroundColor,
    font: getComputedStyle(heading).fontFamily,
  };
  expect(getComputedStyle(heading).textTransform).toBe('none');

  applyBrandTheme(provider, 'light');
  // Tokens: the surfaces and the font; the ::part rule: the heading's case.
  await expect.poll(() => getComputedStyle(stat()!).backgroundColor).toBe(rgb('#f4efe1'));
  expect(getComputedStyle(heading).fontFamily).toMatch(/^Georgia/);
  expect(getComputedStyle(heading).textTransform).toBe('uppercase');
  expect(before.stat).not.toBe(rgb('#f4efe1'));
  expect(before.font).not.toMatch(/Georgia/);

  applyBrandTheme(provider, 'dark');
  await expect.poll(() => getComputedStyle(stat()!).backgroundColor).toBe(rgb('#183330'));
  expect(getComputedStyle(counter).colorScheme).toBe('dark');
});
