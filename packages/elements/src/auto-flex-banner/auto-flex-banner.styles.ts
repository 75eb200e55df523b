import { css } from 'lit';

export const autoFlexBannerStyles = css`
  :host {
    max-inline-size: var(--bk-auto-flex-banner-max-width, 48rem);
  }
  [part~='base'] {
    --_tone: var(--bk-auto-flex-banner-tone, var(--_accent));
    display: flex;
    align-items: flex-start;
    gap: calc(var(--_space) * 3);
    border-inline-start: 4px solid var(--_tone);
    background: color-mix(in srgb, var(--_tone) 7%, var(--_surface));
  }
  [part~='base'].warning {
    --_tone: var(--bk-auto-flex-banner-tone, var(--_warning));
  }
  [part~='base'].success {
    --_tone: var(--bk-auto-flex-banner-tone, var(--_success));
  }
  .body {
    flex: 1;
    display: grid;
    gap: calc(var(--_space) * 3);
    min-inline-size: 0;
  }
  [part~='heading'] {
    font-size: 1.0625em;
    font-weight: 650;
  }
  [part~='facts'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2) calc(var(--_space) * 8);
    margin: 0;
  }
  [part~='fact'] dt,
  [part~='notice-window'] {
    font-size: 0.8125em;
    color: var(--_text-muted);
  }
  [part~='fact'] dd {
    margin: 0;
    font-size: 1.25em;
    font-weight: 650;
    font-variant-numeric: tabular-nums;
  }
  [part~='opt-in'],
  .field {
    display: grid;
    gap: calc(var(--_space) * 2);
    justify-items: start;
  }
  [part~='opt-in'] {
    gap: calc(var(--_space) * 3);
  }
  [part~='terms'] {
    display: flex;
    align-items: flex-start;
    gap: calc(var(--_space) * 2);
    cursor: pointer;
  }
  [part~='accept'] {
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin-block-start: 0.15em;
    accent-color: var(--_tone);
  }
  [part~='accept'][aria-invalid='true'] {
    outline: 2px solid var(--_danger);
    outline-offset: 1px;
  }
  [part~='field-error'] {
    color: var(--_danger);
    font-size: 0.875em;
    font-weight: 500;
  }
  [part~='dismiss'] {
    display: grid;
    place-items: center;
    flex: none;
    inline-size: 2rem;
    block-size: 2rem;
    margin-block-start: -0.25rem;
    margin-inline-end: -0.25rem;
    border: 0;
    border-radius: var(--_radius-control);
    background: transparent;
    color: var(--_text-muted);
    cursor: pointer;
  }
  [part~='dismiss']:hover {
    background: color-mix(in srgb, var(--_text) 8%, transparent);
    color: var(--_text);
  }
  [part~='dismiss'] svg {
    inline-size: 1rem;
    block-size: 1rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.75;
    stroke-linecap: round;
  }
`;
