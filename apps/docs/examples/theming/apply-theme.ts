import './brand-theme.css'; // or a <link rel="stylesheet"> of yours

/** Puts the brand theme on a provider and switches it between light, dark and the system's. */
export function applyBrandTheme(
  provider: HTMLElementTagNameMap['bk-billing-provider'],
  mode: 'light' | 'dark' | 'system',
): void {
  provider.classList.add('brand-billing');
  provider.theme = mode === 'system' ? undefined : mode;
}
