/**
 * A host's brand made only of `--bk-*` design tokens (the elements' public theming API): no CSS
 * for the widgets, no `::part` rules. Everything else (spacing, states, dark variants of the
 * parts it does not set) follows from the tokens.
 */
export const brandTokens = {
  '--bk-font-family':
    'Georgia, "Iowan Old Style", "Hiragino Mincho ProN", "Noto Serif CJK JP", "Songti SC", serif',
  '--bk-font-size': '1rem',
  '--bk-radius': '6px',
  '--bk-radius-control': '4px',
  '--bk-space': '5px',
  '--bk-color-surface': '#fbfaf7',
  '--bk-color-surface-subtle': '#f1eee6',
  '--bk-color-text': '#1d2a24',
  '--bk-color-text-muted': '#4f5d55',
  '--bk-color-border': '#d8d2c3',
  '--bk-color-accent': '#1f6b4a',
  '--bk-color-on-accent': '#ffffff',
  '--bk-color-accent-subtle': '#e3f0e8',
  '--bk-color-danger': '#a4262c',
  '--bk-color-danger-subtle': '#f8e6e5',
  '--bk-color-success': '#1f6b4a',
  '--bk-color-warning': '#8a5300',
  '--bk-color-focus': '#c2410c',
  '--bk-shadow': '0 1px 0 rgb(29 42 36 / 0.08), 0 8px 24px rgb(29 42 36 / 0.06)',
} as const satisfies Record<`--bk-${string}`, string>;
