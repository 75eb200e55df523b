/**
 * The usage meter's views that appear only after the user acts and that wait on a request
 * anyway: the purchase of add-on blocks (its price) and the per-consumer breakdown (its
 * detail). Loaded on demand (`LazyView`) when the user first opens one, in parallel with that
 * request: a page where nobody opens them never downloads them. Types only are imported
 * here: see `ViewKit`.
 */
import type { ChangeQuote, UsageDetail } from '@billkit/sdk';
import type { TemplateResult } from 'lit';
import type { ViewKit } from '../core/lazy-view.js';
import type { usageMeterText } from '../i18n/messages.js';

/** What these views render with. */
export type UsageViewKit = ViewKit & { text: typeof usageMeterText };

/** The price of a purchase of blocks: its lines, what is due now, the renewal after it. */
export function purchaseQuote(kit: UsageViewKit, quote: ChangeQuote | undefined): TemplateResult {
  const { html, quoteLines, formatDate, formatMoney, quoteText } = kit;
  if (!quote) return html`<p>${quoteText.calculating()}</p>`;
  return html`<h4 class="visually-hidden">${quoteText.heading()}</h4>
    ${quoteLines(quote.lines)}
    <p part="due-now"><span>${quoteText.dueNow()}</span><span>${formatMoney(quote.amountDueNow)}</span></p>
    <p part="next-renewal">
      ${quoteText.thenRenewal(formatMoney(quote.nextRenewal.amount), formatDate(quote.nextRenewal.date))}
    </p>`;
}

/** What consumed the resource, largest first (`detail` loaded for it). */
export function breakdown(kit: UsageViewKit, detail: UsageDetail): TemplateResult {
  const { html, text } = kit;
  if (detail.consumers.length === 0) return html`<p part="breakdown">${text.noConsumers()}</p>`;
  return html`<ul part="breakdown">
    ${detail.consumers.map(
      (consumer) => html`<li part="consumer">
        <span>${consumer.name}</span>
        <span>${text.share(consumer.quantity, detail.used > 0 ? consumer.quantity / detail.used : 0)}</span>
      </li>`,
    )}
  </ul>`;
}
