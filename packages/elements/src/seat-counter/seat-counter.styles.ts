import { css } from 'lit';

export const seatCounterStyles = css`
  :host {
    --_sc-accent: var(--bk-seat-counter-accent, var(--_accent));
    --_stepper-accent: var(--_sc-accent);
    max-inline-size: var(--bk-seat-counter-max-width, 36rem);
  }
  [part~='base'] {
    display: grid;
    gap: calc(var(--_space) * 5);
  }
  [part~='heading'] {
    font-size: 1.125em;
    font-weight: 650;
    letter-spacing: -0.01em;
  }
  [part~='stats'] {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(7.5rem, 1fr));
    gap: calc(var(--_space) * 3);
    margin: 0;
  }
  [part~='stat'] {
    padding: calc(var(--_space) * 3) calc(var(--_space) * 4);
    border-radius: var(--_radius-control);
    background: var(--_surface-subtle);
  }
  [part~='stat'] dt {
    font-size: 0.8125em;
    color: var(--_text-muted);
  }
  [part~='stat'] dd {
    margin: 0;
    font-size: 1.5em;
    font-weight: 650;
    font-variant-numeric: tabular-nums;
  }
  [part~='roles'],
  [part~='policy'],
  [part~='next-renewal'] {
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  [part~='auto-flex'] {
    padding: calc(var(--_space) * 3) calc(var(--_space) * 4);
    border-inline-start: 3px solid var(--_warning);
    border-radius: var(--_radius-control);
    background: var(--_surface-subtle);
    font-size: 0.875em;
  }
  [part~='preview'] {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 4);
    border-radius: var(--_radius-control);
    background: var(--_accent-subtle);
  }
  [part~='preview'][aria-busy='true'] {
    color: var(--_text-muted);
  }
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 3);
  }
  [part~='confirm'] {
    background: var(--_sc-accent);
    border-color: var(--_sc-accent);
  }
  [part~='status'] {
    color: var(--_success);
    font-weight: 500;
  }
  [part~='status']:empty {
    display: none;
  }
  [part~='term-credit'] {
    display: grid;
    gap: calc(var(--_space) * 3);
  }
  [part~='term-credit'] .rules {
    margin: 0;
    padding-inline-start: 1.25em;
    display: grid;
    gap: calc(var(--_space) * 1);
  }
  [part~='permission-note'] {
    font-size: 0.875em;
    color: var(--_text-muted);
  }
`;
