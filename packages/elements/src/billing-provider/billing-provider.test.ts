import { createBillingMock, tokenFor } from '@billkit/mocks';
import { createBillingClient } from '@billkit/sdk';
import { html, render } from 'lit';
import { expect, test } from 'vitest';
import { manifestDeclaration, mountBilling, part } from '../../test/fixtures.js';
import '../seat-counter/seat-counter.js';
import type { BkSeatCounter } from '../seat-counter/seat-counter.js';

const purchased = (counter: BkSeatCounter) =>
  part(counter, '[part~=purchased] dd')?.textContent?.trim();

test('a client the host built itself serves the elements', async () => {
  const mock = createBillingMock({ scenario: 'basic-monthly' });
  const provider = document.createElement('bk-billing-provider');
  provider.client = createBillingClient({
    baseUrl: mock.baseUrl,
    teamId: mock.teamId,
    getToken: () => tokenFor('billing'),
    fetch: mock.fetch,
  });
  render(html`<bk-seat-counter></bk-seat-counter>`, provider);
  document.body.append(provider);
  try {
    const counter = provider.querySelector('bk-seat-counter')!;
    await expect.poll(() => purchased(counter)).toBe('5');
    // The viewer (a billing manager here) comes from the overview through the provider.
    expect(part<HTMLInputElement>(counter, '[part=input]')?.disabled).toBe(false);
  } finally {
    provider.remove();
  }
});

test('properties a host set before the elements were defined are honoured', async () => {
  const mock = createBillingMock({ scenario: 'basic-monthly' });
  // Elements inside a template are not upgraded: like a page whose script runs before ours.
  const template = document.createElement('template');
  template.innerHTML =
    '<bk-billing-provider><bk-seat-counter></bk-seat-counter></bk-billing-provider>';
  const provider = template.content.firstElementChild as HTMLElement & Record<string, unknown>;
  Object.assign(provider, {
    locale: 'ja',
    client: createBillingClient({
      baseUrl: mock.baseUrl,
      teamId: mock.teamId,
      getToken: () => tokenFor('admin'),
      fetch: mock.fetch,
    }),
  });
  document.body.append(provider);
  try {
    const counter = provider.querySelector('bk-seat-counter')!;
    await expect.poll(() => purchased(counter)).toBe('5');
    await expect.poll(() => part(counter, '[part=heading]')?.textContent).toBe('シート');
  } finally {
    provider.remove();
  }
});

test('refresh() shows what changed elsewhere, in every element', async () => {
  const fixture = await mountBilling(
    html`<bk-seat-counter></bk-seat-counter><bk-seat-counter></bk-seat-counter>`,
    { scenario: 'basic-monthly' },
  );
  const counters = [...fixture.provider.querySelectorAll('bk-seat-counter')];
  await expect.poll(() => purchased(counters[0]!)).toBe('5');
  const { subscription } = await fixture.api.overview.get();
  await fixture.api.subscription.apply(
    { seats: 9, timing: 'immediately' },
    { ifMatch: subscription.version, idempotencyKey: 'elsewhere' },
  );
  await fixture.provider.refresh();
  for (const counter of counters) await expect.poll(() => purchased(counter)).toBe('9');
  expect(fixture.count('GET /billing/overview')).toBe(2);
});

