import type { QuoteLine } from '@billkit/sdk';
import { css, html, nothing } from 'lit';
import { formatMoney, formatPeriod } from '../i18n/format.js';
import { codeTexts } from '../i18n/load-code-texts.js';
import { quoteText } from '../i18n/messages.js';

/**
 * The lines of a quote or an invoice, as the API priced them: what each is (its localized
 * reason, or its kind), the quantity, the days it covers and its amount. Parts: `lines`,
 * `line`, `line-period`, `line-amount`; styled by `quoteStyles`.
 */
export function quoteLines(lines: readonly QuoteLine[]) {
  const { lineText } = codeTexts();
  return html`<ul part="lines">
    ${lines.map(
      (line) => html`<li part="line">
        <span>
          ${quoteText.quantity(lineText(line), line.quantity)}
          ${line.period ? html`<span part="line-period">${formatPeriod(line.period)}</span>` : nothing}
        </span>
        <span part="line-amount">${formatMoney(line.amount)}</span>
      </li>`,
    )}
  </ul>`;
}

/** Styles of `quoteLines` and of a total row below them (`part="due-now"`). */
export const quoteStyles = css`
  [part~='lines'] {
    display: grid;
    gap: calc(var(--_space) * 1);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='line'],
  [part~='due-now'] {
    display: flex;
    justify-content: space-between;
    gap: calc(var(--_space) * 4);
    font-variant-numeric: tabular-nums;
  }
  [part~='line-period'] {
    display: block;
    font-size: 0.8125em;
    color: var(--_text-muted);
  }
  [part~='line-amount'] {
    white-space: nowrap;
  }
  [part~='due-now'] {
    padding-block-start: calc(var(--_space) * 2);
    border-block-start: 1px solid color-mix(in srgb, var(--_accent) 25%, transparent);
    font-weight: 650;
  }
`;
