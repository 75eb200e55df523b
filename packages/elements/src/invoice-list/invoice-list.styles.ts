import { css } from 'lit';

export const invoiceListStyles = css`
  :host {
    --_il-accent: var(--bk-invoice-list-accent, var(--_accent));
    max-inline-size: var(--bk-invoice-list-max-width, 64rem);
  }
  [part~='base'] {
    display: grid;
    gap: calc(var(--_space) * 4);
  }
  [part~='heading'] {
    font-size: 1.125em;
    font-weight: 650;
  }
  [part~='table-scroll'] {
    overflow-x: auto;
    margin-inline: calc(var(--_space) * -5);
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding-block: calc(var(--_space) * 3);
    padding-inline: calc(var(--_space) * 2.5);
    text-align: start;
    white-space: nowrap;
    border-block-end: 1px solid var(--_border);
  }
  th:first-child,
  td:first-child {
    padding-inline-start: calc(var(--_space) * 5);
  }
  th:last-child,
  td:last-child {
    padding-inline-end: calc(var(--_space) * 5);
  }
  thead th {
    padding-block: calc(var(--_space) * 2);
    font-size: 0.8125em;
    font-weight: 550;
    color: var(--_text-muted);
    background: var(--_surface-subtle);
  }
  th.total,
  th.creditApplied,
  th.amountDue,
  [part~='total'],
  [part~='credit-applied'],
  [part~='amount-due'],
  [part~='actions'] {
    text-align: end;
  }
  [part~='amount-due'] {
    font-weight: 600;
  }
  /* The number stays in view while a narrow table scrolls sideways. */
  [part~='number'],
  thead th:first-child {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    font-weight: 550;
    background: var(--_surface);
  }
  thead th:first-child {
    background: var(--_surface-subtle);
  }
  [part~='toggle'] {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 1);
    margin-inline-start: calc(var(--_space) * -1);
    border: 0;
    border-radius: var(--_radius-control);
    background: none;
    font-weight: inherit;
    cursor: pointer;
  }
  [part~='toggle']:hover {
    color: var(--_il-accent);
  }
  [part~='chevron'] {
    flex: none;
    color: var(--_text-muted);
    transition: rotate 120ms ease;
  }
  :dir(rtl) [part~='chevron'] {
    scale: -1 1;
  }
  [aria-expanded='true'] [part~='chevron'] {
    rotate: 90deg;
  }
  :dir(rtl) [aria-expanded='true'] [part~='chevron'] {
    rotate: -90deg;
  }
  [part~='status'] {
    display: inline-block;
    padding-block: calc(var(--_space) * 0.5);
    padding-inline: calc(var(--_space) * 2.5);
    border-radius: 999px;
    font-size: 0.8125em;
    font-weight: 600;
    color: var(--_text-muted);
    background: var(--_surface-subtle);
  }
  [part~='status-open'] {
    color: var(--_il-accent);
    background: var(--_accent-subtle);
  }
  [part~='status-paid'] {
    color: var(--_success);
    background: color-mix(in srgb, var(--_success) 12%, transparent);
  }
  [part~='status-past-due'] {
    color: var(--_danger);
    background: var(--_danger-subtle);
  }
  [part~='actions'] .button {
    min-block-size: 2rem;
    vertical-align: middle;
    padding-block: calc(var(--_space) * 1);
    padding-inline: calc(var(--_space) * 3);
    font-size: 0.875em;
  }
  [part~='actions'] .button + .button {
    margin-inline-start: calc(var(--_space) * 2);
  }
  [part~='actions'] [part~='download'] {
    inline-size: 2rem;
    padding-inline: 0;
    vertical-align: middle;
  }
  [part~='download'] svg {
    flex: none;
  }
  [part~='download'][aria-busy='true'] {
    cursor: progress;
    opacity: 0.55;
  }
  [part~='pay'] {
    background: var(--_il-accent);
    border-color: var(--_il-accent);
  }
  [part~='details'] td {
    padding-block: calc(var(--_space) * 3) calc(var(--_space) * 4);
    padding-inline-start: calc(var(--_space) * 11);
    white-space: normal;
    background: var(--_surface-subtle);
  }
  [part~='details'] [part~='lines'] {
    max-inline-size: 44rem;
  }
  [part~='billed-to'] {
    margin-block-end: calc(var(--_space) * 2);
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  [part~='row-error'] td {
    white-space: normal;
  }
  [part~='footer'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 3);
  }
  [part~='count'] {
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  [part~='status-message']:empty {
    display: none;
  }
  [part~='empty'] {
    padding-block: calc(var(--_space) * 8);
    text-align: center;
  }
`;
