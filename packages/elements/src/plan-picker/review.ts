/**
 * The plan picker's review dialog body: the server's preview of the change and the actions on
 * it. Loaded on demand (`LazyView`) when a plan is chosen, in parallel with the preview request:
 * a page that never opens a review never downloads it.
 */
import type { ChangeQuote } from '@billkit/sdk';
import type { TemplateResult } from 'lit';
import type { ViewKit } from '../core/lazy-view.js';
import type { planPickerText } from '../i18n/messages.js';

/** What the review renders with (types only here: see `ViewKit`). */
export type ReviewKit = ViewKit & { text: typeof planPickerText };

/** What the review shows, computed by the element from its tasks and the viewer's choice. */
export interface Review {
  /** The preview (or the fresher price of an `amount_changed`); undefined while it loads. */
  quote: ChangeQuote | undefined;
  /** The preview request failed: its error and how to ask again. */
  previewFailed: boolean;
  previewError: unknown;
  retryPreview: () => void;
  /** The price changed since it was shown (`amount_changed`). */
  amountChanged: boolean;
  applyError: unknown;
  applying: boolean;
  confirm: () => void;
}

/**
 * The parts of the review the element places in its dialog (the dialog, its heading and its
 * buttons are the element's own, so focus stays put when this module arrives).
 */
export interface ReviewParts {
  /** Inside the review region: the preview, "calculating", or the preview's error. */
  preview: unknown;
  /** Whether the review region is still waiting for its content. */
  busy: boolean;
  /** After the region: the price changed, or Confirm failed. */
  notes: unknown;
  /** Confirm's label, and whether it can act now. */
  confirmLabel: string;
  confirmDisabled: boolean;
}

export function reviewParts(kit: ReviewKit, review: Review): ReviewParts {
  const { html, nothing, errorView, formatDate, formatMoney, codeTexts, commonText, text } = kit;
  const { quote, previewFailed, applyError, applying } = review;
  const atRenewalOffered = quote?.restriction?.allowedTiming === 'at_renewal';
  const ready = quote?.possible || atRenewalOffered;
  let label = text.confirm();
  if (applying) label = commonText.working();
  else if (!quote?.possible && atRenewalOffered) label = text.offerAtRenewal();
  else if (quote?.timing === 'at_renewal') label = text.schedule(formatDate(quote.effectiveDate));
  else if (quote && quote.amountDueNow.amount > 0) {
    label = text.confirmPay(formatMoney(quote.amountDueNow));
  }
  return {
    preview: previewFailed
      ? errorView(review.previewError, review.retryPreview)
      : renderQuote(kit, quote),
    busy: !quote && !previewFailed,
    notes: html`${
      review.amountChanged
        ? html`<p part="amount-changed" role="alert">${codeTexts().problemText.amount_changed!()}</p>`
        : nothing
    }
      ${applyError ? errorView(applyError, review.confirm) : nothing}`,
    confirmLabel: label,
    confirmDisabled: !ready || applying,
  };
}

function renderQuote(kit: ReviewKit, quote: ChangeQuote | undefined) {
  const { html, nothing, quoteLines, formatDate, formatMoney, codeTexts, quoteText, text } = kit;
  if (!quote) return html`<p>${quoteText.calculating()}</p>`;
  if (!quote.possible) {
    return html`<p part="restriction">
      ${quote.restriction ? codeTexts().restrictionText[quote.restriction.code]() : nothing}
    </p>`;
  }
  const renewal = html`<p part="next-renewal">
    ${quoteText.thenRenewal(formatMoney(quote.nextRenewal.amount), formatDate(quote.nextRenewal.date))}
  </p>`;
  if (quote.timing === 'at_renewal') {
    return html`<p part="effective">${text.atRenewal(formatDate(quote.effectiveDate))}</p>
      ${renewal}`;
  }
  return html`${quoteLines(quote.lines)}
    ${
      quote.creditApplied.amount > 0
        ? html`<p part="credit-applied">
          <span>${text.creditApplied()}</span><span>${formatMoney({ ...quote.creditApplied, amount: -quote.creditApplied.amount })}</span>
        </p>`
        : nothing
    }
    <p part="due-now"><span>${quoteText.dueNow()}</span><span>${formatMoney(quote.amountDueNow)}</span></p>
    <p part="effective">${text.effective(formatDate(quote.effectiveDate))}</p>
    ${renewal}`;
}
