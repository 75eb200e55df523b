import { html } from 'lit';
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
import type {
  AddOnChangeRequestEvent,
  OveragePolicyChangeRequestEvent,
  UsageThresholdDetail,
} from './events.js';
import type { BkUsageMeter } from './usage-meter.js';
import './usage-meter.js';
import elementSource from './usage-meter.ts?raw';

const resourceId = 'monitoring_requests';

/** Basic monthly, 20 days into its usage period, with `used` monitoring requests of 10,000. */
function monitoring(used: number): Exclude<FixtureOptions['scenario'], string | undefined> {
  return {
    planId: 'basic',
    interval: 'month',
    members: { admin: 1, member: 2 },
    startedDaysAgo: 20,
    timeline: [
      {
        daysAgo: 10,
        usage: [{ resourceId, quantity: used, consumerId: 'mon_a', consumerName: 'Alpha' }],
      },
    ],
  };
}

/**
 * Meters on a fresh mock team whose clock is the browser's (the pace is reckoned from today).
 * `content` defaults to one meter of every resource.
 */
async function mountMeter(
  options: FixtureOptions = {},
  content = html`<bk-usage-meter></bk-usage-meter>`,
) {
  const fixture = await mountBilling(content, { now: new Date(), ...options });
  const meters = [...fixture.provider.querySelectorAll('bk-usage-meter')];
  for (const meter of meters) {
    await expect.poll(() => part(meter, '[part~=resources], [part=empty]')).not.toBeNull();
  }
  return { fixture, meter: meters[0]!, meters };
}

/** The catalog's resources, in the order the API lists them. */
const order = [
  'monitoring_requests',
  'mock_server_calls',
  'api_calls',
  'custom_domains',
  'integrations',
];

/** The list item of resource `id` (the only item of a one-resource meter). */
function item(meter: BkUsageMeter, id = resourceId) {
  const items = [...meter.shadowRoot!.querySelectorAll<HTMLElement>('[part~=resource]')];
  return items.length === 1 ? items[0]! : items[order.indexOf(id)]!;
}

const inItem = <E extends HTMLElement = HTMLElement>(
  meter: BkUsageMeter,
  selector: string,
  id?: string,
) => item(meter, id).querySelector<E>(selector);
const figure = (meter: BkUsageMeter, index: number, id?: string) =>
  item(meter, id).querySelectorAll('[part~=figure] dd')[index]?.textContent?.trim();
const status = (meter: BkUsageMeter) => part(meter, '[part=status]')?.textContent?.trim() ?? '';
const toggle = (meter: BkUsageMeter, id?: string) =>
  inItem<HTMLButtonElement>(meter, '[part~=overage-toggle]', id)!;

async function addOnInvoices(fixture: Fixture) {
  const { data } = await fixture.api.invoices.list();
  return data.filter((invoice) => invoice.lines.some((line) => line.kind === 'add_on'));
}

test("shows every resource of the period: included, used, overage and the API's cost", async () => {
  const { fixture, meter } = await mountMeter({ scenario: 'over-quota-overage-allowed' });
  const usage = (await fixture.api.usage.list()).data;
  expect([...meter.shadowRoot!.querySelectorAll('[part~=name]')].map((n) => n.textContent)).toEqual(
    ['Monitoring requests', 'Mock server calls', 'API calls', 'Custom domains', 'Integrations'],
  );
  const monitoringUsage = usage.find((u) => u.resourceId === resourceId)!;
  expect(figure(meter, 0)).toBe('12,500');
  expect(figure(meter, 1)).toBe('10,000');
  expect(figure(meter, 2)).toBe('2,500');
  expect(figure(meter, 3)).toBe(formatMoney(monitoringUsage.projectedOverage));
  expect(inItem(meter, '[part~=state]')?.textContent).toBe('Over the included amount');
  const bar = inItem(meter, '[part~=meter]')!;
  expect(bar.getAttribute('role')).toBe('meter');
  expect(bar.getAttribute('aria-valuenow')).toBe('12500');
  expect(bar.getAttribute('aria-valuetext')).toBe('12,500 of 10,000 used (125%)');
  expect(inItem(meter, '[part~=billing-note]')?.textContent).toContain(
    `on ${formatDate(monitoringUsage.period.end)}`,
  );
  expect(toggle(meter).getAttribute('aria-checked')).toBe('true');
  // Custom domains have no pay-as-you-go price: always capped, no switch.
  expect(inItem(meter, '[part~=overage-toggle]', 'custom_domains')).toBeNull();
  expect(inItem(meter, '[part~=hard-cap]', 'custom_domains')?.textContent).toContain(
    'Always capped',
  );
});

