import { css } from 'lit';

/**
 * A number field with − and + buttons, as the seat counter and the usage meter's block count
 * show it: parts `field` (label, stepper, hint, error), `label`, `stepper`, `decrement`,
 * `input`, `increment`, `hint`, `field-error`. The focus ring takes `--_stepper-accent`.
 */
export const stepperStyles = css`
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
    border-color: var(--_stepper-accent, var(--_accent));
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
  [part~='hint'] {
    font-size: 0.875em;
    color: var(--_text-muted);
  }
`;
