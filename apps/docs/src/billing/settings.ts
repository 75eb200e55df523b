/**
 * The billing page's demo settings and their home in the URL's query string, so any state of
 * the demo is a link: `?scenario=past-due-grace&role=billing&locale=ja&theme=dark&date=2026-06-25`.
 */
import { type BillingMockOptions, type ScenarioName, scenarios } from '@billkit/mocks';
import type { Role } from '@billkit/sdk';

export type PolicyName = Extract<NonNullable<BillingMockOptions['policy']>, string>;
export type DemoLocale = 'en' | 'zh-CN' | 'ja';
export type DemoTheme = 'light' | 'dark' | 'brand';

export interface DemoSettings {
  scenario: ScenarioName;
  /** The billing policy, or null for the scenario's own. */
  policy: PolicyName | null;
  role: Role;
  locale: DemoLocale;
  theme: DemoTheme;
  /** The test clock's day (`YYYY-MM-DD`), or null for the scenario's start. */
  date: string | null;
}

export const scenarioNames = Object.keys(scenarios) as ScenarioName[];
export const policies: PolicyName[] = ['prorate', 'term-credit'];
export const roles: Role[] = ['admin', 'billing', 'member', 'visitor'];
/**
 * The demo's languages, with the host page's own heading in each: a host words its page
 * itself (the elements bring their own texts); the demo controls stay English, as docs chrome.
 */
export const locales: {
  value: DemoLocale;
  label: string;
  heading: { eyebrow: string; title: string; lead: string };
}[] = [
  {
    value: 'en',
    label: 'English',
    heading: {
      eyebrow: 'Settings',
      title: 'Billing',
      lead: 'Your plan, seats, usage and invoices.',
    },
  },
  {
    value: 'zh-CN',
    label: '简体中文',
    heading: { eyebrow: '设置', title: '账单', lead: '您的套餐、席位、用量和发票。' },
  },
  {
    value: 'ja',
    label: '日本語',
    heading: { eyebrow: '設定', title: '請求', lead: 'プラン、シート、使用量、請求書。' },
  },
];
export const themes: { value: DemoTheme; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'brand', label: 'Brand' },
];

export const defaultSettings: DemoSettings = {
  scenario: 'professional-annual-autoflex',
  policy: null,
  role: 'admin',
  locale: 'en',
  theme: 'light',
  date: null,
};

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** The settings a query string names; anything missing or unknown takes its default. */
export function parseSettings(search: string | URLSearchParams): DemoSettings {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const date = params.get('date');
  return {
    scenario: oneOf(params.get('scenario'), scenarioNames, defaultSettings.scenario),
    policy: oneOf<PolicyName | ''>(params.get('policy'), policies, '') || null,
    role: oneOf(params.get('role'), roles, defaultSettings.role),
    locale: oneOf(
      params.get('locale'),
      locales.map((l) => l.value),
      defaultSettings.locale,
    ),
    theme: oneOf(
      params.get('theme'),
      themes.map((t) => t.value),
      defaultSettings.theme,
    ),
    date: date !== null && isoDay.test(date) && !Number.isNaN(Date.parse(date)) ? date : null,
  };
}

/** The query string for `settings` (every setting written out, so a link says what it shows). */
export function settingsQuery(settings: DemoSettings): string {
  const params = new URLSearchParams({
    scenario: settings.scenario,
    ...(settings.policy ? { policy: settings.policy } : {}),
    role: settings.role,
    locale: settings.locale,
    theme: settings.theme,
    ...(settings.date ? { date: settings.date } : {}),
  });
  return `?${params}`;
}