test("one resource, sharing the page's one usage and overview request with a full meter", async () => {
  const { fixture, meters } = await mountMeter(
    { scenario: 'over-quota-overage-disallowed' },
    html`<bk-usage-meter resource="monitoring_requests"></bk-usage-meter><bk-usage-meter></bk-usage-meter>`,
  );
  const [single] = meters;
  expect(single!.shadowRoot!.querySelectorAll('[part~=resource]')).toHaveLength(1);
  expect(figure(single!, 0)).toBe('10,000');
  expect(inItem(single!, '[part~=state]')?.textContent).toBe('Limit reached');
  expect(inItem(single!, '[part~=billing-note]')?.textContent).toContain(
    'Usage beyond the included amount is refused until',
  );
  expect(toggle(single!).getAttribute('aria-checked')).toBe('false');
  expect(fixture.count('GET /usage')).toBe(1);
  expect(fixture.count('GET /billing/overview')).toBe(1);
});

test('a resource not on the plan shows the empty state', async () => {
  const { meter } = await mountMeter(
    { scenario: 'basic-monthly' },
    html`<bk-usage-meter resource="nothing_here"></bk-usage-meter>`,
  );
  expect(part(meter, '[part=empty]')?.textContent).toBe('Nothing is metered on this plan.');
});

test('the pace says when the limit is reached at the current rate', async () => {
  const { fixture, meter } = await mountMeter({ scenario: monitoring(8_500) });
  const { period } = await fixture.api.usage.get(resourceId);
  // 8,500 used in the days since the period started: 10,000 at 10,000/8,500 of that time.
  const start = Date.parse(`${period.start}T00:00:00Z`);
  const limit = start + ((Date.now() - start) * 10_000) / 8_500;
  expect(inItem(meter, '[part~=pace]')?.textContent).toBe(
    `At this pace you reach the limit on ${formatDate(new Date(limit).toISOString())}.`,
  );
  expect(inItem(meter, '[part~=state]')?.textContent).toBe('Near the limit');
  // A slow pace stays within; less than a day into a period (too little data) says nothing.
  const { meter: slow } = await mountMeter({ scenario: monitoring(2_000) });
  expect(inItem(slow, '[part~=pace]')?.textContent).toBe(
    'At this pace you stay within the included amount this period.',
  );
  const { fixture: fresh, meter: dayOne } = await mountMeter({
    scenario: { planId: 'basic', members: { admin: 1 }, startedDaysAgo: 0 },
  });
  const todayStart = (await fresh.api.usage.get(resourceId)).period.start;
  expect(Date.now() - Date.parse(`${todayStart}T00:00:00Z`)).toBeLessThan(86_400_000);
  expect(inItem(dayOne, '[part~=pace]')).toBeNull();
});

test('80 % and 100 % are shown, announced and sent once per threshold and period', async () => {
  const { fixture, meter } = await mountMeter(
    { scenario: monitoring(8_500) },
    html`<bk-usage-meter resource="monitoring_requests"></bk-usage-meter>`,
  );
  const sent: UsageThresholdDetail[] = [];
  // The first one was sent when the usage first showed; catch it from the log of the status.
  expect(status(meter)).toBe('Monitoring requests: 85% of the included amount used.');
  fixture.provider.addEventListener('bk-usage-threshold', (event) => sent.push(event.detail));
  await fixture.provider.refresh();
  await meter.updateComplete;
  expect(sent).toEqual([]);

  fixture.mock.recordUsage({ resourceId, quantity: 2_000, consumerId: 'mon_a' });
  await fixture.provider.refresh();
  await expect.poll(() => sent.map((d) => d.threshold)).toEqual([100]);
  expect(sent[0]).toMatchObject({ resourceId, used: 10_500, included: 10_000 });
  expect(status(meter)).toBe('Monitoring requests: the included amount is used up.');
  expect(inItem(meter, '[part~=state]')?.textContent).toBe('Over the included amount');
  expect(item(meter).getAttribute('part')).toContain('over');
  await fixture.provider.refresh();
  await meter.updateComplete;
  expect(sent).toHaveLength(1);
});

