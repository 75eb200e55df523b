import type { LineReason, Notice } from '@billkit/sdk';
import { str, type TemplateMap } from '@lit/localize';
import { expect, test } from 'vitest';
import codeTextsSource from './code-texts.ts?raw';
import { codeTexts, loadCodeTexts } from './load-code-texts.js';
import { activateLocale, matchLocale, resolveLocale, targetLocales } from './locale.js';
import { templates as ja } from './locales/ja.js';
import { templates as zhCN } from './locales/zh-CN.js';
import messagesSource from './messages.ts?raw';
import reasonsSource from './reasons.ts?raw';

/** The English source: every module whose `msg()` calls the catalogs translate. */
const source = messagesSource + codeTextsSource + reasonsSource;

const catalogs: Record<(typeof targetLocales)[number], TemplateMap> = {
  'zh-CN': zhCN(str),
  ja: ja(str),
};

/** Every message of the English source: its id and how many values it takes. */
const messages = [
  ...source.matchAll(/msg\(\s*(str)?(`[^`]*`|'[^']*'|"[^"]*")\s*,\s*\{\s*id:\s*'([^']+)',?\s*\}/g),
].map(([, , template, id]) => ({ id: id!, values: template!.match(/\$\{/g)?.length ?? 0 }));

test('every message of the source has a literal id, each used once', () => {
  // Any msg() call the pattern above misses (no id, an id that is not a literal) fails here.
  expect(messages.length).toBe(source.match(/\bmsg\(/g)?.length);
  const ids = messages.map((m) => m.id);
  expect(new Set(ids).size).toBe(ids.length);
});

test.each(targetLocales)('the %s catalog translates every message, and nothing else', (locale) => {
  const catalog = catalogs[locale];
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  // A plural form the locale never selects (Japanese has no `one`) needs no translation.
  const expected = messages
    .filter(({ id }) => {
      const category = id.split('#')[1];
      return !category || categories.includes(category as Intl.LDMLPluralRule);
    })
    .map((m) => m.id);
  expect(Object.keys(catalog).sort()).toEqual(expected.sort());

  for (const { id, values } of messages) {
    const translation = catalog[id];
    if (translation === undefined) continue;
    // Each value of the English template is placed exactly where the translation says.
    const used = typeof translation === 'string' ? [] : (translation.values as number[]);
    expect([...used].sort(), `${locale} ${id}`).toEqual(
      Array.from({ length: values }, (_, i) => i),
    );
  }
});

test.each(['en', ...targetLocales] as const)(
  'the code-keyed texts read in %s once loaded, so an error or a line never shows a bare code',
  async (locale) => {
    await Promise.all([activateLocale(locale), loadCodeTexts()]);
    try {
      const { problemText, restrictionText } = codeTexts();
      expect(problemText.network!()).not.toBe('network');
      const text = restrictionText.contact_sales();
      if (locale === 'en') expect(text).toMatch(/sales/);
      else expect(text).not.toMatch(/[A-Za-z]{3,}/);
    } finally {
      await activateLocale('en');
    }
  },
);

test('locales resolve to the closest supported one', () => {
  expect(matchLocale('ja-JP')).toBe('ja');
  expect(matchLocale('zh')).toBe('zh-CN');
  expect(matchLocale('zh-Hans-CN')).toBe('zh-CN');
  expect(matchLocale('zh-TW')).toBeUndefined();
  expect(matchLocale('en-GB')).toBe('en');
  expect(matchLocale('fr')).toBeUndefined();
  expect(resolveLocale('ja')).toBe('ja');
  const lang = document.documentElement.lang;
  try {
    document.documentElement.lang = 'zh-CN';
    expect(resolveLocale(undefined)).toBe('zh-CN');
    expect(resolveLocale('fr-FR')).toBe('zh-CN');
  } finally {
    document.documentElement.lang = lang;
  }
});

test.each(['en', ...targetLocales] as const)('every notice code reads in %s', async (locale) => {
  await Promise.all([activateLocale(locale), loadCodeTexts()]);
  const { noticeText } = codeTexts();
  const notices: Notice[] = [
    { code: 'deactivated', severity: 'critical', date: null, message: '', params: {} },
    ...(
      [
        ['payment_failed', { attempt: 2, maxAttempts: 3, amount: 4_900, currency: 'USD' }],
        ['grace_period', {}],
        ['seat_order_expiring', { seats: 12 }],
        ['trial_ending', {}],
        ['auto_flex_billing_soon', { extraMembers: 1 }],
        ['usage_capped', { included: 10_000 }],
        ['usage_near_limit', { used: 8_500, included: 10_000 }],
        ['scheduled_change', { source: 'cancel' }],
        ['scheduled_change', { source: 'downgrade' }],
        ['scheduled_change', { source: 'interval_change' }],
        ['scheduled_change', { source: 'standing_instructions' }],
      ] as const
    ).map(([code, params]) => ({
      code,
      severity: 'info' as const,
      date: '2026-07-10',
      message: '',
      params: { ...params },
    })),
  ];
  const texts = notices.map((notice) => noticeText(notice, 'Monitoring'));
  expect(new Set(texts).size).toBe(texts.length);
  // Each code and source has its own text, and a translated one has no English left in it.
  for (const text of texts) {
    const english = text.replace('Monitoring', '').match(/[A-Za-z]{3,}/g);
    if (locale === 'en') expect(english).not.toBeNull();
    else expect(english).toBeNull();
  }
  await activateLocale('en');
});

/** One reason of each `LineReason` code of the contract, with API (English) names in it. */
const lineReasons: LineReason[] = [
  {
    code: 'plan_period',
    params: {
      planId: 'basic',
      planName: 'Basic',
      interval: 'month',
      seats: 5,
      periodStart: '2026-06-01',
      periodEnd: '2026-07-01',
    },
  },
  {
    code: 'plan_period_members',
    params: {
      planId: 'basic',
      planName: 'Basic',
      interval: 'year',
      members: 6,
      periodStart: '2026-06-01',
      periodEnd: '2027-06-01',
    },
  },
  {
    code: 'members_above_seats',
    params: { extraMembers: 2, seats: 8, periodStart: '2026-06-01', periodEnd: '2026-07-01' },
  },
  {
    code: 'auto_flex_extra_seats',
    params: { extraMembers: 2, seats: 10, periodStart: '2026-06-01', periodEnd: '2027-06-01' },
  },
  {
    code: 'auto_flex_co_termed',
    params: {
      extraMembers: 2,
      keptOn: '2026-07-01',
      daysRemaining: 200,
      daysInPeriod: 365,
      unitAmount: 21_600,
      currency: 'USD',
    },
  },
  {
    code: 'add_on_period',
    params: {
      addOnId: 'custom_domain',
      addOnName: 'Custom domain',
      blocks: 2,
      periodStart: '2026-06-01',
      periodEnd: '2026-07-01',
    },
  },
  {
    code: 'true_up_member_added',
    params: {
      members: 1,
      joinedOn: '2026-06-10',
      daysRemaining: 21,
      daysInPeriod: 30,
      unitAmount: 1_200,
      currency: 'USD',
    },
  },
  {
    code: 'upgrade_proration',
    params: {
      fromPlanId: 'basic',
      fromPlanName: 'Basic',
      toPlanId: 'professional',
      toPlanName: 'Professional',
      seats: 5,
      daysRemaining: 12,
      daysInPeriod: 30,
      unitAmount: 1_200,
      currency: 'USD',
    },
  },
  {
    code: 'upgrade_full_period',
    params: {
      planId: 'professional',
      planName: 'Professional',
      interval: 'year',
      seats: 5,
      periodStart: '2026-06-10',
      periodEnd: '2027-06-10',
    },
  },
  {
    code: 'seats_added_prorated',
    params: { seats: 2, daysRemaining: 1, daysInPeriod: 1, unitAmount: 1_200, currency: 'USD' },
  },
  {
    code: 'add_on_added_prorated',
    params: {
      addOnId: 'custom_domain',
      addOnName: 'Custom domain',
      blocks: 1,
      daysRemaining: 12,
      daysInPeriod: 30,
      unitAmount: 500,
      currency: 'USD',
    },
  },
  {
    code: 'unused_time_credit',
    params: {
      planId: 'basic',
      planName: 'Basic',
      interval: 'month',
      seats: 5,
      daysRemaining: 12,
      daysInPeriod: 30,
      unitAmount: 1_200,
      currency: 'USD',
    },
  },
  {
    code: 'unused_add_on_credit',
    params: {
      addOnId: 'custom_domain',
      addOnName: 'Custom domain',
      blocks: 1,
      daysRemaining: 12,
      daysInPeriod: 30,
      unitAmount: 500,
      currency: 'USD',
    },
  },
  {
    code: 'overage_blocks',
    params: {
      resourceId: 'monitoring_requests',
      resourceName: 'Monitoring requests',
      used: 12_500,
      included: 10_000,
      blocks: 1,
      blockSize: 10_000,
      periodStart: '2026-06-01',
      periodEnd: '2026-07-01',
    },
  },
];

test.each(['en', ...targetLocales] as const)(
  'every line reason code reads in %s',
  async (locale) => {
    await Promise.all([activateLocale(locale), loadCodeTexts()]);
    try {
      const { reasonText } = codeTexts();
      const texts = lineReasons.map((reason) => reasonText(reason) ?? '');
      // Every code has its own text, with its values in it.
      expect(new Set(texts).size).toBe(lineReasons.length);
      expect(texts.every((text) => text.length > 0)).toBe(true);
      const [, , , , coTermed, , trueUp, upgrade, , , , unused] = texts;
      expect(upgrade).toContain('Basic');
      expect(upgrade).toContain('Professional');
      expect(unused).toMatch(/12\D+30|30\D+12/);
      expect(trueUp).toMatch(/21/);
      expect(coTermed).toMatch(/365/);
      // The catalog's own names are the API's; everything else is the locale's.
      const names = /Basic|Professional|Custom domain|Monitoring requests/g;
      for (const text of texts) {
        const english = text.replace(names, '').match(/[A-Za-z]{3,}/g);
        if (locale === 'en') expect(text).toMatch(/[A-Za-z]{3,}/);
        else expect(english, text).toBeNull();
      }
    } finally {
      await activateLocale('en');
    }
  },
);
