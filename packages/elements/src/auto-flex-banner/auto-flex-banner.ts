import type { AutoFlex, BillingOverview, EnableAutoFlexRequest, Role } from '@billkit/sdk';
import { TaskStatus } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import '../billing-provider/billing-provider.js';
import { BillingController } from '../core/billing-controller.js';
import { describeError } from '../core/errors.js';
import { Mutation } from '../core/mutation.js';
import { overviewResource } from '../core/resources.js';
import { errorView } from '../core/states.js';
import { formatDate, formatMoney, formatNumber } from '../i18n/format.js';
import { codeTexts } from '../i18n/load-code-texts.js';
import { autoFlexBannerText as text } from '../i18n/messages.js';
import { tokens } from '../styles/tokens.js';
import { autoFlexBannerStyles } from './auto-flex-banner.styles.js';
import {
  type AutoFlexDismissal,
  AutoFlexDismissEvent,
  AutoFlexEnabledEvent,
  AutoFlexEnableRequestEvent,
} from './events.js';

/** Who auto-flex notices are for (billing-rules.md: billing and admin members are notified). */
const audience: readonly Role[] = ['admin', 'billing'];
const storagePrefix = 'bk-auto-flex-banner:';

/**
 * Auto-flex for the people it concerns (admins and billing managers; nothing for anyone else).
 * With auto-flex on and extra members: how many, what will be billed (the API's estimate) and
 * on which day, and whether the notice window has opened (`noticeDate` against the overview's
 * `today`, the server's billing day). With it off, on a paid `prorate` plan: the opt-in, with the
 * terms to accept. Dismissible until the next cycle (remembered in `localStorage` per team and
 * cycle). When there is nothing to say (term-credit teams, no extra members, other roles,
 * dismissed) it renders nothing and is `hidden`.
 *
 * @summary Auto-flex extra members, their billing date and amount; the auto-flex opt-in.
 *
 * @fires {AutoFlexEnableRequestEvent} bk-auto-flex-enable-request - Cancelable, before
 * auto-flex is turned on: `detail` is `{ acceptTerms: true, termsVersion }`; `preventDefault()`
 * vetoes, `waitFor(promise)` defers.
 * @fires {AutoFlexEnabledEvent} bk-auto-flex-enabled - Once auto-flex is on; `detail` is the
 * API's `AutoFlex`.
 * @fires {AutoFlexDismissEvent} bk-auto-flex-dismiss - The viewer dismissed the banner until
 * the next cycle: `detail` is `{ state, until }`.
 *
 * @slot terms - A link to your auto-flex terms, shown beside the acceptance checkbox.
 *
 * @csspart base - The banner (a region named by its heading).
 * @csspart heading - The title.
 * @csspart message - What the banner says.
 * @csspart facts - Extra members, amount and billing date.
 * @csspart fact - One of them: its label (`dt`) and value (`dd`).
 * @csspart extra-members - The extra members figure (also a `fact`).
 * @csspart amount - The amount to be billed (also a `fact`).
 * @csspart billing-date - The billing date (also a `fact`).
 * @csspart notice-window - When billing managers and admins are (or were) notified.
 * @csspart opt-in - The opt-in form.
 * @csspart terms - The acceptance checkbox with its label.
 * @csspart accept - The acceptance checkbox.
 * @csspart field-error - Why the terms cannot be submitted as they are.
 * @csspart enable - Turns auto-flex on.
 * @csspart dismiss - Hides the banner until the next cycle.
 * @csspart status - Announces the result to screen readers (the heading shows it).
 * @csspart error - A load or enable error.
 * @csspart error-message - What went wrong.
 * @csspart retry - Tries again.
 *
 * @cssproperty --bk-auto-flex-banner-tone - The banner's stripe and tint (default: the accent;
 * the warning color once the notice window has opened; success once enabled).
 * @cssproperty --bk-auto-flex-banner-max-width - Widest the banner grows (default 48rem).
 */
export class BkAutoFlexBanner extends LitElement {
  static override styles = [tokens, autoFlexBannerStyles];
  static override properties = {
    accepted: { state: true },
    acceptMissing: { state: true },
    termsOutdated: { state: true },
    justEnabled: { state: true },
    announcement: { state: true },
  };

  readonly #billing = new BillingController(this);
  readonly #overview = this.#billing.load(overviewResource);

  private accepted = false;
  /** Set when Turn on was pressed without accepting the terms. */
  private acceptMissing = false;
  /** Set when the server refused the terms shown as outdated: the new ones are to be read. */
  private termsOutdated = false;
  /** Auto-flex was just turned on here: say so until dismissed. */
  private justEnabled = false;
  private announcement = '';
  /** What was dismissed (`state@until`), as stored; read from storage once per team. */
  #dismissed: string | null = null;
  #dismissedFor: string | undefined;