test('the threshold event reaches a listener that was there first', async () => {
  const sent: UsageThresholdDetail[] = [];
  const listen = (event: Event) => sent.push((event as CustomEvent).detail);
  document.addEventListener('bk-usage-threshold', listen);
  try {
    await mountMeter({ scenario: 'over-quota-overage-allowed' });
    await expect
      .poll(() => sent.map((d) => `${d.resourceId} ${d.threshold}`))
      .toEqual([`${resourceId} 80`, `${resourceId} 100`]);
  } finally {
    document.removeEventListener('bk-usage-threshold', listen);
  }
});

test('turning overages off warns first; confirmed, the meter shows the hard cap', async () => {
  const { fixture, meter } = await mountMeter({ scenario: 'over-quota-overage-allowed' });
  const asked: OveragePolicyChangeRequestEvent[] = [];
  fixture.provider.addEventListener('bk-overage-policy-change-request', (e) => asked.push(e));
  const changed: unknown[] = [];
  fixture.provider.addEventListener('bk-overage-policy-changed', (e) => changed.push(e.detail));

  await userEvent.click(toggle(meter));
  const warning = () => inItem(meter, '[part~=cap-warning]');
  expect(warning()?.textContent).toContain('This can break the pipelines');
  await expect
    .poll(() => meter.shadowRoot!.activeElement)
    .toBe(inItem(meter, '[part~=cap-cancel]'));
  // Keeping them on asks nothing.
  await userEvent.click(inItem(meter, '[part~=cap-cancel]')!);
  expect(warning()).toBeNull();
  await expect.poll(() => meter.shadowRoot!.activeElement).toBe(toggle(meter));
  expect(fixture.count('PUT /usage/monitoring_requests/overage-policy')).toBe(0);

  await userEvent.click(toggle(meter));
  await userEvent.click(inItem(meter, '[part~=cap-confirm]')!);
  await expect.poll(() => toggle(meter).getAttribute('aria-checked')).toBe('false');
  expect(asked.map((e) => e.detail)).toEqual([{ resourceId, policy: 'disallowed' }]);
  expect(changed).toHaveLength(1);
  expect(warning()).toBeNull();
  expect(status(meter)).toContain('Overages are off for Monitoring requests');
  expect(inItem(meter, '[part~=billing-note]')?.textContent).toContain('is refused until');
  expect((await fixture.api.usage.get(resourceId)).capped).toBe(true);

  // Back on: no warning needed.
  await userEvent.click(toggle(meter));
  await expect.poll(() => toggle(meter).getAttribute('aria-checked')).toBe('true');
  expect(asked.map((e) => e.detail.policy)).toEqual(['disallowed', 'allowed']);
});

test('a vetoed policy change is not made', async () => {
  const { fixture, meter } = await mountMeter({ scenario: 'over-quota-overage-disallowed' });
  fixture.provider.addEventListener('bk-overage-policy-change-request', (e) => e.preventDefault());
  await userEvent.click(toggle(meter));
  await expect.poll(() => fixture.count('PUT /usage/monitoring_requests/overage-policy')).toBe(0);
  expect(toggle(meter).getAttribute('aria-checked')).toBe('false');
});

