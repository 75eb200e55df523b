import { css } from 'lit';

export const usageMeterStyles = css`
  :host {
    --_um-accent: var(--bk-usage-meter-accent, var(--_accent));
    --_um-near: var(--bk-usage-meter-near, var(--_warning));
    --_um-over: var(--bk-usage-meter-over, var(--_danger));
    --_stepper-accent: var(--_um-accent);
    max-inline-size: var(--bk-usage-meter-max-width, 40rem);
  }
  [part~='base'],
  [part~='resource'],
  [part~='buy-panel'],
  [part~='cap-warning'] {
    display: grid;
    gap: calc(var(--_space) * 3);
  }
  [part~='heading'] {
    font-size: 1.125em;
    font-weight: 650;
  }
  [part~='period'],
  [part~='included-from'],
  [part~='pace'],
  [part~='billing-note'],
  [part~='hard-cap'],
  [part~='next-renewal'],
  [part~='permission-note'],
  [part~='overage'] p {
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  [part~='resources'],
  [part~='breakdown'] {
    display: grid;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='resource'] {
    padding-block: calc(var(--_space) * 4);
    border-block-start: 1px solid var(--_border);
    --_fill: var(--_um-accent);
  }
  [part~='near'] {
    --_fill: var(--_um-near);
  }
  [part~='reached'],
  [part~='over'] {
    --_fill: var(--_um-over);
  }
  .head,
  .row,
  [part~='actions'],
  [part~='consumer'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 3);
  }
  .row,
  [part~='actions'] {
    justify-content: flex-start;
  }
  [part~='name'] {
    font-size: 1em;
    font-weight: 600;
  }
  [part~='state'] {
    padding-inline: calc(var(--_space) * 2);
    border-radius: 999px;
    background: color-mix(in srgb, var(--_fill) 14%, transparent);
    color: var(--_fill);
    font-size: 0.8125em;
    font-weight: 600;
  }
  [part~='meter'] {
    block-size: 0.5rem;
    border-radius: 999px;
    background: var(--_surface-subtle);
    box-shadow: inset 0 0 0 1px var(--_border);
    overflow: hidden;
  }
  [part~='meter-fill'] {
    display: block;
    block-size: 100%;
    border-radius: inherit;
    background: var(--_fill);
    transition: inline-size 300ms ease;
  }
  [part~='figures'] {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(7rem, 1fr));
    gap: calc(var(--_space) * 2);
    margin: 0;
  }
  [part~='figure'] dt {
    font-size: 0.8125em;
    color: var(--_text-muted);
  }
  [part~='figure'] dd {
    margin: 0;
    font-size: 1.125em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  [part~='overage'] {
    display: grid;
    gap: calc(var(--_space) * 1);
  }
  [part~='overage-toggle'] {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 2);
    inline-size: fit-content;
    padding: 0;
    border: 0;
    background: none;
    font-weight: 550;
    cursor: pointer;
  }
  [part~='overage-toggle']:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .track {
    display: inline-flex;
    inline-size: 2.25rem;
    block-size: 1.25rem;
    padding: 2px;
    border-radius: 999px;
    background: var(--_border);
    transition: background-color 150ms ease;
  }
  .track::after {
    content: '';
    inline-size: 1rem;
    border-radius: 50%;
    background: var(--_surface);
    box-shadow: var(--_shadow);
    transition: margin 150ms ease;
  }
  [aria-checked='true'] .track {
    background: var(--_um-accent);
  }
  [aria-checked='true'] .track::after {
    margin-inline-start: auto;
  }
  [part~='cap-warning'] {
    padding: calc(var(--_space) * 4);
    border-inline-start: 3px solid var(--_danger);
    border-radius: var(--_radius-control);
    background: var(--_danger-subtle);
  }
  [part~='cap-warning'] h4 {
    font-weight: 650;
  }
  .button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_surface);
  }
  [part~='buy-panel'] {
    padding: calc(var(--_space) * 4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-control);
  }
  [part~='preview'] {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 3);
    border-radius: var(--_radius-control);
    background: var(--_accent-subtle);
  }
  [part~='confirm'] {
    background: var(--_um-accent);
    border-color: var(--_um-accent);
  }
  [part~='consumer'] {
    padding-block: calc(var(--_space) * 2);
    border-block-end: 1px solid var(--_border);
    font-variant-numeric: tabular-nums;
  }
  [part~='status'] {
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  [part~='status']:empty {
    display: none;
  }
`;
