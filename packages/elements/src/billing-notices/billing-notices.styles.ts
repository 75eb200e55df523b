import { css } from 'lit';

export const billingNoticesStyles = css`
  :host {
    max-inline-size: var(--bk-billing-notices-max-width, 48rem);
  }
  [part~='base'] {
    display: grid;
    gap: var(--bk-billing-notices-gap, calc(var(--_space) * 2));
  }
  [part~='notice'] {
    --_tone: var(--bk-billing-notices-info-tone, var(--_accent));
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 2) calc(var(--_space) * 3);
    padding: calc(var(--_space) * 3) calc(var(--_space) * 4);
    border: 1px solid color-mix(in srgb, var(--_tone) 35%, var(--_border));
    border-inline-start: 4px solid var(--_tone);
    border-radius: var(--_radius-control);
    background: color-mix(in srgb, var(--_tone) 8%, var(--_surface));
    color: var(--_text);
    box-shadow: var(--_shadow);
    animation: bk-notice-in 180ms ease-out;
  }
  [part~='notice'].warning {
    --_tone: var(--bk-billing-notices-warning-tone, var(--_warning));
  }
  [part~='notice'].critical {
    --_tone: var(--bk-billing-notices-critical-tone, var(--_danger));
  }
  [part~='icon'] {
    flex: none;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    align-self: flex-start;
    margin-block-start: 0.1em;
    fill: none;
    stroke: var(--_tone);
    stroke-width: 1.75;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .text {
    flex: 1 1 18rem;
    min-inline-size: 0;
    margin: 0;
    line-height: 1.45;
    overflow-wrap: anywhere;
  }
  [part~='severity'] {
    font-weight: 650;
    margin-inline-end: 0.35em;
  }
  [part~='action'] {
    flex: none;
    margin-inline-start: auto;
  }
  @keyframes bk-notice-in {
    from {
      transform: translateY(-4px);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    [part~='notice'] {
      animation: none;
    }
  }
`;
