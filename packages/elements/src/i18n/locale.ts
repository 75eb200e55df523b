import { configureLocalization, str, type TemplateMap } from '@lit/localize';

/** The locales the widgets speak; English is the source the catalogs translate. */
export const sourceLocale = 'en';
export const targetLocales = ['zh-CN', 'ja'] as const;
/** A locale the package ships a catalog for. */
export type BuiltInLocale = typeof sourceLocale | (typeof targetLocales)[number];
/** A locale the elements can show: a built-in one, or one a host added with `registerLocale`. */
export type Locale = BuiltInLocale | (string & {});

/**
 * A catalog: message id → translation (a string, or `str` with `${n}` for the n-th value of the
 * English template). Ids missing from it are shown in English.
 */
export type LocaleCatalog = TemplateMap;

// One static import per catalog, so every bundler splits each into its own chunk, loaded only
// when a page asks for that locale (never part of the main bundle). A catalog is a function of
// `str`: importing it there would split @lit/localize out of the main bundle into a chunk of
// its own, loaded up front beside it.
const catalogs = {
  'zh-CN': () => import('./locales/zh-CN.js'),
  ja: () => import('./locales/ja.js'),
};

/** Catalogs a host registered, by canonical tag; over a built-in one they replace its messages. */
const registered = new Map<string, LocaleCatalog>();

// @lit/localize is configured once per page with the full list of locales it may switch to, so
// it is configured only when a locale other than English is first shown: until then a host may
// still register more.
let runtime: ReturnType<typeof configureLocalization> | undefined;
let active: Locale = sourceLocale;

/**
 * Adds a locale to the elements (or rewords messages of a built-in one): `catalog` maps message
 * ids (those of `src/i18n/locales/ja.ts`) to their translations; ids it lacks show in English.
 * Numbers, money and dates follow the tag through `Intl`. Register before a provider shows any
 * locale other than English (say, before the elements' markup is on the page, or in the module
 * that imports the elements): after that, a new tag is refused with an error.
 */
export function registerLocale(tag: string, catalog: LocaleCatalog): void {
  const [locale] = Intl.getCanonicalLocales(tag); // throws a RangeError on an invalid tag
  if (!locale || locale === sourceLocale) {
    throw new Error(`billkit: "${tag}" is the source locale; its messages are the elements' own`);
  }
  if (runtime && !isTarget(locale)) {
    throw new Error(
      `billkit: registerLocale("${locale}") came after the elements showed a locale other than English; register locales first`,
    );
  }
  registered.set(locale, catalog);
}

function isTarget(locale: string): boolean {
  return (targetLocales as readonly string[]).includes(locale) || registered.has(locale);
}

async function loadCatalog(locale: string): Promise<{ templates: LocaleCatalog }> {
  const builtIn = catalogs[locale as keyof typeof catalogs];
  const templates = builtIn ? (await builtIn()).templates(str) : {};
  return { templates: { ...templates, ...registered.get(locale) } };
}

/**
 * The locale text and numbers are currently shown in. @lit/localize keeps one locale per page,
 * so this is the page's; formatters read it so numbers always match the text around them.
 */
export function activeLocale(): Locale {
  return active;
}

/**
 * The supported locale closest to a BCP 47 tag (`ja-JP` → `ja`, `zh`, `zh-Hans-CN` → `zh-CN`;
 * a registered `fr` for `fr-CA`), or undefined when none fits. Traditional Chinese is not offered
 * as Simplified.
 */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const [language = '', ...rest] = tag.toLowerCase().split(/[-_]/);
  for (const candidate of [tag.toLowerCase().replace(/_/g, '-'), language]) {
    for (const locale of registered.keys()) if (locale.toLowerCase() === candidate) return locale;
  }
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
 * Switches the page to `locale`, loading its catalog first; elements re-render once it is in
 * (they listen for @lit/localize's `lit-localize-status` event).
 */
export async function activateLocale(locale: Locale): Promise<void> {
  if (!runtime && locale === sourceLocale) {
    active = sourceLocale;
    return;
  }
  runtime ??= configureLocalization({
    sourceLocale,
    targetLocales: [...new Set([...targetLocales, ...registered.keys()])],
    loadLocale: loadCatalog,
  });
  await runtime.setLocale(locale);
  active = runtime.getLocale();
}