test('light and dark token sets follow the theme, host tokens override them, nothing leaks', async () => {
  const fixture = await mountBilling(html`<bk-seat-counter></bk-seat-counter>`, {
    scenario: 'basic-monthly',
    theme: 'light',
  });
  const counter = fixture.provider.querySelector('bk-seat-counter')!;
  await expect.poll(() => purchased(counter)).toBe('5');
  const card = () => getComputedStyle(part(counter, '[part~=base]')!);
  expect(card().backgroundColor).toBe('rgb(255, 255, 255)');
  fixture.provider.theme = 'dark';
  await fixture.provider.updateComplete;
  expect(card().backgroundColor).toBe('rgb(22, 24, 29)');

  fixture.provider.style.setProperty('--bk-color-surface', 'rgb(1, 2, 3)');
  expect(card().backgroundColor).toBe('rgb(1, 2, 3)');
  // A component token defaults to the global one, and can be set on the element alone.
  const accent = () => getComputedStyle(counter).getPropertyValue('--_sc-accent').trim();
  fixture.provider.style.setProperty('--bk-color-accent', 'rgb(0, 90, 0)');
  expect(accent()).toBe('rgb(0, 90, 0)');
  counter.style.setProperty('--bk-seat-counter-accent', 'rgb(200, 0, 0)');
  expect(accent()).toBe('rgb(200, 0, 0)');

  // The elements' styles stay in their shadow roots: a page element named like a part is untouched.
  const lookalike = document.createElement('div');
  lookalike.className = 'card';
  lookalike.setAttribute('part', 'base');
  document.body.append(lookalike);
  try {
    expect(getComputedStyle(lookalike).borderTopWidth).toBe('0px');
  } finally {
    lookalike.remove();
  }
});

test('right-to-left pages mirror the layout (logical properties)', async () => {
  const fixture = await mountBilling(html`<bk-seat-counter></bk-seat-counter>`, {
    scenario: 'professional-annual-autoflex',
  });
  const counter = fixture.provider.querySelector('bk-seat-counter')!;
  await expect.poll(() => part(counter, '[part=auto-flex]')).not.toBeNull();
  const note = part(counter, '[part=auto-flex]')!;
  expect(getComputedStyle(note).borderLeftWidth).toBe('3px');
  fixture.provider.setAttribute('dir', 'rtl');
  expect(getComputedStyle(note).borderRightWidth).toBe('3px');
  expect(getComputedStyle(note).borderLeftWidth).toBe('0px');
  const minus = part(counter, '[part=decrement]')!.getBoundingClientRect();
  const plus = part(counter, '[part=increment]')!.getBoundingClientRect();
  expect(minus.left).toBeGreaterThan(plus.left);
});

test('custom-elements.json lists public attributes only, each with its whole description', async () => {
  type Member = { name: string; privacy?: string; attribute?: string; description?: string };
  type Attribute = { name: string; fieldName?: string; description?: string };
  const tags = [
    'bk-billing-provider',
    'bk-seat-counter',
    'bk-plan-picker',
    'bk-auto-flex-banner',
    'bk-invoice-list',
    'bk-usage-meter',
  ];
  const attributes = new Map<string, string[]>();
  for (const tag of tags) {
    const declaration = (await manifestDeclaration(tag)) as
      | { members?: Member[]; attributes?: Attribute[] }
      | undefined;
    expect(declaration, tag).toBeDefined();
    const members = declaration!.members ?? [];
    // Internal state (`{ state: true }`, private fields) is never an attribute.
    for (const member of members.filter((m) => m.privacy === 'private')) {
      expect(member.attribute, `${tag} ${member.name}`).toBeUndefined();
    }
    // A sentence is not cut short by a line of its JSDoc read as a tag (`@lit/…`).
    for (const { name, description } of [...members, ...(declaration!.attributes ?? [])]) {
      if (description) expect(description, `${tag} ${name}`).toMatch(/[.)]$/);
    }
    attributes.set(
      tag,
      (declaration!.attributes ?? []).map((a) => a.name),
    );
  }
  expect(attributes.get('bk-billing-provider')).toEqual(['base-url', 'team-id', 'locale', 'theme']);
  expect(attributes.get('bk-invoice-list')).toEqual(['infinite', 'page-size']);
  expect(attributes.get('bk-plan-picker')).toEqual(['plan', 'interval']);
  expect(attributes.get('bk-usage-meter')).toEqual(['resource']);
  expect(attributes.get('bk-seat-counter')).toEqual([]);
  expect(attributes.get('bk-auto-flex-banner')).toEqual([]);
});
