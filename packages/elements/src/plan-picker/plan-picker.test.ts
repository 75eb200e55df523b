import type { Invoice, Plan, SubscriptionChange } from '@billkit/sdk';
import { html, type TemplateResult } from 'lit';
import { HttpResponse, http } from 'msw';
import { expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { axeViolations } from '../../test/axe.js';
import {
  englishLeft,
  expectDocumentedEvents,
  type Fixture,
  type FixtureOptions,
  manifestDeclaration,
  mountBilling,
  part,
  partsAudit,
  textOf,
} from '../../test/fixtures.js';
import { formatDate, formatMoney } from '../i18n/format.js';
import type { PlanChangedEvent, PlanChangeRequestEvent } from './events.js';
import type { BkPlanPicker } from './plan-picker.js';
import './plan-picker.js';
import elementSource from './plan-picker.ts?raw';

async function mountPicker(
  options: FixtureOptions = {},
  content: TemplateResult = html`<bk-plan-picker></bk-plan-picker>`,
) {
  const fixture = await mountBilling(content, options);
  const picker = fixture.provider.querySelector('bk-plan-picker')!;
  await expect.poll(() => part(picker, '[part~=plans]')).not.toBeNull();
  return { fixture, picker };
}

/** The plan card whose name is `name`. */
function planCard(picker: BkPlanPicker, name: string) {
  const cards = [...picker.shadowRoot!.querySelectorAll<HTMLElement>('[part~=plan]')];
  return cards.find((card) => card.querySelector('[part=plan-name]')?.textContent === name);
}
const chooseButton = (picker: BkPlanPicker, name: string) =>
  planCard(picker, name)?.querySelector<HTMLButtonElement>('[part=choose]') ?? null;
const dialog = (picker: BkPlanPicker) => part<HTMLDialogElement>(picker, 'dialog')!;
const confirmButton = (picker: BkPlanPicker) => part<HTMLButtonElement>(picker, '[part=confirm]');
const dueNow = (picker: BkPlanPicker) => part(picker, '[part~=due-now]')?.textContent ?? '';
const ready = (picker: BkPlanPicker) =>
  confirmButton(picker)?.getAttribute('aria-disabled') === 'false';
const status = (picker: BkPlanPicker) => part(picker, '[part=status]')?.textContent ?? '';

/** Opens the review of `name` with a real click and waits for the server's price. */
async function review(picker: BkPlanPicker, name: string) {
  await userEvent.click(chooseButton(picker, name)!);
  expect(dialog(picker).open).toBe(true);
  await expect.poll(() => ready(picker)).toBe(true);
}

/** What the API itself says the change costs now. */
async function quoted(fixture: Fixture, change: SubscriptionChange) {
  return fixture.api.subscription.preview(change);
}

async function invoices(fixture: Fixture): Promise<Invoice[]> {
  return (await fixture.api.invoices.list()).data;
}

/**
 * English words left in what `picker` shows or says, except the API's plan catalog (names,
 * descriptions, features: the host's own content, shown as the API gives it). Each text node
 * on its own, so words of neighbouring nodes do not run together.
 */
async function englishBesidesCatalog(fixture: Fixture, picker: BkPlanPicker): Promise<string[]> {
  const { data } = await fixture.api.plans.list();
  const catalog = data.flatMap((plan) => [plan.name, plan.description, ...plan.features]);
  const root = picker.shadowRoot!;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    texts.push(node.textContent ?? '');
  }
  for (const node of root.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      texts.push(node.getAttribute(name) ?? '');
    }
  }
  // Same words as `englishLeft` (the shared helper), once the catalog's texts are taken out.
  expect(englishLeft(picker).length).toBeGreaterThan(0);
  return texts.flatMap((text) => {
    const own = catalog.reduce((rest, api) => rest.split(api).join(' '), text);
    return own.match(/[A-Za-z]{3,}/g) ?? [];
  });
}

