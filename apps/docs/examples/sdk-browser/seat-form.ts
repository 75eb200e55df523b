import {
  type BillingClient,
  type ChangeQuote,
  isAmountChangedError,
  isBillingApiError,
} from '@billkit/sdk';

const money = (amount: { amount: number; currency: string }) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency: amount.currency }).format(
    amount.amount / 100,
  );

/**
 * A seat form: `<input name="seats">`, `<output name="due">`, `<p data-error-for="seats">` and
 * a submit button. Typing previews the price (a newer keystroke aborts the older preview);
 * submitting applies exactly the previewed change, once.
 */
export function connectSeatForm(form: HTMLFormElement, billing: BillingClient): () => void {
  const seats = form.elements.namedItem('seats') as HTMLInputElement;
  const due = form.elements.namedItem('due') as HTMLOutputElement;
  const error = form.querySelector<HTMLElement>('[data-error-for="seats"]')!;
  const leave = new AbortController(); // the page goes away: stop whatever is in flight
  let previewing: AbortController | undefined;
  let shown: { seats: number; quote: ChangeQuote; version: string; key: string } | undefined;

  const showError = (message: string) => {
    error.textContent = message;
    seats.setAttribute('aria-invalid', String(message !== ''));
  };

  async function preview() {
    previewing?.abort();
    previewing = new AbortController();
    const signal = AbortSignal.any([previewing.signal, leave.signal]);
    const wanted = seats.valueAsNumber;
    try {
      const subscription = await billing.subscription.get({ signal });
      const quote = await billing.subscription.preview(
        { seats: wanted, timing: 'immediately' },
        { signal },
      );
      // One key per reviewed intent: a resubmit after a lost answer replays, never buys twice.
      shown = { seats: wanted, quote, version: subscription.version, key: crypto.randomUUID() };
      due.value = quote.possible
        ? `${money(quote.amountDueNow)} due now`
        : (quote.restriction?.message ?? '');
      showError('');
    } catch (reason) {
      if (signal.aborted) return; // superseded by a newer keystroke, or the page left
      showError(fieldMessage(reason));
    }
  }

  async function apply(event: SubmitEvent) {
    event.preventDefault();
    if (!shown?.quote.possible) return;
    const { seats: wanted, quote, version, key } = shown;
    try {
      await billing.subscription.apply(
        { seats: wanted, timing: 'immediately', expectedAmountDue: quote.amountDueNow },
        { ifMatch: version, idempotencyKey: key, signal: leave.signal },
      );
      due.value = `Now ${wanted} seats`;
      shown = undefined;
    } catch (reason) {
      if (isAmountChangedError(reason)) {
        // Nothing was charged: show today's price and let the user confirm it.
        shown = { seats: wanted, version, quote: reason.problem.quote, key: crypto.randomUUID() };
        due.value = `The price changed: ${money(reason.problem.quote.amountDueNow)} due now`;
      } else showError(fieldMessage(reason));
    }
  }

  seats.addEventListener('input', preview);
  form.addEventListener('submit', apply);
  return () => {
    leave.abort();
    seats.removeEventListener('input', preview);
    form.removeEventListener('submit', apply);
  };
}

/** The message for the seats field: its field error (`/seats`) when the API gave one. */
function fieldMessage(reason: unknown): string {
  if (!isBillingApiError(reason)) return 'Could not reach billing. Try again.';
  return reason.fieldErrors.find((field) => field.pointer === '/seats')?.message ?? reason.title;
}