test('buying blocks previews the price, charges it once, and every view agrees', async () => {
  const { fixture, meters } = await mountMeter(
    { scenario: 'over-quota-overage-allowed' },
    html`<bk-usage-meter></bk-usage-meter><bk-usage-meter resource="monitoring_requests"></bk-usage-meter>`,
  );
  const [meter, single] = meters as [BkUsageMeter, BkUsageMeter];
  const asked: AddOnChangeRequestEvent[] = [];
  fixture.provider.addEventListener('bk-add-on-change-request', (e) => asked.push(e));
  const bought: unknown[] = [];
  fixture.provider.addEventListener('bk-add-on-changed', (e) => bought.push(e.detail));

  await userEvent.click(inItem(meter, '[part~=buy]')!);
  await userEvent.click(inItem(meter, '[part~=increment]')!);
  const change = {
    addOns: [{ addOnId: 'monitoring_requests_10k', blocks: 2 }],
    timing: 'immediately' as const,
  };
  const expected = formatMoney((await fixture.api.subscription.preview(change)).amountDueNow);
  const dueNow = () => inItem(meter, '[part~=due-now]')?.textContent ?? '';
  await expect.poll(dueNow).toContain(expected);
  const confirm = inItem<HTMLButtonElement>(meter, '[part~=confirm]')!;
  expect(confirm.textContent?.trim()).toBe('Buy 2 blocks');

  await userEvent.click(confirm);
  await expect.poll(() => figure(meter, 1)).toBe('30,000');
  expect(figure(single, 1)).toBe('30,000');
  expect(inItem(single, '[part~=included-from]')?.textContent).toBe(
    '10,000 from the plan + 2 add-on blocks',
  );
  expect(status(meter)).toBe('Done: Monitoring requests now includes 30,000.');
  expect(inItem(meter, '[part~=buy-panel]')).toBeNull();
  expect(asked.map((e) => e.detail.change)).toEqual([change]);
  expect(bought).toHaveLength(1);
  const invoices = await addOnInvoices(fixture);
  expect(invoices).toHaveLength(1);
  expect(formatMoney(invoices[0]!.total)).toBe(expected);
  // Over the new quota no more: no overage shown.
  expect(figure(meter, 2)).toBeUndefined();
});

test('a lost answer shows the error; Try again replays the purchase, never charging twice', async () => {
  const { fixture, meter } = await mountMeter({ scenario: 'over-quota-overage-allowed' });
  fixture.mock.faults.add({
    kind: 'network_error',
    operationId: 'applySubscriptionChange',
    onRequests: [1, 2, 3],
    phase: 'response',
  });
  await userEvent.click(inItem(meter, '[part~=buy]')!);
  const confirm = () => inItem<HTMLButtonElement>(meter, '[part~=confirm]')!;
  await expect.poll(() => confirm().disabled).toBe(false);
  await userEvent.click(confirm());
  const alert = () => inItem(meter, '[part=error]');
  await expect
    .poll(() => alert()?.textContent, { timeout: 10_000 })
    .toContain("Can't reach the billing service.");
  await userEvent.click(inItem(meter, '[part=retry]')!);
  await expect.poll(() => figure(meter, 1)).toBe('20,000');
  expect(alert()).toBeNull();
  expect(await addOnInvoices(fixture)).toHaveLength(1);
  expect(fixture.count('POST /subscription/changes')).toBe(4);
});

test('when the day turns before Confirm, the fresh price is shown and charged once confirmed', async () => {
  const { fixture, meter } = await mountMeter({ scenario: 'over-quota-overage-allowed' });
  await userEvent.click(inItem(meter, '[part~=buy]')!);
  const dueNow = () => inItem(meter, '[part~=due-now]')?.textContent ?? '';
  await expect.poll(dueNow).not.toBe('');
  const shown = dueNow();
  fixture.mock.clock.advance({ days: 1 });
  const change = {
    addOns: [{ addOnId: 'monitoring_requests_10k', blocks: 1 }],
    timing: 'immediately' as const,
  };
  const fresh = formatMoney((await fixture.api.subscription.preview(change)).amountDueNow);
  expect(shown).not.toContain(fresh);

  await userEvent.click(inItem(meter, '[part~=confirm]')!);
  await expect
    .poll(() => inItem(meter, '[part=error]')?.textContent)
    .toContain('The price changed since it was shown, and nothing was charged.');
  await expect.poll(dueNow).toContain(fresh);
  expect(await addOnInvoices(fixture)).toHaveLength(0);

  await userEvent.click(inItem(meter, '[part~=confirm]')!);
  await expect.poll(() => figure(meter, 1)).toBe('20,000');
  const invoices = await addOnInvoices(fixture);
  expect(invoices.map((i) => formatMoney(i.total))).toEqual([fresh]);
});