  readonly #enable = new Mutation<EnableAutoFlexRequest, AutoFlex>(this, this.#billing, {
    name: 'enableAutoFlex',
    request: (acceptance) => new AutoFlexEnableRequestEvent(acceptance),
    perform: (client, acceptance, { idempotencyKey, signal }) =>
      client.autoFlex.enable(acceptance, { idempotencyKey, signal }),
  });

  override render() {
    const overview = this.#overview.value;
    const locale = this.#billing.locale;
    if (!locale) return nothing;
    if (!overview) {
      return this.#overview.status === TaskStatus.ERROR
        ? html`<section part="base" class="card" lang=${locale}>
            ${errorView(this.#overview.error, () => this.#overview.run())}
          </section>`
        : nothing;
    }
    const view = this.#view(overview);
    if (!view && !this.justEnabled) return nothing;
    const tone = this.justEnabled ? 'success' : view?.state === 'billing-soon' ? 'warning' : 'info';
    return html`<section
      part="base"
      class="card ${tone}"
      lang=${locale}
      aria-labelledby="heading"
    >
      <div class="body">
        ${
          this.justEnabled
            ? html`<h2 part="heading" id="heading">${text.enabledHeading()}</h2>
              <p part="message">${text.enabled()}</p>`
            : view?.state === 'offer'
              ? this.#renderOffer(overview)
              : this.#renderExtra(overview)
        }
        <p part="status" class="visually-hidden" role="status">${this.announcement}</p>
      </div>
      <button
        part="dismiss"
        class="dismiss"
        type="button"
        aria-label=${text.dismiss()}
        @click=${() => this.#dismiss(view)}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 4l8 8M12 4l-8 8" /></svg>
      </button>
    </section>`;
  }

  override updated(): void {
    // A banner with nothing to say takes no room, and hosts can style or test `[hidden]`.
    this.hidden = !this.shadowRoot?.querySelector('[part~=base]');
  }

  #renderExtra({ autoFlex, notices, today }: BillingOverview) {
    const cycle = autoFlex.cycle!;
    const noticeOpen = today >= cycle.noticeDate;
    const notice = notices.find((n) => n.code === 'auto_flex_billing_soon');
    const billingDate = formatDate(cycle.billingDate);
    return html`<h2 part="heading" id="heading">
        ${noticeOpen ? text.soonHeading() : text.pendingHeading(autoFlex.extraMembers)}
      </h2>
      <p part="message">${noticeOpen && notice ? codeTexts().noticeText(notice) : text.pending()}</p>
      <dl part="facts">
        <div part="fact extra-members">
          <dt>${text.extraMembers()}</dt>
          <dd>${formatNumber(autoFlex.extraMembers)}</dd>
        </div>
        <div part="fact amount">
          <dt>${text.amount()}</dt>
          <dd>${formatMoney(autoFlex.estimatedCharge)}</dd>
        </div>
        <div part="fact billing-date">
          <dt>${text.billingDate()}</dt>
          <dd>${billingDate}</dd>
        </div>
      </dl>
      <p part="notice-window">
        ${(noticeOpen ? text.notifiedOn : text.remindOn)(formatDate(cycle.noticeDate))}
      </p>`;
  }

  #renderOffer(overview: BillingOverview) {
    const acceptance = this.#acceptance(overview);
    const failed = this.#enable.errorFor(acceptance);
    const report = failed ? describeError(failed) : undefined;
    const fieldError = this.acceptMissing
      ? text.acceptRequired()
      : this.termsOutdated
        ? codeTexts().problemText.terms_version_outdated!()
        : (report?.fields.get('/termsVersion') ?? report?.fields.get('/acceptTerms'));
    return html`<h2 part="heading" id="heading">${text.offerHeading()}</h2>
      <p part="message">${text.offer()}</p>
      <form part="opt-in" novalidate @submit=${this.#submit}>
        <div class="field">
          <label part="terms">
            <input
              part="accept"
              type="checkbox"
              .checked=${this.accepted}
              aria-invalid=${fieldError ? 'true' : 'false'}
              aria-describedby=${fieldError ? 'terms-error' : nothing}
              @change=${this.#onAccept}
            />
            <span>${text.accept(acceptance.termsVersion)}</span>
          </label>
          <slot name="terms"></slot>
        </div>
        ${fieldError ? html`<p part="field-error" id="terms-error">${fieldError}</p>` : nothing}
        ${failed && !fieldError ? errorView(failed, () => this.#turnOn(acceptance)) : nothing}
        <button
          part="enable"
          class="button primary"
          type="submit"
          ?disabled=${this.#enable.pending}
          aria-busy=${this.#enable.pending ? 'true' : 'false'}
        >
          ${text.enable()}
        </button>
      </form>`;
  }

  /**
   * What the banner says now, and until when (the cycle it is about); undefined when there is
   * nothing to say to this viewer, or they dismissed it for this cycle.
   */
  #view(overview: BillingOverview): AutoFlexDismissal | undefined {
    const viewer = this.#billing.viewer ?? overview.viewer;
    const { autoFlex, subscription, plan } = overview;
    // Auto-flex exists on prorate teams only; `termsVersion` is null where it is not offered.
    if (!audience.includes(viewer.role) || subscription.policy !== 'prorate') return undefined;
    if (autoFlex.termsVersion === null) return undefined;
    let view: AutoFlexDismissal | undefined;
    if (autoFlex.enabled) {
      const cycle = autoFlex.cycle;
      if (cycle && autoFlex.extraMembers > 0) {
        const state = overview.today >= cycle.noticeDate ? 'billing-soon' : 'pending';
        view = { state, until: cycle.billingDate };
      }
    } else if (
      viewer.permissions.manageBilling &&
      plan.prices[subscription.interval]?.amount !== 0
    ) {
      view = { state: 'offer', until: subscription.currentPeriod.end };
    }
    return view && this.#dismissedValue(overview) !== dismissalValue(view) ? view : undefined;
  }

  #acceptance(overview: BillingOverview): EnableAutoFlexRequest {
    return { acceptTerms: true, termsVersion: overview.autoFlex.termsVersion ?? '' };
  }

  #onAccept(event: Event) {
    this.accepted = (event.target as HTMLInputElement).checked;
    if (this.accepted) {
      this.acceptMissing = false;
      this.termsOutdated = false;
    }
  }

  #submit(event: SubmitEvent) {
    event.preventDefault();
    const overview = this.#overview.value;
    if (!overview) return;
    if (!this.accepted) {
      this.acceptMissing = true;
      this.shadowRoot?.querySelector<HTMLInputElement>('[part=accept]')?.focus();
      return;
    }
    void this.#turnOn(this.#acceptance(overview));
  }

  async #turnOn(acceptance: EnableAutoFlexRequest) {
    this.announcement = '';
    const enabled = await this.#enable.run(acceptance);
    const refused = this.#enable.errorFor(acceptance);
    if (refused && describeError(refused).code === 'terms_version_outdated') {
      // The terms changed since they were shown: show the new version, to be accepted anew.
      this.accepted = false;
      this.termsOutdated = true;
      await this.#billing.store?.refresh(['overview', 'autoFlex']);
    }
    if (!enabled) return;
    this.justEnabled = true;
    this.accepted = false;
    this.announcement = text.enabledHeading();
    const event = new AutoFlexEnabledEvent(enabled);
    this.dispatchEvent(event);
  }

  #dismiss(view: AutoFlexDismissal | undefined) {
    const overview = this.#overview.value;
    this.justEnabled = false;
    this.announcement = '';
    if (!view || !overview) return;
    this.#dismissed = dismissalValue(view);
    try {
      localStorage.setItem(storagePrefix + overview.subscription.id, this.#dismissed);
    } catch {
      // Storage can be unavailable (a sandboxed frame, a privacy mode): dismissed for this page.
    }
    this.requestUpdate();
    const event = new AutoFlexDismissEvent(view);
    this.dispatchEvent(event);
  }

  /** The dismissal stored for this team (one per team: a new cycle simply no longer matches). */
  #dismissedValue(overview: BillingOverview): string | null {
    const key = storagePrefix + overview.subscription.id;
    if (this.#dismissedFor !== key) {
      this.#dismissedFor = key;
      try {
        this.#dismissed = localStorage.getItem(key);
      } catch {
        this.#dismissed = null;
      }
    }
    return this.#dismissed;
  }
}

/**
 * A dismissal holds for what the banner said in that cycle: it comes back next cycle, and when
 * the notice window opens (billing is then close, which is news).
 */
function dismissalValue(view: AutoFlexDismissal): string {
  return `${view.state}@${view.until}`;
}

customElements.define('bk-auto-flex-banner', BkAutoFlexBanner);

declare global {
  interface HTMLElementTagNameMap {
    'bk-auto-flex-banner': BkAutoFlexBanner;
  }
}
