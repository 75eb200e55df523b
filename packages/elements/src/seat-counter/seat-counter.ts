import {
  type AppliedChange,
  type BillingOverview,
  type ChangeQuote,
  isAmountChangedError,
  type SubscriptionChange,
} from '@billkit/sdk';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../billing-provider/billing-provider.js';
import { BillingController } from '../core/billing-controller.js';
import { describeError } from '../core/errors.js';
import { Mutation } from '../core/mutation.js';
import { quoteLines, quoteStyles } from '../core/quote.js';
import { overviewResource } from '../core/resources.js';
import { errorView, loadingView } from '../core/states.js';
import { abortableDelay } from '../core/timing.js';
import { formatDate, formatList, formatMoney, formatNumber } from '../i18n/format.js';
import { codeTexts } from '../i18n/load-code-texts.js';
import { commonText, quoteText, roleCountText, seatCounterText as text } from '../i18n/messages.js';
import { stepperStyles } from '../styles/stepper.js';
import { tokens } from '../styles/tokens.js';
import { SeatsChangedEvent, SeatsChangeRequestEvent } from './events.js';
import { seatCounterStyles } from './seat-counter.styles.js';

/** The contract's ceiling; larger teams buy through sales. */
const maxSeats = 100_000;
/** How long typing must pause before the price is asked for. */
const previewDelayMs = 300;
const roles = ['admin', 'billing', 'member', 'visitor'] as const;

/** The seat count typed so far: a valid target, or why it is not one. */
type Draft = { seats: number; error?: undefined } | { seats?: undefined; error: string };

/**
 * The team's seats: purchased, in use by role (visitors count), auto-flex extra; a stepper and a
 * typed input to change them with the server's live price, then Confirm. Fewer seats take
 * effect at renewal (said before anything is asked). On `term-credit` teams without a seat
 * order, which are billed for their members, it explains true-ups and credits instead.
 *
 * @summary Purchased and used seats, and a previewed seat change.
 *
 * @fires {SeatsChangeRequestEvent} bk-seats-change-request - Cancelable, before seats change:
 * `detail` is `{ change, quote }`; `preventDefault()` vetoes, `waitFor(promise)` defers.
 * @fires {SeatsChangedEvent} bk-seats-changed - Once seats changed or the change is scheduled;
 * `detail` is the API's `AppliedChange`.
 *
 * @csspart base - The card.
 * @csspart heading - The title.
 * @csspart stats - The figures: purchased, in use, auto-flex extra.
 * @csspart stat - One figure: its label (`dt`) and value (`dd`).
 * @csspart purchased - The purchased seats figure (also a `stat`).
 * @csspart in-use - The seats in use figure (also a `stat`).
 * @csspart auto-flex-extra - The auto-flex extra figure (also a `stat`).
 * @csspart roles - Members in use by role.
 * @csspart auto-flex - Extra members under auto-flex and when they are billed.
 * @csspart field - The seat input with its label, hint and error.
 * @csspart label - The input's label.
 * @csspart stepper - The −, input, + group.
 * @csspart decrement - The − button.
 * @csspart input - The seat count input.
 * @csspart increment - The + button.
 * @csspart hint - The allowed range.
 * @csspart field-error - Why the typed count cannot be used.
 * @csspart policy - When added and removed seats are billed.
 * @csspart scheduled - A seat change already scheduled for renewal.
 * @csspart preview - The server's price of the change.
 * @csspart lines - The preview's lines.
 * @csspart line - One line: what, quantity, period and amount.
 * @csspart line-period - The days a line covers.
 * @csspart line-amount - A line's amount.
 * @csspart due-now - The amount charged now.
 * @csspart next-renewal - The renewal after the change.
 * @csspart restriction - Why the change is not possible.
 * @csspart actions - Confirm and Reset.
 * @csspart confirm - Applies the change.
 * @csspart reset - Returns to the current seats.
 * @csspart status - Announces the result.
 * @csspart permission-note - Why the viewer cannot change seats.
 * @csspart term-credit - The explanation of member-based billing.
 * @csspart next-invoice - The next invoice of a term-credit team.
 * @csspart credit-balance - The team's credit balance.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - A load, price or apply error.
 * @csspart error-message - What went wrong.
 * @csspart retry - Tries again (keeping what was typed).
 *
 * @cssproperty --bk-seat-counter-accent - Accent of the stepper focus, preview and Confirm (default `--bk-color-accent`).
 * @cssproperty --bk-seat-counter-max-width - Widest the card grows (default 36rem).
 */
export class BkSeatCounter extends LitElement {
  static override styles = [tokens, quoteStyles, stepperStyles, seatCounterStyles];
  static override properties = {
    input: { state: true },
    announcement: { state: true },
    repriced: { state: true },
  };

