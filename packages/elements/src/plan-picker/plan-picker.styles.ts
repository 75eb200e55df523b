import { css } from 'lit';

export const planPickerStyles = css`
  :host {
    --_pp-accent: var(--bk-plan-picker-accent, var(--_accent));
    max-inline-size: var(--bk-plan-picker-max-width, 64rem);
  }
  [part~='base'] {
    display: grid;
    gap: calc(var(--_space) * 4);
  }
  [part~='review'] {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  .top,
  .name,
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 3);
  }
  [part~='heading'],
  [part~='review-heading'] {
    font-size: 1.125em;
    font-weight: 650;
  }
  [part~='interval'] {
    display: inline-flex;
    padding: 3px;
    border-radius: 999px;
    background: var(--_surface-subtle);
    border: 1px solid var(--_border);
  }
  [part~='interval-option'] {
    border: 0;
    border-radius: 999px;
    background: none;
    padding-block: calc(var(--_space) * 1.5);
    padding-inline: calc(var(--_space) * 4);
    font-weight: 550;
    color: var(--_text-muted);
    cursor: pointer;
  }
  [part~='interval-option'][aria-pressed='true'] {
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow);
  }
  [part~='saving'] {
    margin-inline-start: calc(var(--_space) * 1.5);
    color: var(--_success);
    font-size: 0.8125em;
  }
  [part~='plans'] {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr));
    gap: calc(var(--_space) * 3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='plan'] {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-control);
  }
  [part~='current'] {
    border-color: var(--_pp-accent);
    box-shadow: 0 0 0 1px var(--_pp-accent);
  }
  [part~='plan-name'] {
    font-size: 1.0625em;
    font-weight: 650;
  }
  [part~='badge'] {
    padding-inline: calc(var(--_space) * 2);
    border-radius: 999px;
    background: var(--_accent-subtle);
    color: var(--_pp-accent);
    font-size: 0.75em;
    font-weight: 600;
  }
  [part~='price'] {
    font-size: 1.125em;
    font-weight: 650;
    font-variant-numeric: tabular-nums;
  }
  [part~='plan-description'],
  [part~='team-total'],
  [part~='member-limit'],
  [part~='features'],
  [part~='permission-note'],
  [part~='effective'],
  [part~='next-renewal'] {
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  [part~='features'] {
    margin: 0 0 calc(var(--_space) * 2);
    padding-inline-start: 1.1em;
  }
  [part~='plan'] .button {
    inline-size: 100%;
    margin-block-start: auto;
  }

  .button.primary,
  [part~='confirm'] {
    background: var(--_pp-accent);
    border-color: var(--_pp-accent);
  }
  [aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }
  [part~='dialog'] {
    inline-size: min(32rem, calc(100vw - 2rem));
    padding: calc(var(--_space) * 6);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 24px 48px rgb(0 0 0 / 0.25);
  }
  [part~='dialog'][open] {
    display: grid;
    gap: calc(var(--_space) * 4);
  }
  [part~='dialog']::backdrop {
    background: rgb(16 24 40 / 0.45);
  }
  [part~='credit-applied'] {
    display: flex;
    justify-content: space-between;
  }
  [part~='restriction'],
  [part~='amount-changed'] {
    padding: calc(var(--_space) * 3);
    border-inline-start: 3px solid var(--_warning);
    border-radius: var(--_radius-control);
    background: var(--_surface-subtle);
  }
  [part~='actions'] {
    justify-content: flex-end;
  }
`;