test('the breakdown by consumer is loaded only when opened', async () => {
  const { fixture, meter } = await mountMeter({ scenario: 'over-quota-overage-allowed' });
  const button = inItem<HTMLButtonElement>(meter, '[part~=breakdown-toggle]')!;
  expect(button.getAttribute('aria-expanded')).toBe('false');
  expect(fixture.count('GET /usage/monitoring_requests')).toBe(0);

  await userEvent.click(button);
  expect(button.getAttribute('aria-expanded')).toBe('true');
  const consumers = () =>
    [...item(meter).querySelectorAll('[part~=consumer]')].map((n) =>
      n.textContent?.replace(/\s+/g, ' ').trim(),
    );
  await expect
    .poll(consumers)
    .toEqual(['Checkout API monitor 8,000 (64%)', 'Search API monitor 4,500 (36%)']);
  expect(fixture.count('GET /usage/monitoring_requests')).toBe(1);
  expect(
    item(meter).querySelector(`#${button.getAttribute('aria-controls')} [part~=breakdown]`),
  ).not.toBeNull();

  await userEvent.click(button);
  expect(consumers()).toEqual([]);
  // Opened while a request is slow, then closed: the request is aborted, nothing shown late.
  let release!: () => void;
  fixture.use(
    http.get(`${fixture.mock.baseUrl}/teams/:team/usage/:id`, async ({ request }) => {
      await new Promise<void>((resolve) => (release = resolve));
      return fixture.mock.handle(request);
    }),
  );
  const other = inItem<HTMLButtonElement>(meter, '[part~=breakdown-toggle]', 'api_calls')!;
  await userEvent.click(other);
  await expect.poll(() => fixture.count('GET /usage/api_calls')).toBe(1);
  await userEvent.click(other);
  release();
  await meter.updateComplete;
  expect(item(meter, 'api_calls').querySelector('[part~=breakdown]')).toBeNull();
});

test.each(['member', 'visitor'] as const)(
  'a %s sees usage and its consumers, but cannot change the policy or buy',
  async (role) => {
    const { fixture, meter } = await mountMeter({ scenario: 'over-quota-overage-allowed', role });
    expect(figure(meter, 0)).toBe('12,500');
    for (const control of ['[part~=overage-toggle]', '[part~=buy]']) {
      const button = inItem<HTMLButtonElement>(meter, control)!;
      expect(button.disabled).toBe(true);
      expect(button.getAttribute('aria-describedby')).toContain('permission-note');
    }
    expect(part(meter, '#permission-note')?.textContent).toBe(
      'Only admins and billing managers can change overages or buy blocks.',
    );
    await userEvent.click(inItem(meter, '[part~=breakdown-toggle]')!);
    await expect.poll(() => item(meter).querySelectorAll('[part~=consumer]').length).toBe(2);
    expect(await axeViolations(fixture.provider)).toEqual([]);
  },
);

test('a billing manager may turn overages off', async () => {
  const { meter } = await mountMeter({ scenario: 'over-quota-overage-allowed', role: 'billing' });
  expect(toggle(meter).disabled).toBe(false);
  expect(inItem<HTMLButtonElement>(meter, '[part~=buy]')!.disabled).toBe(false);
  expect(part(meter, '#permission-note')).toBeNull();
});