test('shows the plans monthly and annually, the saving, the current plan, per seat and team totals', async () => {
  const { fixture, picker } = await mountPicker({ scenario: 'basic-monthly' });
  const basic = planCard(picker, 'Basic')!;
  expect(basic.getAttribute('part')).toBe('plan current');
  expect(basic.getAttribute('aria-current')).toBe('true');
  expect(basic.querySelector('[part=badge]')?.textContent).toBe('Current plan');
  expect(basic.querySelector('[part=choose]')).toBeNull();
  const professional = planCard(picker, 'Professional')!;
  expect(professional.querySelector('[part=price]')?.textContent).toContain(
    '$24.00 per seat / month',
  );
  expect(professional.querySelector('[part=team-total]')?.textContent).toContain(
    '$120.00 for your 5 seats',
  );
  expect(planCard(picker, 'Free')?.querySelector('[part=member-limit]')?.textContent).toContain(
    'Up to 3 members',
  );
  const [monthly, annual] = [...picker.shadowRoot!.querySelectorAll('[part=interval-option]')];
  expect(monthly?.getAttribute('aria-pressed')).toBe('true');
  expect(annual?.textContent).toContain('Save up to 25%');

  await userEvent.click(annual!);
  expect(annual?.getAttribute('aria-pressed')).toBe('true');
  expect(professional.querySelector('[part=price]')?.textContent).toContain(
    '$216.00 per seat / year',
  );
  expect(professional.querySelector('[part=team-total]')?.textContent).toContain(
    '$1,080.00 for your 5 seats',
  );
  // The current plan, the other interval: a switch of interval.
  expect(chooseButton(picker, 'Basic')?.textContent?.trim()).toBe('Switch to annual billing');

  const enterprise = planCard(picker, 'Enterprise')!;
  expect(enterprise.querySelector('[part=price]')?.textContent).toContain('Custom pricing');
  const asked: string[] = [];
  fixture.provider.addEventListener('bk-contact-sales', (event) => asked.push(event.detail.planId));
  await userEvent.click(enterprise.querySelector<HTMLButtonElement>('[part=contact-sales]')!);
  expect(asked).toEqual(['enterprise']);
  expect(fixture.count('POST /subscription/preview')).toBe(0);
});

test('choose, review, confirm: the review shows what the newest invoice then charges', async () => {
  const { fixture, picker } = await mountPicker({ scenario: 'basic-monthly' });
  const requests: PlanChangeRequestEvent[] = [];
  fixture.provider.addEventListener('bk-plan-change-request', (event) => requests.push(event));
  const changed: PlanChangedEvent[] = [];
  fixture.provider.addEventListener('bk-plan-changed', (event) => changed.push(event));
  const before = (await invoices(fixture)).length;

  await review(picker, 'Professional');
  const quote = await quoted(fixture, { planId: 'professional', timing: 'immediately' });
  expect(quote.amountDueNow.amount).toBeGreaterThan(0);
  expect(part(picker, '[part=review-heading]')?.textContent).toContain(
    'Review: Professional, monthly',
  );
  expect(dueNow(picker)).toContain(formatMoney(quote.amountDueNow));
  expect(textOf(picker)).toContain(
    'Upgrade Basic → Professional: price difference for the remaining',
  );
  expect(part(picker, '[part=effective]')?.textContent).toContain(
    `Takes effect on ${formatDate(quote.effectiveDate)}.`,
  );
  expect(part(picker, '[part=next-renewal]')?.textContent).toContain(
    formatMoney(quote.nextRenewal.amount),
  );
  expect(confirmButton(picker)?.textContent?.trim()).toBe(
    `Confirm and pay ${formatMoney(quote.amountDueNow)}`,
  );

  await userEvent.click(confirmButton(picker)!);
  await expect.poll(() => status(picker)).toBe('Done: your team is now on Professional (monthly).');
  expect(dialog(picker).open).toBe(false);
  expect(requests).toHaveLength(1);
  expect(requests[0]!.detail.change).toEqual({
    planId: 'professional',
    timing: 'immediately',
    expectedAmountDue: quote.amountDueNow,
  });
  expect(changed).toHaveLength(1);
  expect(planCard(picker, 'Professional')?.getAttribute('part')).toBe('plan current');

  // The newest invoice is the change's, and charges exactly what the review showed.
  const after = await invoices(fixture);
  expect(after).toHaveLength(before + 1);
  const invoice = after.find((i) => i.id === changed[0]!.detail.invoice?.id)!;
  expect(invoice.total).toEqual(quote.subtotal);
  expect(invoice.amountPaid).toEqual(quote.amountDueNow);
  expect(invoice.lines.map((line) => line.amount)).toEqual(quote.lines.map((line) => line.amount));
  expect(fixture.count('POST /subscription/changes')).toBe(1);
});

