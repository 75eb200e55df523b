import { css } from 'lit';

export const seatCounterStyles = css`
  :host {
    --_sc-accent: var(--bk-seat-counter-accent, var(--_accent));
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
  [part~='hint'],
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
  [part~='field'] {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  [part~='label'] {
    font-weight: 600;
  }
  [part~='stepper'] {
    display: inline-flex;
    align-items: stretch;
    inline-size: fit-content;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-control);
    background: var(--_surface);
    overflow: hidden;
  }
  [part~='stepper']:focus-within {
    border-color: var(--_sc-accent);
  }
  [part~='stepper'] button {
    inline-size: 2.75rem;
    border: 0;
    background: var(--_surface-subtle);
    font-size: 1.25em;
    line-height: 1;
    cursor: pointer;
  }
  [part~='stepper'] button:disabled {
    cursor: not-allowed;
    color: var(--_text-muted);
    opacity: 0.6;
  }
  [part~='input'] {
    inline-size: 6.5rem;
    min-block-size: 2.75rem;
    border: 0;
    border-inline: 1px solid var(--_border);
    background: transparent;
    text-align: center;
    font-size: 1.125em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    appearance: textfield;
  }
  [part~='input']::-webkit-inner-spin-button,
  [part~='input']::-webkit-outer-spin-button {
    appearance: none;
    margin: 0;
  }
  [part~='input']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  [part~='input'][aria-invalid='true'] {
    color: var(--_danger);
  }
  [part~='field-error'] {
    color: var(--_danger);
    font-size: 0.875em;
    font-weight: 500;
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
