import {
  type AppliedChange,
  type ApplySubscriptionChangeRequest,
  type BillingOverview,
  type ChangeQuote,
  type Interval,
  isAmountChangedError,
  type Plan,
  type SubscriptionChange,
  type Timing,
} from '@billkit/sdk';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../billing-provider/billing-provider.js';
import { BillingController } from '../core/billing-controller.js';
import { ModalController } from '../core/dialog.js';
import { stableJson } from '../core/intent-key.js';
import { Mutation } from '../core/mutation.js';
import { quoteLines, quoteStyles } from '../core/quote.js';
import { overviewResource, plansResource } from '../core/resources.js';
import { errorView, loadingView } from '../core/states.js';
import { formatDate, formatMoney } from '../i18n/format.js';
import { codeTexts } from '../i18n/load-code-texts.js';
import { commonText, quoteText, planPickerText as text } from '../i18n/messages.js';
import { tokens } from '../styles/tokens.js';
import { ContactSalesEvent, PlanChangedEvent, PlanChangeRequestEvent } from './events.js';
import { planPickerStyles } from './plan-picker.styles.js';

/** The plan and interval chosen for review, and the timing asked for. */
interface Choice {
  planId: string;
  interval: Interval;
  timing: Timing;
}

/**
 * The plans, monthly or annual (with the annual saving), each with its price per seat and the
 * team's total for its seats; the current plan marked. Choosing a plan opens a review dialog
 * with the server's preview of the change (its lines and why, what is due now, the next
 * renewal, when it takes effect); a change that cannot happen now (a downgrade, annual to
 * monthly) says why and offers the renewal instead. Confirm charges exactly the amount shown,
 * or shows the new price if it changed meanwhile. Plans sold through sales offer contact.
 *
 * @summary Plans, monthly/annual, and a reviewed plan change.
 *
 * @fires {PlanChangeRequestEvent} bk-plan-change-request - Cancelable, before the plan
 * changes: `detail` is `{ change, quote }`; `preventDefault()` vetoes, `waitFor(promise)` defers.
 * @fires {PlanChangedEvent} bk-plan-changed - Once the plan changed or the change is
 * scheduled; `detail` is the API's `AppliedChange`.
 * @fires {ContactSalesEvent} bk-contact-sales - The viewer asked to talk to sales about a plan
 * (`detail.planId`); the host opens its contact form.
 *
 * @csspart base - The card.
 * @csspart heading - The title.
 * @csspart interval - The monthly / annual toggle.
 * @csspart interval-option - One option of the toggle (`aria-pressed` when shown).
 * @csspart saving - The annual saving.
 * @csspart plans - The list of plans.
 * @csspart plan - One plan (also `current` for the team's plan).
 * @csspart current - The team's current plan (also a `plan`).
 * @csspart plan-name - A plan's name.
 * @csspart badge - "Current plan".
 * @csspart plan-description - A plan's description.
 * @csspart price - The price per seat.
 * @csspart team-total - The price for the team's seats.
 * @csspart member-limit - A plan's member limit.
 * @csspart features - A plan's features.
 * @csspart choose - Opens the review of a plan (or of the other interval).
 * @csspart contact-sales - Asks to talk to sales.
 * @csspart permission-note - Why the viewer cannot change the plan.
 * @csspart status - Announces the result.
 * @csspart dialog - The review dialog.
 * @csspart review-heading - The review's title.
 * @csspart review - The server's preview of the change.
 * @csspart lines - The preview's lines.
 * @csspart line - One line: why, quantity, period and amount.
 * @csspart line-period - The days a line covers.
 * @csspart line-amount - A line's amount.
 * @csspart credit-applied - What the credit balance covers.
 * @csspart due-now - The amount charged now.
 * @csspart effective - When the change takes effect.
 * @csspart next-renewal - The renewal after the change.
 * @csspart restriction - Why the change cannot happen now.
 * @csspart amount-changed - The price changed since it was shown.
 * @csspart actions - Cancel and the main action.
 * @csspart cancel - Closes the review.
 * @csspart confirm - Applies the change, or offers the renewal instead.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - A load, preview or apply error.
 * @csspart error-message - What went wrong.
 * @csspart retry - Tries again.
 *
 * @cssproperty --bk-plan-picker-accent - Accent of the current plan, toggle and Confirm (default `--bk-color-accent`).
 * @cssproperty --bk-plan-picker-max-width - Widest the card grows (default 64rem).
 */