test.each([
  ['ja', '使用量', 'light'],
  ['zh-CN', '用量', 'dark'],
] as const)(
  'in %s every text comes from its catalog, with no English left (%s, %s theme)',
  async (locale, heading, theme) => {
    const { fixture, meter } = await mountMeter({
      scenario: 'over-quota-overage-allowed',
      locale,
      theme,
    });
    await userEvent.click(toggle(meter));
    await userEvent.click(inItem(meter, '[part~=buy]')!);
    await expect.poll(() => inItem(meter, '[part~=due-now]')).not.toBeNull();
    await userEvent.fill(inItem<HTMLInputElement>(meter, '[part~=input]')!, '0');
    await expect.poll(() => inItem(meter, '[part~=field-error]')).not.toBeNull();
    await userEvent.click(inItem(meter, '[part~=breakdown-toggle]')!);
    await expect.poll(() => item(meter).querySelectorAll('[part~=consumer]').length).toBe(2);

    expect(part(meter, '[part=heading]')?.textContent).toBe(heading);
    // Consumer names are the customer's own data, and "API" is written so in both languages.
    const data = new Set(['Checkout', 'Search', 'API', 'monitor']);
    expect(englishLeft(meter).filter((word) => !data.has(word))).toEqual([]);
    expect(part(meter, '[part~=base]')?.getAttribute('lang')).toBe(locale);
    expect(await axeViolations(fixture.provider)).toEqual([]);
  },
);

test('keyboard only, axe finds nothing in any state', async () => {
  const { fixture, meter } = await mountMeter({ scenario: 'over-quota-overage-allowed' });
  expect(await axeViolations(fixture.provider)).toEqual([]);
  toggle(meter).focus();
  await userEvent.keyboard('{Enter}');
  await expect
    .poll(() => meter.shadowRoot!.activeElement)
    .toBe(inItem(meter, '[part~=cap-cancel]'));
  expect(await axeViolations(fixture.provider)).toEqual([]);
  await userEvent.keyboard('{Enter}');
  inItem(meter, '[part~=buy]')!.focus();
  await userEvent.keyboard('{Enter}');
  await expect.poll(() => inItem(meter, '[part~=due-now]')).not.toBeNull();
  expect(await axeViolations(fixture.provider)).toEqual([]);
});

test('text from the API is shown as text, never as HTML', async () => {
  const attack = '<img src=x onerror="window.__billkitXss=1">';
  const evil = await mountMeter({ scenario: 'over-quota-overage-allowed' });
  const { mock } = evil.fixture;
  evil.fixture.use(
    http.get(`${mock.baseUrl}/teams/:team/usage`, async ({ request }) => {
      const list = (await (await mock.handle(request)).json()) as {
        data: { resourceId: string; name: string }[];
      };
      list.data[0] = { ...list.data[0]!, resourceId: attack, name: attack };
      list.data[1] = { ...list.data[1]!, resourceId: '__proto__', name: 'Prototype' };
      return HttpResponse.json(list);
    }),
    http.get(`${mock.baseUrl}/teams/:team/usage/:id`, async () => {
      const detail = await evil.fixture.api.usage.get(resourceId);
      return HttpResponse.json({
        ...detail,
        resourceId: attack,
        name: attack,
        consumers: [{ id: attack, name: attack, quantity: 1 }],
      });
    }),
  );
  await evil.fixture.provider.refresh();
  const meter = evil.meter;
  await expect.poll(() => part(meter, '[part~=name]')?.textContent).toBe(attack);
  expect(item(meter, 'mock_server_calls').querySelector('[part~=name]')?.textContent).toBe(
    'Prototype',
  );
  await userEvent.click(part(meter, '[part~=breakdown-toggle]')!);
  await expect.poll(() => part(meter, '[part~=consumer]')?.textContent).toContain(attack);
  expect(meter.shadowRoot!.querySelector('img')).toBeNull();
  expect((window as { __billkitXss?: number }).__billkitXss).toBeUndefined();
});