test('when the day turns between preview and confirm, the new price is shown and charged once', async () => {
  const { fixture, picker } = await mountPicker({ scenario: 'basic-monthly' });
  await review(picker, 'Professional');
  const shown = dueNow(picker);
  const before = (await invoices(fixture)).length;

  fixture.mock.clock.advance({ days: 1 });
  const fresh = await quoted(fixture, { planId: 'professional', timing: 'immediately' });
  expect(shown).not.toContain(formatMoney(fresh.amountDueNow));
  await userEvent.click(confirmButton(picker)!);
  await expect
    .poll(() => part(picker, '[part=amount-changed]')?.textContent)
    .toContain('The price changed since it was shown');
  expect(part(picker, '[part=amount-changed]')?.getAttribute('role')).toBe('alert');
  expect(dueNow(picker)).toContain(formatMoney(fresh.amountDueNow));
  expect(confirmButton(picker)?.textContent?.trim()).toBe(
    `Confirm and pay ${formatMoney(fresh.amountDueNow)}`,
  );
  // Nothing was charged or changed.
  expect(await invoices(fixture)).toHaveLength(before);
  expect((await fixture.api.subscription.get()).planId).toBe('basic');

  await userEvent.click(confirmButton(picker)!);
  await expect.poll(() => status(picker)).toContain('Done');
  const after = await invoices(fixture);
  expect(after).toHaveLength(before + 1);
  expect(after.map((i) => i.amountPaid)).toContainEqual(fresh.amountDueNow);
  expect(fixture.count('POST /subscription/changes')).toBe(2);
});

test('a lost answer shows the error; Try again replays it, never charging twice', async () => {
  const { fixture, picker } = await mountPicker({ scenario: 'basic-monthly' });
  fixture.mock.faults.add({
    kind: 'network_error',
    operationId: 'applySubscriptionChange',
    onRequests: [1, 2, 3],
    phase: 'response',
  });
  const before = (await invoices(fixture)).length;
  await review(picker, 'Professional');
  // A double click is one intent: one request (and the SDK's own retries).
  await userEvent.dblClick(confirmButton(picker)!);
  await expect
    .poll(() => part(picker, '[part=error]')?.textContent, { timeout: 10_000 })
    .toContain("Can't reach the billing service.");
  expect(dialog(picker).open).toBe(true);

  await userEvent.click(part(picker, '[part=retry]')!);
  await expect.poll(() => status(picker)).toContain('Done');
  expect(await invoices(fixture)).toHaveLength(before + 1);
  expect(fixture.count('POST /subscription/changes')).toBe(4);
});

test('the review keeps focus inside, Escape closes it, and focus returns to the plan button', async () => {
  const { fixture, picker } = await mountPicker({ scenario: 'basic-monthly' });
  const opener = chooseButton(picker, 'Professional')!;
  await review(picker, 'Professional');
  const inside = () => dialog(picker).contains(picker.shadowRoot!.activeElement);
  expect(inside()).toBe(true);
  for (const key of ['{Tab}', '{Tab}', '{Tab}', '{Shift>}{Tab}{/Shift}']) {
    await userEvent.keyboard(key);
    expect(inside()).toBe(true);
  }
  expect(await axeViolations(fixture.provider)).toEqual([]);
  await userEvent.keyboard('{Escape}');
  await expect.poll(() => dialog(picker).open).toBe(false);
  expect(picker.shadowRoot!.activeElement).toBe(opener);
  // The dialog closes at once; the review inside it goes with the element's next render.
  await expect.poll(() => part(picker, '[part=review]')).toBeNull();

  await review(picker, 'Professional');
  await userEvent.click(part(picker, '[part=cancel]')!);
  expect(dialog(picker).open).toBe(false);
  expect(picker.shadowRoot!.activeElement).toBe(opener);
  expect(fixture.count('POST /subscription/changes')).toBe(0);
});

