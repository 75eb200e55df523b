/**
 * The billing state a story shows: the mock's scenario, the viewer's role, the locale, the theme
 * and where the test clock stands. A story sets it with args; the toolbar (Storybook globals)
 * overrides any of them for every story, so a designer switches state without editing a story.
 */
import { type ScenarioName, scenarios } from '@billkit/mocks';
import type { Role } from '@billkit/sdk';

export type StoryLocale = 'en' | 'zh-CN' | 'ja';
export type StoryTheme = 'light' | 'dark' | 'brand';
/** How far the test clock moves from the scenario's day before the story renders. */
export type ClockMove = 'today' | 'plus-day' | 'plus-week' | 'next-billing';

export interface BillingState {
  scenario: ScenarioName;
  role: Role;
  locale: StoryLocale;
  theme: StoryTheme;
  clock: ClockMove;
}

export const scenarioNames = Object.keys(scenarios) as ScenarioName[];
/** The mock's roles (its tokens `role:<name>`); there is no separate owner role. */
export const roles: Role[] = ['admin', 'billing', 'member', 'visitor'];
export const locales: { value: StoryLocale; title: string }[] = [
  { value: 'en', title: 'English' },
  { value: 'zh-CN', title: '简体中文' },
  { value: 'ja', title: '日本語' },
];
export const themes: { value: StoryTheme; title: string }[] = [
  { value: 'light', title: 'Light' },
  { value: 'dark', title: 'Dark' },
  { value: 'brand', title: 'Brand (tokens only)' },
];
export const clockMoves: { value: ClockMove; title: string }[] = [
  { value: 'today', title: "Today (the scenario's day)" },
  { value: 'plus-day', title: '+1 day' },
  { value: 'plus-week', title: '+1 week' },
  { value: 'next-billing', title: 'Next billing date' },
];

export const defaultState: BillingState = {
  scenario: 'basic-monthly',
  role: 'admin',
  locale: 'en',
  theme: 'light',
  clock: 'today',
};

/** The toolbar value that leaves a setting to the story's args. */
export const fromStory = 'story';

export const billingStateKeys = Object.keys(defaultState) as (keyof BillingState)[];

const allowed: { [K in keyof BillingState]: readonly string[] } = {
  scenario: scenarioNames,
  role: roles,
  locale: locales.map((l) => l.value),
  theme: themes.map((t) => t.value),
  clock: clockMoves.map((c) => c.value),
};

function pick<K extends keyof BillingState>(key: K, value: unknown): BillingState[K] | undefined {
  return typeof value === 'string' && allowed[key].includes(value)
    ? (value as BillingState[K])
    : undefined;
}

/** The state to render: the toolbar's choice where it made one, else the story's args, else the default. */
export function resolveState(
  args: Record<string, unknown>,
  globals: Record<string, unknown>,
): BillingState {
  const state = { ...defaultState };
  for (const key of billingStateKeys) {
    const value = pick(key, globals[key]) ?? pick(key, args[key]);
    if (value !== undefined) Object.assign(state, { [key]: value });
  }
  return state;
}