export class BkPlanPicker extends LitElement {
  static override styles = [tokens, quoteStyles, planPickerStyles];
  static override properties = {
    plan: {},
    interval: {},
    shown: { state: true },
    choice: { state: true },
    fresh: { state: true },
    announcement: { state: true },
  };

  /** Opens the review of this plan as soon as it can (a deep link: `plan="professional"`). */
  plan?: string;

  /** The interval shown first, and reviewed with `plan` (default: the subscription's). */
  interval?: Interval;

  readonly #billing = new BillingController(this);
  readonly #overview = this.#billing.load(overviewResource);
  readonly #plans = this.#billing.load(plansResource);
  readonly #modal = new ModalController(this, () => this.renderRoot.querySelector('dialog'));

  /** The interval the toggle shows; undefined: `interval`, else the subscription's. */
  private shown: Interval | undefined;
  private choice: Choice | undefined;
  /** The change priced anew by a `409 amount_changed`, for the change and version it answers. */
  private fresh: { key: string; quote: ChangeQuote } | undefined;
  private announcement = '';
  /** The deep link opened last, so it opens once per `plan`/`interval`. */
  #linked: string | undefined;

  readonly #preview = new Task(this, {
    args: () => {
      const version = this.#overview.value?.subscription.version;
      const { planId, interval, timing } = this.choice ?? {};
      return [this.#billing.store, planId, interval, timing, version] as const;
    },
    task: async ([store, planId, interval, timing], { signal }) => {
      const overview = this.#overview.value;
      if (!store || !overview || !planId || !interval || !timing) return initialState;
      const change = changeOf({ planId, interval, timing }, overview);
      return { change, quote: await store.client.subscription.preview(change, { signal }) };
    },
  });

  readonly #apply = new Mutation<ApplySubscriptionChangeRequest, AppliedChange>(
    this,
    this.#billing,
    {
      name: 'applySubscriptionChange',
      request: (change) => new PlanChangeRequestEvent({ change, quote: this.#reviewedQuote()! }),
      perform: (client, change, { idempotencyKey, signal }) =>
        client.subscription.apply(change, {
          ifMatch: this.#overview.value!.subscription.version,
          idempotencyKey,
          signal,
        }),
    },
  );

  override render() {
    const overview = this.#overview.value;
    const plans = this.#plans.value;
    const locale = this.#billing.locale;
    if (!overview || !plans || !locale) {
      return html`<section part="base" class="card" lang=${ifDefined(locale)}>
        ${locale ? html`<h2 part="heading">${text.heading()}</h2>` : nothing}
        ${loadingView(locale, [this.#overview, this.#plans])}
      </section>`;
    }
    const interval = this.#shownInterval(overview);
    const allowed = this.#canManage(overview);
    const saving = annualSaving(plans);
    return html`<section part="base" class="card" lang=${locale} aria-labelledby="heading">
      <div class="top">
        <h2 part="heading" id="heading">${text.heading()}</h2>
        <div part="interval" role="group" aria-label=${text.intervalLabel()}>
          ${(['month', 'year'] as const).map(
            (option) => html`<button
              part="interval-option"
              type="button"
              aria-pressed=${interval === option ? 'true' : 'false'}
              @click=${() => (this.shown = option)}
            >
              ${option === 'month' ? text.monthly() : text.annual()}
              ${
                option === 'year' && saving > 0
                  ? html`<span part="saving">${text.annualSaving(saving)}</span>`
                  : nothing
              }
            </button>`,
          )}
        </div>
      </div>
      ${
        allowed
          ? nothing
          : html`<p part="permission-note" id="permission-note">${text.notAllowed()}</p>`
      }
      <ul part="plans">
        ${plans.map((plan) => this.#renderPlan(plan, overview, interval, allowed))}
      </ul>
      <p part="status" role="status">${this.announcement}</p>
      <dialog part="dialog" aria-labelledby="review-heading" @close=${this.#onClose}>
        ${this.choice ? this.#renderReview(this.choice, overview, plans) : nothing}
      </dialog>
    </section>`;
  }

  #renderPlan(plan: Plan, overview: BillingOverview, interval: Interval, allowed: boolean) {
    const { subscription } = overview;
    const current = plan.id === subscription.planId;
    const price = plan.prices[interval];
    const seats = overview.seats.purchased;
    let action: unknown = nothing;
    if (plan.contactSales || !price) {
      action = html`<button
        part="contact-sales"
        class="button"
        type="button"
        @click=${() => this.#contactSales(plan.id)}
      >
        ${text.contactSales()}
      </button>`;
    } else if (!current || interval !== subscription.interval) {
      // Upgrades are the accented action; downgrades and interval switches are plain.
      const upgrade = price.amount > (overview.plan.prices[interval]?.amount ?? 0);
      action = html`<button
        part="choose"
        class="button ${upgrade ? 'primary' : ''}"
        type="button"
        ?disabled=${!allowed}
        aria-describedby=${ifDefined(allowed ? undefined : 'permission-note')}
        @click=${() => this.#review(plan.id, interval)}
      >
        ${current ? text.switchInterval(interval) : text.choose(plan.name)}
      </button>`;
    }
    return html`<li part=${current ? 'plan current' : 'plan'} aria-current=${ifDefined(current ? 'true' : undefined)}>
      <div class="name">
        <h3 part="plan-name">${plan.name}</h3>
        ${current ? html`<span part="badge">${text.current()}</span>` : nothing}
      </div>
      <p part="plan-description">${plan.description}</p>
      <p part="price">${price ? text.perSeat(formatMoney(price), interval) : text.customPricing()}</p>
      ${
        price
          ? html`<p part="team-total">
            ${text.teamTotal(
              // List price × seats: integer minor units, exact.
              formatMoney({ amount: price.amount * seats, currency: price.currency }),
              seats,
            )}
          </p>`
          : nothing
      }
      ${plan.maxMembers ? html`<p part="member-limit">${text.memberLimit(plan.maxMembers)}</p>` : nothing}
      <ul part="features">
        ${plan.features.map((feature) => html`<li>${feature}</li>`)}
      </ul>
      ${action}
    </li>`;
  }

  #renderReview(choice: Choice, overview: BillingOverview, plans: Plan[]) {
    const change = changeOf(choice, overview);
    const quote = this.#quoteFor(change);
    const name = plans.find((plan) => plan.id === choice.planId)?.name ?? choice.planId;
    const failed = this.#preview.status === TaskStatus.ERROR;
    const applyError = quote ? this.#apply.errorFor(intentOf(change, quote)) : undefined;
    const atRenewalOffered = quote?.restriction?.allowedTiming === 'at_renewal';
    const ready = quote?.possible || atRenewalOffered;
    const busy = !ready || this.#apply.pending;
    let label = text.confirm();
    if (this.#apply.pending) label = commonText.working();
    else if (!quote?.possible && atRenewalOffered) label = text.offerAtRenewal();
    else if (quote?.timing === 'at_renewal') label = text.schedule(formatDate(quote.effectiveDate));
    else if (quote && quote.amountDueNow.amount > 0) {
      label = text.confirmPay(formatMoney(quote.amountDueNow));
    }
    return html`<h2 part="review-heading" id="review-heading">
        ${text.reviewHeading(name, codeTexts().intervalText[choice.interval]())}
      </h2>
      <div part="review" aria-live="polite" aria-busy=${!quote && !failed ? 'true' : 'false'}>
        ${failed ? errorView(this.#preview.error, () => this.#preview.run()) : this.#renderQuote(quote)}
      </div>
      ${
        this.fresh && this.fresh.key === this.#quoteKey(change)
          ? html`<p part="amount-changed" role="alert">${codeTexts().problemText.amount_changed!()}</p>`
          : nothing
      }
      ${applyError ? errorView(applyError, () => this.#confirm()) : nothing}
      <div part="actions">
        <button part="cancel" class="button" type="button" @click=${() => this.#modal.close()}>
          ${commonText.cancel()}
        </button>
        <button
          part="confirm"
          class="button primary"
          type="button"
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${this.#confirm}
        >
          ${label}
        </button>
      </div>`;
  }

  #renderQuote(quote: ChangeQuote | undefined) {
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

  override updated() {
    // The deep link: once plans and overview are in, open the review of `plan` (once per value).
    const overview = this.#overview.value;
    const plans = this.#plans.value;
    const link = this.plan && `${this.plan}|${this.interval ?? ''}`;
    if (!link || link === this.#linked || !overview || !plans || !this.#billing.locale) return;
    this.#linked = link;
    const plan = plans.find((p) => p.id === this.plan);
    const interval = this.#askedInterval() ?? overview.subscription.interval;
    if (!plan || plan.contactSales || !plan.prices[interval] || !this.#canManage(overview)) return;
    if (plan.id === overview.subscription.planId && interval === overview.subscription.interval) {
      return;
    }
    // After this update, not inside it.
    void Promise.resolve().then(() => {
      this.shown = interval;
      return this.#review(plan.id, interval);
    });
  }

  async #review(planId: string, interval: Interval) {
    this.choice = { planId, interval, timing: 'immediately' };
    this.fresh = undefined;
    this.announcement = '';
    await this.updateComplete;
    this.#modal.open();
  }

  #onClose() {
    this.choice = undefined;
    this.fresh = undefined;
  }

  async #confirm() {
    const overview = this.#overview.value;
    const choice = this.choice;
    if (!overview || !choice || this.#apply.pending) return;
    const change = changeOf(choice, overview);
    const quote = this.#quoteFor(change);
    if (!quote) return;
    if (!quote.possible) {
      // Never switched silently: the viewer asked for the renewal with this button.
      if (quote.restriction?.allowedTiming === 'at_renewal') {
        this.choice = { ...choice, timing: 'at_renewal' };
      }
      return;
    }
    const intent = intentOf(change, quote);
    const applied = await this.#apply.run(intent);
    if (!applied) {
      const error = this.#apply.errorFor(intent);
      if (isAmountChangedError(error)) {
        this.fresh = { key: this.#quoteKey(change), quote: error.problem.quote };
      }
      return;
    }
    const plan = this.#plans.value?.find((p) => p.id === choice.planId);
    const name = plan?.name ?? choice.planId;
    const interval = codeTexts().intervalText[choice.interval]();
    this.#modal.close();
    this.announcement = applied.scheduledChange
      ? text.scheduled(name, interval, formatDate(applied.quote.effectiveDate))
      : text.changed(name, interval);
    const changed = new PlanChangedEvent(applied);
    this.dispatchEvent(changed);
  }

  #contactSales(planId: string) {
    const asked = new ContactSalesEvent({ planId });
    this.dispatchEvent(asked);
  }

  /** The quote for `change`: a fresher one from `amount_changed`, else the preview's if it answers it. */
  #quoteFor(change: SubscriptionChange): ChangeQuote | undefined {
    if (this.fresh?.key === this.#quoteKey(change)) return this.fresh.quote;
    const value = this.#preview.value;
    if (this.#preview.status !== TaskStatus.COMPLETE || value === undefined) return undefined;
    return stableJson(value.change) === stableJson(change) ? value.quote : undefined;
  }

  #reviewedQuote(): ChangeQuote | undefined {
    const overview = this.#overview.value;
    return overview && this.choice ? this.#quoteFor(changeOf(this.choice, overview)) : undefined;
  }

  #quoteKey(change: SubscriptionChange): string {
    return stableJson([change, this.#overview.value?.subscription.version]);
  }

  #shownInterval(overview: BillingOverview): Interval {
    return this.shown ?? this.#askedInterval() ?? overview.subscription.interval;
  }

  /** The `interval` attribute if it names one (a host's typo falls back to the subscription's). */
  #askedInterval(): Interval | undefined {
    return this.interval === 'month' || this.interval === 'year' ? this.interval : undefined;
  }

  #canManage(overview: BillingOverview): boolean {
    return (this.#billing.viewer ?? overview.viewer).permissions.manageBilling;
  }
}

/** The change a choice asks for: only what differs from the subscription. */
function changeOf(choice: Choice, overview: BillingOverview): SubscriptionChange {
  const { planId, interval } = overview.subscription;
  return {
    ...(choice.planId !== planId && { planId: choice.planId }),
    ...(choice.interval !== interval && { interval: choice.interval }),
    timing: choice.timing,
  };
}

/** What Confirm sends: the change and the amount the viewer saw (charged exactly, or refused). */
function intentOf(change: SubscriptionChange, quote: ChangeQuote): ApplySubscriptionChangeRequest {
  return { ...change, expectedAmountDue: quote.amountDueNow };
}

/** The largest saving, in whole percent, of paying annually over twelve monthly payments. */
function annualSaving(plans: Plan[]): number {
  let best = 0;
  for (const { prices } of plans) {
    if (prices.month && prices.year && prices.month.amount > 0) {
      best = Math.max(
        best,
        Math.round(100 - (prices.year.amount * 100) / (prices.month.amount * 12)),
      );
    }
  }
  return best;
}

customElements.define('bk-plan-picker', BkPlanPicker);

declare global {
  interface HTMLElementTagNameMap {
    'bk-plan-picker': BkPlanPicker;
  }
}
