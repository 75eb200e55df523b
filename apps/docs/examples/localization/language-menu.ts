import './french.js';

/** A language menu for the billing section: the provider's `locale` switches every element. */
export function bindLanguageMenu(
  select: HTMLSelectElement,
  provider: HTMLElementTagNameMap['bk-billing-provider'],
): void {
  const languages = { en: 'English', fr: 'Français', ja: '日本語', 'zh-CN': '简体中文' };
  select.replaceChildren(...Object.entries(languages).map(([tag, name]) => new Option(name, tag)));
  select.value = provider.locale ?? 'en';
  select.addEventListener('change', () => {
    provider.locale = select.value;
  });
}
