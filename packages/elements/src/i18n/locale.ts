import { configureLocalization } from '@lit/localize';

/** The locales the widgets speak; English is the source the catalogs translate. */
export const sourceLocale = 'en';
export const targetLocales = ['zh-CN', 'ja'] as const;
export type Locale = typeof sourceLocale | (typeof targetLocales)[number];

// One static import per catalog, so every bundler splits each into its own chunk, loaded only
// when a page asks for that locale (never part of the main bundle).
const catalogs = {
  'zh-CN': () => import('./locales/zh-CN.js'),
  ja: () => import('./locales/ja.js'),
};

let runtime: ReturnType<typeof configureLocalization> | undefined;
let active: Locale = sourceLocale;

/** The texts keyed by the API's codes (problems, restrictions, line kinds, reasons, notices). */
export type CodeTexts = typeof import('./code-texts.js');
let codeTextsModule: CodeTexts | undefined;
let codeTextsLoading: Promise<CodeTexts> | undefined;

/**
 * The code-keyed texts, a chunk of their own (see `code-texts.ts`). `activateLocale` loads
 * them beside the locale's catalog, and elements show text only once the locale is active, so
 * they are always in by the time an error, a line or a notice renders: never a bare code.
 */
export function codeTexts(): CodeTexts {
  if (!codeTextsModule) throw new Error('bk: code texts are loaded by activateLocale() first');
  return codeTextsModule;
}

function loadCodeTexts(): Promise<CodeTexts> {
  codeTextsLoading ??= import('./code-texts.js').then(
    (module) => (codeTextsModule = module),
    (error: unknown) => {
      codeTextsLoading = undefined; // a failed download is tried again on the next switch
      throw error;
    },
  );
  return codeTextsLoading;
}

/**
 * The locale text and numbers are currently shown in. @lit/localize keeps one locale per page,
 * so this is the page's; formatters read it so numbers always match the text around them.
 */
export function activeLocale(): Locale {
  return active;
}

/**
 * The supported locale closest to a BCP 47 tag (`ja-JP` → `ja`, `zh`, `zh-Hans-CN` → `zh-CN`),
 * or undefined when none fits. Traditional Chinese is not offered as Simplified.
 */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const [language, ...rest] = tag.toLowerCase().split(/[-_]/);
  if (language === 'en') return 'en';
  if (language === 'ja') return 'ja';
  if (language === 'zh') {
    const traditional = rest.some((part) => ['hant', 'tw', 'hk', 'mo'].includes(part));
    return traditional ? undefined : 'zh-CN';
  }
  return undefined;
}

/** The requested locale if supported, else the page's `lang`, else the browser's, else English. */
export function resolveLocale(requested?: string | null): Locale {
  const candidates = [requested, document.documentElement.lang, ...navigator.languages];
  for (const candidate of candidates) {
    const locale = matchLocale(candidate);
    if (locale) return locale;
  }
  return sourceLocale;
}

/**
 * Switches the page to `locale`, loading its catalog (and, the first time, the code texts)
 * first; elements re-render once it is in (they listen for @lit/localize's
 * `lit-localize-status` event).
 */
export async function activateLocale(locale: Locale): Promise<void> {
  runtime ??= configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: (target) => catalogs[target as keyof typeof catalogs](),
  });
  await Promise.all([runtime.setLocale(locale), loadCodeTexts()]);
  active = runtime.getLocale() as Locale;
}