test('plan="professional" interval="year" opens that review straight away (a deep link)', async () => {
  const { fixture, picker } = await mountPicker(
    { scenario: 'basic-monthly' },
    html`<bk-plan-picker plan="professional" interval="year"></bk-plan-picker>`,
  );
  await expect.poll(() => dialog(picker).open).toBe(true);
  expect(part(picker, '[part=review-heading]')?.textContent).toContain(
    'Review: Professional, annual',
  );
  const quote = await quoted(fixture, {
    planId: 'professional',
    interval: 'year',
    timing: 'immediately',
  });
  await expect.poll(() => dueNow(picker)).toContain(formatMoney(quote.amountDueNow));
  expect(
    [...picker.shadowRoot!.querySelectorAll('[part=interval-option]')][1]?.getAttribute(
      'aria-pressed',
    ),
  ).toBe('true');
  await userEvent.keyboard('{Escape}');
  await expect.poll(() => dialog(picker).open).toBe(false);
  // Once per value: closing it does not open it again.
  picker.requestUpdate();
  await picker.updateComplete;
  expect(dialog(picker).open).toBe(false);
});

test('a deep link to the current plan, an unknown plan, or for a member, opens nothing', async () => {
  for (const [plan, role, interval] of [
    ['basic', 'admin', 'weekly'],
    ['<b>nope</b>', 'admin', 'year'],
    ['enterprise', 'admin', 'year'],
    ['professional', 'member', 'year'],
  ] as const) {
    const { fixture, picker } = await mountPicker(
      { scenario: 'basic-monthly', role },
      html`<bk-plan-picker plan=${plan} interval=${interval}></bk-plan-picker>`,
    );
    // An interval that is not one shows the subscription's (monthly), with its prices.
    const pressed = picker.shadowRoot!.querySelector('[part=interval-option][aria-pressed=true]');
    expect(pressed?.textContent?.trim()).toMatch(interval === 'weekly' ? /^Monthly$/ : /^Annual/);
    expect(planCard(picker, 'Professional')?.querySelector('[part=price]')?.textContent).toContain(
      interval === 'weekly' ? '$24.00 per seat / month' : '$216.00 per seat / year',
    );
    await picker.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(dialog(picker).open).toBe(false);
    expect(fixture.count('POST /subscription/preview')).toBe(0);
    fixture.provider.remove();
  }
});

test('a downgrade says why it waits for renewal and offers that, never switching by itself', async () => {
  const { fixture, picker } = await mountPicker({ scenario: 'professional-annual-autoflex' });
  await review(picker, 'Basic');
  expect(part(picker, '[part=restriction]')?.textContent).toContain(
    'Downgrades take effect at renewal; the current plan stays until then.',
  );
  expect(confirmButton(picker)?.textContent?.trim()).toBe('Change at renewal instead');
  expect(part(picker, '[part~=due-now]')).toBeNull();
  expect(fixture.count('POST /subscription/changes')).toBe(0);

  confirmButton(picker)!.focus();
  await userEvent.keyboard('{Enter}');
  const at = await quoted(fixture, { planId: 'basic', timing: 'at_renewal' });
  const date = formatDate(at.effectiveDate);
  await expect
    .poll(() => part(picker, '[part=effective]')?.textContent)
    .toContain(`Nothing is charged now. The change takes effect at the renewal on ${date}.`);
  await expect.poll(() => confirmButton(picker)?.textContent?.trim()).toBe(`Schedule for ${date}`);
  // Focus stays on the main action through the switch.
  expect(picker.shadowRoot!.activeElement).toBe(confirmButton(picker));
  expect(fixture.count('POST /subscription/changes')).toBe(0);

  const before = (await invoices(fixture)).length;
  await userEvent.click(confirmButton(picker)!);
  await expect.poll(() => status(picker)).toBe(`Scheduled: Basic (annual) from ${date}.`);
  const overview = await fixture.api.overview.get();
  expect(overview.subscription.planId).toBe('professional');
  expect(overview.scheduledChanges.map((s) => s.change.planId)).toContain('basic');
  expect(await invoices(fixture)).toHaveLength(before);
});

test('the host can veto the change: nothing is sent', async () => {
  const { fixture, picker } = await mountPicker({ scenario: 'basic-monthly' });
  let asked = 0;
  fixture.provider.addEventListener('bk-plan-change-request', (event) => {
    asked++;
    event.preventDefault();
  });
  await review(picker, 'Professional');
  await userEvent.click(confirmButton(picker)!);
  await expect.poll(() => asked).toBe(1);
  await picker.updateComplete;
  expect(fixture.count('POST /subscription/changes')).toBe(0);
  expect(dialog(picker).open).toBe(true);
  expect(status(picker)).toBe('');
  expect((await fixture.api.subscription.get()).planId).toBe('basic');
});