test('a failed load says why, and Try again loads it', async () => {
  const fixture = await mountBilling(html`<bk-usage-meter></bk-usage-meter>`, {
    scenario: 'over-quota-overage-allowed',
    latency: 150,
    faults: { rules: [{ kind: 'unavailable', operationId: 'listUsage', onRequests: [1, 2, 3] }] },
  });
  const meter = fixture.provider.querySelector('bk-usage-meter')!;
  await expect.poll(() => part(meter, '[part=skeleton]')).not.toBeNull();
  await expect
    .poll(() => part(meter, '[part=error]')?.textContent, { timeout: 10_000 })
    .toContain('The billing service is unavailable right now.');
  await userEvent.click(part(meter, '[part=retry]')!);
  await expect.poll(() => textOf(meter)).toContain('12,500');
  expect(part(meter, '[part=error]')).toBeNull();
});

test('when both of its loads failed, one Try again loads both', async () => {
  const fixture = await mountBilling(html`<bk-usage-meter></bk-usage-meter>`, {
    scenario: 'over-quota-overage-allowed',
    faults: {
      rules: [
        { kind: 'server_error', operationId: 'getBillingOverview', onRequests: [1, 2, 3] },
        { kind: 'unavailable', operationId: 'listUsage', onRequests: [1, 2, 3] },
      ],
    },
  });
  const meter = fixture.provider.querySelector('bk-usage-meter')!;
  await expect.poll(() => part(meter, '[part=retry]'), { timeout: 10_000 }).not.toBeNull();
  // Both loads have failed for good before the user acts (the SDK tries each three times).
  await expect
    .poll(() => [fixture.count('GET /usage'), fixture.count('GET /billing/overview')], {
      timeout: 10_000,
    })
    .toEqual([3, 3]);
  await userEvent.click(part(meter, '[part=retry]')!);
  await expect.poll(() => textOf(meter)).toContain('12,500');
  expect(part(meter, '[part=error]')).toBeNull();
});

test('custom-elements.json documents every part it renders and exactly its @fires events', async () => {
  const declaration = await manifestDeclaration('bk-usage-meter');
  expectDocumentedEvents(declaration, elementSource);
  const { collect, expectAllDocumented } = partsAudit(declaration);

  const loading = await mountBilling(html`<bk-usage-meter></bk-usage-meter>`, {
    scenario: 'over-quota-overage-allowed',
    faults: { rules: [{ kind: 'server_error', operationId: 'listUsage', onRequests: [1, 2, 3] }] },
  });
  const failing = loading.provider.querySelector('bk-usage-meter')!;
  collect(failing);
  await expect.poll(() => part(failing, '[part=retry]'), { timeout: 10_000 }).not.toBeNull();
  collect(failing);
  loading.provider.remove();

  const { meter } = await mountMeter({ scenario: 'over-quota-overage-allowed' });
  await userEvent.click(toggle(meter));
  await userEvent.click(inItem(meter, '[part~=buy]')!);
  await expect.poll(() => inItem(meter, '[part~=due-now]')).not.toBeNull();
  await userEvent.click(inItem(meter, '[part~=breakdown-toggle]')!);
  await expect.poll(() => inItem(meter, '[part~=consumer]')).not.toBeNull();
  collect(meter);
  await userEvent.fill(inItem<HTMLInputElement>(meter, '[part~=input]')!, '0');
  await expect.poll(() => inItem(meter, '[part~=field-error]')).not.toBeNull();
  collect(meter);
  await userEvent.click(inItem(meter, '[part~=breakdown-toggle]', 'custom_domains')!);
  await expect.poll(() => inItem(meter, '[part~=breakdown]', 'custom_domains')).not.toBeNull();
  collect(meter);

  const { meter: near } = await mountMeter({ scenario: monitoring(8_500) });
  collect(near);
  const { meter: bought } = await mountMeter({
    scenario: {
      ...monitoring(10_000),
      addOns: [{ addOnId: 'monitoring_requests_10k', blocks: 1 }],
    },
  });
  collect(bought);
  const { meter: capped } = await mountMeter({ scenario: 'over-quota-overage-disallowed' });
  collect(capped);
  const { meter: member } = await mountMeter({ scenario: 'basic-monthly', role: 'member' });
  collect(member);
  const { meter: empty } = await mountMeter(
    { scenario: 'basic-monthly' },
    html`<bk-usage-meter resource="none"></bk-usage-meter>`,
  );
  collect(empty);

  expectAllDocumented();
});
