import { css } from 'lit';

/**
 * The design tokens and base styles every element adopts (one shared constructable stylesheet,
 * so they cost nothing per element and work under a strict CSP).
 *
 * Global tokens are `--bk-*` custom properties the host sets anywhere above the elements (on
 * `bk-billing-provider`, `:root`, a wrapper); each falls back to a light and a dark default
 * picked with `light-dark()` by the inherited `color-scheme`: the provider follows the OS
 * (`light dark`) unless its `theme` attribute (or the host's CSS) says `light` or `dark`.
 * Inside, elements use the private `--_*` aliases below, and each element exposes its own
 * `--bk-<element>-<property>` defaulting to these.
 */
export const tokens = css`
  :host {
    --_font: var(
      --bk-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      Arial,
      'PingFang SC',
      'Hiragino Sans',
      'Noto Sans CJK JP',
      'Noto Sans CJK SC',
      sans-serif
    );
    --_font-size: var(--bk-font-size, 0.9375rem);
    --_radius: var(--bk-radius, 12px);
    --_radius-control: var(--bk-radius-control, 8px);
    --_space: var(--bk-space, 4px);
    --_surface: var(--bk-color-surface, light-dark(#ffffff, #16181d));
    --_surface-subtle: var(--bk-color-surface-subtle, light-dark(#f6f7f9, #1f2229));
    --_text: var(--bk-color-text, light-dark(#16181d, #eceef2));
    --_text-muted: var(--bk-color-text-muted, light-dark(#5b616e, #a3a9b6));
    --_border: var(--bk-color-border, light-dark(#e3e5ea, #323741));
    --_accent: var(--bk-color-accent, light-dark(#4f46e5, #8b93ff));
    --_on-accent: var(--bk-color-on-accent, light-dark(#ffffff, #11122a));
    --_accent-subtle: var(--bk-color-accent-subtle, light-dark(#eef0ff, #262a4d));
    --_danger: var(--bk-color-danger, light-dark(#b42318, #ff938a));
    --_danger-subtle: var(--bk-color-danger-subtle, light-dark(#fef3f2, #3b1f1e));
    --_success: var(--bk-color-success, light-dark(#067647, #6ce9a6));
    --_warning: var(--bk-color-warning, light-dark(#a15c07, #fdb022));
    --_focus: var(--bk-color-focus, var(--_accent));
    --_shadow: var(--bk-shadow, 0 1px 2px light-dark(rgb(16 24 40 / 0.06), rgb(0 0 0 / 0.4)));

    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_text);
    -webkit-font-smoothing: antialiased;
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    padding: calc(var(--_space) * 5);
  }
  h2,
  h3,
  h4,
  p {
    margin: 0;
  }
  .muted {
    color: var(--_text-muted);
  }
  button,
  input {
    font: inherit;
    color: inherit;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: calc(var(--_space) * 2);
    min-block-size: 2.5rem;
    padding-block: calc(var(--_space) * 2);
    padding-inline: calc(var(--_space) * 4);
    border-radius: var(--_radius-control);
    border: 1px solid var(--_border);
    background: var(--_surface);
    font-weight: 550;
    cursor: pointer;
    transition: background-color 120ms ease, border-color 120ms ease;
  }
  .button:hover:not(:disabled) {
    background: var(--_surface-subtle);
  }
  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .button.primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_accent) 88%, var(--_text));
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  [part~='error'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 3);
    padding: calc(var(--_space) * 3);
    border-radius: var(--_radius-control);
    background: var(--_danger-subtle);
    color: var(--_danger);
  }
  [part~='error'] p {
    flex: 1 1 16rem;
  }
  [part~='skeleton'] {
    display: grid;
    gap: calc(var(--_space) * 3);
  }
  .bone {
    display: block;
    block-size: 1rem;
    border-radius: 6px;
    background: linear-gradient(
      90deg,
      var(--_surface-subtle) 0%,
      color-mix(in srgb, var(--_border) 70%, transparent) 50%,
      var(--_surface-subtle) 100%
    );
    background-size: 200% 100%;
    animation: bk-shimmer 1.4s ease-in-out infinite;
  }
  .bone:nth-child(3n + 2) {
    inline-size: 70%;
  }
  .bone:nth-child(3n + 3) {
    inline-size: 45%;
  }
  @keyframes bk-shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    .bone {
      animation: none !important;
      transition: none !important;
    }
  }
`;