test.each(['member', 'visitor'] as const)(
  'a %s sees the plans but cannot choose, with the reason given',
  async (role) => {
    const { fixture, picker } = await mountPicker({ scenario: 'basic-monthly', role });
    const choose = [...picker.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=choose]')];
    expect(choose.length).toBeGreaterThan(0);
    for (const button of choose) {
      expect(button.disabled).toBe(true);
      expect(button.getAttribute('aria-describedby')).toBe('permission-note');
    }
    expect(part(picker, '#permission-note')?.textContent).toContain(
      'Only admins and billing managers can change the plan.',
    );
    expect(planCard(picker, 'Basic')?.getAttribute('part')).toBe('plan current');
    expect(fixture.count('POST /subscription/preview')).toBe(0);
    expect(await axeViolations(fixture.provider)).toEqual([]);
  },
);

test('a billing manager may change the plan', async () => {
  const { picker } = await mountPicker({ scenario: 'basic-monthly', role: 'billing' });
  await review(picker, 'Professional');
  expect(dueNow(picker)).not.toBe('');
});

test.each([
  ['ja', 'プラン', 'light'],
  ['zh-CN', '套餐', 'dark'],
] as const)(
  'in %s every text comes from its catalog, with no English left (%s, %s theme)',
  async (locale, heading, theme) => {
    const { fixture, picker } = await mountPicker({ scenario: 'basic-monthly', locale, theme });
    const english = () => englishBesidesCatalog(fixture, picker);
    expect(part(picker, '[part=heading]')?.textContent).toBe(heading);
    expect(await english()).toEqual([]);
    const [, annual] = [
      ...picker.shadowRoot!.querySelectorAll<HTMLElement>('[part=interval-option]'),
    ];
    await userEvent.click(annual!);
    expect(await english()).toEqual([]);

    await review(picker, 'Professional');
    expect(part(picker, '[part~=line]')).not.toBeNull();
    expect(await english()).toEqual([]);
    expect(part(picker, '[part~=base]')?.getAttribute('lang')).toBe(locale);
    expect(await axeViolations(fixture.provider)).toEqual([]);
    await userEvent.click(confirmButton(picker)!);
    await expect.poll(() => status(picker)).not.toBe('');
    expect(await english()).toEqual([]);
  },
);

test('a downgrade restriction and the renewal offer read in Japanese', async () => {
  const { fixture, picker } = await mountPicker({
    scenario: 'professional-annual-autoflex',
    locale: 'ja',
  });
  await review(picker, 'Basic');
  expect(confirmButton(picker)?.textContent?.trim()).toBe('更新時に変更する');
  await userEvent.click(confirmButton(picker)!);
  await expect.poll(() => part(picker, '[part=effective]')).not.toBeNull();
  expect(await englishBesidesCatalog(fixture, picker)).toEqual([]);
});

test('axe finds nothing on the page and in the open review (light and dark)', async () => {
  for (const theme of ['light', 'dark'] as const) {
    const { fixture, picker } = await mountPicker({ scenario: 'basic-monthly', theme });
    expect(await axeViolations(fixture.provider)).toEqual([]);
    await review(picker, 'Professional');
    expect(await axeViolations(fixture.provider)).toEqual([]);
    fixture.provider.remove();
  }
});

test('text from the API is shown as text, never as HTML', async () => {
  const { fixture, picker } = await mountPicker({ scenario: 'basic-monthly' });
  const attack = '<img src=x onerror="window.__billkitXss=1">';
  fixture.use(
    http.get(`${fixture.mock.baseUrl}/teams/:team/plans`, async ({ request }) => {
      const { data } = (await (await fixture.mock.handle(request)).json()) as { data: Plan[] };
      const attacked = data.map((plan) =>
        plan.id === 'professional'
          ? { ...plan, name: attack, description: attack, features: [attack] }
          : plan,
      );
      return HttpResponse.json({ data: attacked });
    }),
  );
  await fixture.provider.refresh();
  await expect.poll(() => planCard(picker, attack)).toBeDefined();
  expect(textOf(picker)).toContain(attack);
  await review(picker, attack);
  expect(part(picker, '[part=review-heading]')?.textContent).toContain(attack);
  expect(picker.shadowRoot!.querySelector('img')).toBeNull();
  expect((window as { __billkitXss?: number }).__billkitXss).toBeUndefined();
});