  readonly #billing = new BillingController(this);
  readonly #overview = this.#billing.load(overviewResource);

  /** What the input holds; undefined while it shows the purchased seats. */
  private input: string | undefined;
  /** The last result, announced in the status line until the next change starts. */
  private announcement = '';
  /**
   * The price the server gave when it refused to charge the one shown (`409 amount_changed`:
   * the day turned, or the credit balance changed): shown instead of the preview it replaces,
   * until the preview answers anew.
   */
  private repriced:
    | { replaces: unknown; change: SubscriptionChange; quote: ChangeQuote }
    | undefined;

  /** The server's price of the change typed, asked once typing pauses; stale runs are aborted. */
  readonly #preview = new Task(this, {
    args: () => {
      const change = this.#plannedChange();
      return [
        this.#billing.store,
        change?.seats,
        change?.timing,
        this.#overview.value?.subscription.version,
      ] as const;
    },
    task: async ([store, seats, timing], { signal }) => {
      if (!store || seats === undefined || !timing) return initialState;
      await abortableDelay(previewDelayMs, signal);
      const change: SubscriptionChange = { seats, timing };
      return { change, quote: await store.client.subscription.preview(change, { signal }) };
    },
  });

  readonly #apply = new Mutation<SubscriptionChange, AppliedChange>(this, this.#billing, {
    name: 'applySubscriptionChange',
    request: (change) =>
      new SeatsChangeRequestEvent({ change, quote: this.#currentQuote(change)! }),
    // Charge exactly the amount shown, or nothing: a different price is refused, not charged.
    perform: (client, change, { idempotencyKey, signal }) =>
      client.subscription.apply(
        { ...change, expectedAmountDue: this.#currentQuote(change)!.amountDueNow },
        { ifMatch: this.#overview.value!.subscription.version, idempotencyKey, signal },
      ),
  });

  override render() {
    const overview = this.#overview.value;
    const locale = this.#billing.locale;
    if (!overview || !locale) {
      return html`<section part="base" class="card" lang=${ifDefined(locale)}>
        ${locale ? html`<h2 part="heading">${text.heading()}</h2>` : nothing}
        ${loadingView(locale, [this.#overview])}
      </section>`;
    }
    const termCredit =
      overview.subscription.policy === 'term-credit' && !overview.subscription.seatOrder;
    return html`<section
      part="base"
      class="card"
      lang=${locale}
      aria-labelledby="heading"
    >
      <h2 part="heading" id="heading">${text.heading()}</h2>
      ${this.#renderStats(overview)}
      ${termCredit ? this.#renderTermCredit(overview) : this.#renderChange(overview)}
    </section>`;
  }

  #renderStats(overview: BillingOverview) {
    const { seats, autoFlex } = overview;
    const byRole = roles
      .filter((role) => seats.byRole[role] > 0)
      .map((role) => roleCountText[role](seats.byRole[role]));
    return html`<dl part="stats">
        <div part="stat purchased">
          <dt>${text.purchased()}</dt>
          <dd>${formatNumber(seats.purchased)}</dd>
        </div>
        <div part="stat in-use">
          <dt>${text.inUse()}</dt>
          <dd>${formatNumber(seats.inUse)}</dd>
        </div>
        ${
          seats.autoFlexExtra > 0
            ? html`<div part="stat auto-flex-extra">
              <dt>${text.autoFlexExtra()}</dt>
              <dd>${formatNumber(seats.autoFlexExtra)}</dd>
            </div>`
            : nothing
        }
      </dl>
      <p part="roles">${text.roles(formatList(byRole))}</p>
      ${
        autoFlex.enabled && autoFlex.extraMembers > 0 && autoFlex.cycle
          ? html`<p part="auto-flex">
            ${text.autoFlexPending(
              autoFlex.extraMembers,
              formatMoney(autoFlex.estimatedCharge),
              formatDate(autoFlex.cycle.billingDate),
            )}
          </p>`
          : nothing
      }`;
  }

  #renderTermCredit(overview: BillingOverview) {
    const trueUps = overview.nextInvoice?.lines.filter((line) => line.kind === 'true_up') ?? [];
    return html`<div part="term-credit">
      <p>${text.termCreditIntro()}</p>
      <ul class="rules">
        <li>${text.trueUpRule()}</li>
        <li>${text.creditRule()}</li>
      </ul>
      ${
        overview.nextInvoice
          ? html`<p part="next-invoice">
              ${text.nextInvoice(
                formatDate(overview.nextInvoice.date),
                formatMoney(overview.nextInvoice.amount),
              )}
            </p>
            ${trueUps.length > 0 ? quoteLines(trueUps) : nothing}
            <p part="credit-balance">${text.creditBalance(formatMoney(overview.credits.balance))}</p>`
          : nothing
      }
    </div>`;
  }

  #renderChange(overview: BillingOverview) {
    const allowed = this.#canManage(overview);
    const { purchased } = overview.seats;
    const { min, max } = this.#bounds(overview);
    const draft = this.#draft(overview);
    const shown = this.input ?? String(purchased);
    const current = draft.seats ?? purchased;
    const change = this.#plannedChange();
    const applyError = change ? this.#apply.errorFor(change) : undefined;
    const fieldError =
      draft.error ??
      this.#seatsFieldError(
        this.#preview.status === TaskStatus.ERROR ? this.#preview.error : undefined,
      ) ??
      this.#seatsFieldError(applyError);
    const describedBy = ['hint', fieldError ? 'field-error' : '', allowed ? '' : 'permission-note']
      .filter(Boolean)
      .join(' ');
    const seatOrder = overview.subscription.seatOrder;
    const scheduled = overview.scheduledChanges.find((s) => s.change.seats !== undefined);

    return html`
      <div part="field">
        <label part="label" for="seats">${text.fieldLabel()}</label>
        <div part="stepper">
          <button
            part="decrement"
            type="button"
            aria-label=${text.decrement()}
            aria-controls="seats"
            ?disabled=${!allowed || current <= min}
            @click=${() => this.#step(current - 1, min, max)}
          >
            <span aria-hidden="true">−</span>
          </button>
          <input
            id="seats"
            part="input"
            type="number"
            inputmode="numeric"
            min=${min}
            max=${max}
            step="1"
            .value=${shown}
            ?disabled=${!allowed}
            aria-invalid=${fieldError ? 'true' : 'false'}
            aria-describedby=${describedBy}
            @input=${this.#onInput}
          />
          <button
            part="increment"
            type="button"
            aria-label=${text.increment()}
            aria-controls="seats"
            ?disabled=${!allowed || current >= max}
            @click=${() => this.#step(Math.max(current + 1, min), min, max)}
          >
            <span aria-hidden="true">+</span>
          </button>
        </div>
        <p part="hint" id="hint">${text.bounds(min, max)}</p>
        ${fieldError ? html`<p part="field-error" id="field-error">${fieldError}</p>` : nothing}
      </div>
      <p part="policy">
        ${
          seatOrder
            ? text.seatOrderRule(seatOrder.seats, formatDate(seatOrder.period.end))
            : text.prorateRule(formatDate(overview.subscription.currentPeriod.end))
        }
      </p>
      ${
        scheduled
          ? html`<p part="scheduled">
            ${text.scheduled(scheduled.change.seats!, formatDate(scheduled.effectiveDate))}
          </p>`
          : nothing
      }
      ${change && !fieldError ? this.#renderPreview(change) : nothing}
      ${
        applyError && !this.#seatsFieldError(applyError)
          ? // A new price is confirmed with Confirm, beside it, not with a "Try again".
            errorView(
              applyError,
              isAmountChangedError(applyError) ? undefined : () => this.#confirm(),
            )
          : nothing
      }
      ${allowed ? this.#renderActions(change, purchased) : nothing}
      <p part="status" role="status">${this.announcement}</p>
      ${
        allowed
          ? nothing
          : html`<p part="permission-note" id="permission-note">${text.notAllowed()}</p>`
      }
    `;
  }

  /**
   * The server's price of `change`, in one live region that stays while the user types, so
   * screen readers hear each new price (and "calculating") as it replaces the last.
   */
  #renderPreview(change: SubscriptionChange) {
    const quote = this.#currentQuote(change);
    const failed = this.#preview.status === TaskStatus.ERROR;
    return html`<div part="preview" aria-live="polite" aria-busy=${!quote && !failed}>
      ${failed ? errorView(this.#preview.error, () => this.#preview.run()) : this.#renderQuote(change, quote)}
    </div>`;
  }

  #renderQuote(change: SubscriptionChange, quote: ChangeQuote | undefined) {
    if (!quote) return html`<p>${quoteText.calculating()}</p>`;
    if (!quote.possible) {
      return html`<p part="restriction">
        ${quote.restriction ? codeTexts().restrictionText[quote.restriction.code]() : nothing}
      </p>`;
    }
    if (quote.timing === 'at_renewal') {
      return html`<p>
        ${text.scheduledPreview(
          change.seats!,
          formatDate(quote.effectiveDate),
          formatMoney(quote.nextRenewal.amount),
        )}
      </p>`;
    }
    return html`<h3 class="visually-hidden">${quoteText.heading()}</h3>
      ${quoteLines(quote.lines)}
      <p part="due-now"><span>${quoteText.dueNow()}</span><span>${formatMoney(quote.amountDueNow)}</span></p>
      <p part="next-renewal">
        ${quoteText.thenRenewal(formatMoney(quote.nextRenewal.amount), formatDate(quote.nextRenewal.date))}
      </p>`;
  }

  #renderActions(change: SubscriptionChange | undefined, purchased: number) {
    if (!change) return nothing;
    const quote = this.#currentQuote(change);
    const seats = change.seats!;
    const label =
      seats > purchased ? text.add(seats - purchased) : text.removeAtRenewal(purchased - seats);
    return html`<div part="actions">
      <button
        part="confirm"
        class="button primary"
        type="button"
        ?disabled=${!quote?.possible || this.#apply.pending}
        aria-busy=${this.#apply.pending ? 'true' : 'false'}
        @click=${this.#confirm}
      >
        ${this.#apply.pending ? commonText.working() : label}
      </button>
      <button part="reset" class="button" type="button" ?disabled=${this.#apply.pending} @click=${this.#reset}>
        ${text.reset()}
      </button>
    </div>`;
  }

  #onInput(event: InputEvent) {
    const input = event.target as HTMLInputElement;
    // A number input reports '' for text it cannot read ("1e"): keep that apart from empty.
    this.input = input.validity.badInput ? 'NaN' : input.value;
    this.announcement = '';
  }

  #step(seats: number, min: number, max: number) {
    this.input = String(Math.min(Math.max(seats, min), max));
    this.announcement = '';
  }

  #reset() {
    this.input = undefined;
  }

  async #confirm() {
    const change = this.#plannedChange();
    if (!change || !this.#currentQuote(change)?.possible) return;
    const applied = await this.#apply.run(change);
    const refused = this.#apply.errorFor(change);
    if (isAmountChangedError(refused)) {
      // Nothing was charged: show the price now and let the user confirm it (a new intent key).
      this.repriced = { replaces: this.#preview.value, change, quote: refused.problem.quote };
    }
    if (!applied) return;
    this.input = undefined;
    this.announcement =
      change.timing === 'at_renewal'
        ? text.scheduled(change.seats!, formatDate(applied.quote.effectiveDate))
        : text.applied(applied.subscription.seats.purchased);
    const changed = new SeatsChangedEvent(applied);
    this.dispatchEvent(changed);
  }

  /** The change the input asks for, if it is a valid change the viewer may make. */
  #plannedChange(): SubscriptionChange | undefined {
    const overview = this.#overview.value;
    if (!overview || !this.#canManage(overview)) return undefined;
    if (overview.subscription.policy === 'term-credit' && !overview.subscription.seatOrder) {
      return undefined;
    }
    const { seats } = this.#draft(overview);
    const purchased = overview.seats.purchased;
    if (seats === undefined || seats === purchased) return undefined;
    // Fewer seats only ever take effect at renewal (prorate, and seat orders), so ask for that.
    return { seats, timing: seats < purchased ? 'at_renewal' : 'immediately' };
  }

  /** The preview's quote if it answers exactly `change` (never one for an earlier value). */
  #currentQuote(change: SubscriptionChange): ChangeQuote | undefined {
    const value = this.#preview.value;
    if (this.#preview.status !== TaskStatus.COMPLETE || value === undefined) return undefined;
    const repriced = this.repriced?.replaces === value ? this.repriced : undefined;
    const { change: answered, quote } = repriced ?? value;
    return answered.seats === change.seats && answered.timing === change.timing ? quote : undefined;
  }

  #draft(overview: BillingOverview): Draft {
    if (this.input === undefined) return { seats: overview.seats.purchased };
    const { min, max } = this.#bounds(overview);
    const seats = Number(this.input);
    if (this.input.trim() === '' || !Number.isInteger(seats)) return { error: text.notWhole() };
    if (seats < min) return { error: text.belowMembers(min) };
    if (seats > max) {
      return { error: max < maxSeats ? text.abovePlanMax(max) : text.aboveMax(max) };
    }
    return { seats };
  }

  #bounds(overview: BillingOverview) {
    const planMax = overview.plan.maxMembers ?? maxSeats;
    return { min: Math.max(1, overview.seats.inUse), max: Math.min(maxSeats, planMax) };
  }

  #canManage(overview: BillingOverview): boolean {
    return (this.#billing.viewer ?? overview.viewer).permissions.manageBilling;
  }

  /** The server's message for the seats field, if the error names it. */
  #seatsFieldError(error: unknown): string | undefined {
    return error ? describeError(error).fields.get('/seats') : undefined;
  }
}

customElements.define('bk-seat-counter', BkSeatCounter);

declare global {
  interface HTMLElementTagNameMap {
    'bk-seat-counter': BkSeatCounter;
  }
}