test('loading shows a skeleton; a failed load says why and Try again loads it', async () => {
  const fixture = await mountBilling(html`<bk-plan-picker></bk-plan-picker>`, {
    scenario: 'basic-monthly',
    latency: 150,
    faults: { rules: [{ kind: 'unavailable', operationId: 'listPlans', onRequests: [1, 2, 3] }] },
  });
  const picker = fixture.provider.querySelector('bk-plan-picker')!;
  await expect.poll(() => part(picker, '[part=skeleton]')).not.toBeNull();
  await expect
    .poll(() => part(picker, '[part=error]')?.textContent, { timeout: 10_000 })
    .toContain('The billing service is unavailable right now.');
  await userEvent.click(part(picker, '[part=retry]')!);
  await expect.poll(() => part(picker, '[part~=plans]')).not.toBeNull();
  expect(part(picker, '[part=error]')).toBeNull();
});

test('a credit balance pays part of the change: shown in the review, and only the rest is charged', async () => {
  const { fixture, picker } = await mountPicker({ scenario: 'basic-monthly' });
  await fixture.api.credits.contribute({ amount: { amount: 1_000, currency: 'USD' } });
  await fixture.provider.refresh();
  await review(picker, 'Professional');
  const quote = await quoted(fixture, { planId: 'professional', timing: 'immediately' });
  expect(quote.creditApplied.amount).toBe(1_000);
  expect(part(picker, '[part=credit-applied]')?.textContent).toContain('Credit applied');
  expect(part(picker, '[part=credit-applied]')?.textContent).toContain('-$10.00');
  expect(dueNow(picker)).toContain(formatMoney(quote.amountDueNow));

  const changed: PlanChangedEvent[] = [];
  fixture.provider.addEventListener('bk-plan-changed', (event) => changed.push(event));
  await userEvent.click(confirmButton(picker)!);
  await expect.poll(() => changed.length).toBe(1);
  const invoice = changed[0]!.detail.invoice!;
  expect(invoice.creditApplied).toEqual(quote.creditApplied);
  expect(invoice.amountPaid).toEqual(quote.amountDueNow);
});

test('custom-elements.json documents every part it renders and exactly its @fires events', async () => {
  const declaration = await manifestDeclaration('bk-plan-picker');
  expectDocumentedEvents(declaration, elementSource);
  const { collect, expectAllDocumented } = partsAudit(declaration);

  // Loading, then a failed load and its retry.
  const loading = await mountBilling(html`<bk-plan-picker></bk-plan-picker>`, {
    scenario: 'basic-monthly',
    faults: { rules: [{ kind: 'server_error', operationId: 'listPlans', onRequests: [1, 2, 3] }] },
  });
  const failing = loading.provider.querySelector('bk-plan-picker')!;
  collect(failing);
  await expect.poll(() => part(failing, '[part=retry]'), { timeout: 10_000 }).not.toBeNull();
  collect(failing);
  loading.provider.remove();

  // The plans, a review with credit applied, then the price changing before confirm.
  const { fixture, picker } = await mountPicker({ scenario: 'basic-monthly' });
  await fixture.api.credits.contribute({ amount: { amount: 1_000, currency: 'USD' } });
  await fixture.provider.refresh();
  await review(picker, 'Professional');
  collect(picker);
  fixture.mock.clock.advance({ days: 1 });
  await userEvent.click(confirmButton(picker)!);
  await expect.poll(() => part(picker, '[part=amount-changed]')).not.toBeNull();
  collect(picker);
  await userEvent.click(confirmButton(picker)!);
  await expect.poll(() => status(picker)).not.toBe('');
  collect(picker);
  fixture.provider.remove();

  // A downgrade: its restriction, then at renewal.
  const { fixture: annual, picker: downgrading } = await mountPicker({
    scenario: 'professional-annual-autoflex',
  });
  await review(downgrading, 'Basic');
  collect(downgrading);
  await userEvent.click(confirmButton(downgrading)!);
  await expect.poll(() => part(downgrading, '[part=effective]')).not.toBeNull();
  collect(downgrading);
  annual.provider.remove();

  const { picker: member } = await mountPicker({ scenario: 'basic-monthly', role: 'member' });
  collect(member);

  expectAllDocumented();
});
