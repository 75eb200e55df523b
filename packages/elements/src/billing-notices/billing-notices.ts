import type { BillingOverview, Notice } from '@billkit/sdk';
import { TaskStatus } from '@lit/task';
import { html, LitElement, nothing, svg } from 'lit';
import '../billing-provider/billing-provider.js';
import { BillingController } from '../core/billing-controller.js';
import { overviewResource } from '../core/resources.js';
import { errorView } from '../core/states.js';
import { codeTexts } from '../i18n/load-code-texts.js';
import { billingNoticesText as text, usageMeterText } from '../i18n/messages.js';
import { tokens } from '../styles/tokens.js';
import { billingNoticesStyles } from './billing-notices.styles.js';
import { NoticeActionEvent, type NoticeActionKind } from './events.js';

type Tone = 'critical' | 'warning' | 'info';

/**
 * Dunning (billing-rules.md: payment failed → grace period → deactivated) is critical whatever
 * else the API says; every other notice keeps the API's severity, warning or info.
 */
const dunning: Partial<Record<Notice['code'], NoticeActionKind>> = {
  payment_failed: 'update-payment-method',
  grace_period: 'pay',
  deactivated: 'pay',
};

const toneOf = (notice: Notice): Tone =>
  notice.code in dunning ? 'critical' : notice.severity === 'warning' ? 'warning' : 'info';

/** One notice per code, except usage notices (one per resource). */
const keyOf = (notice: Notice) => `${notice.code}:${notice.params.resourceId ?? ''}`;

const codesOf = (value: string | null | undefined) =>
  new Set((value ?? '').split(/\s+/).filter(Boolean));

// Closing tags, not `/>`: the build's template minifier drops the slash, nesting the shapes.
const icons: Record<Tone, ReturnType<typeof svg>> = {
  critical: svg`<circle cx="10" cy="10" r="7.25"></circle><path d="M10 6.5v4.25M10 13.5v.01"></path>`,
  warning: svg`<path d="M10 3.5l7 12.5H3z"></path><path d="M10 8.5v3.25M10 14v.01"></path>`,
  info: svg`<circle cx="10" cy="10" r="7.25"></circle><path d="M10 9.5v4M10 6.5v.01"></path>`,
};

/**
 * The overview's active notices for the viewer, as a stack of alerts, most severe first:
 * dunning (a failed payment, the grace period and its deadline, a deactivated team) as
 * critical, with an action the host carries out ("Update payment method", "Pay now": the
 * element changes nothing, a `bk-invoice-list` pays); trial, seat order and usage notices as
 * warnings or information. Each reads in the viewer's language from its `code` and `params`.
 * The API already gives each viewer only the notices for them (members and visitors: a
 * deactivation only), and actions show only to those allowed to manage billing. A notice that
 * appears while the page is open is announced (`role="alert"` if critical, else politely); those
 * there on load are not. After an invoice is paid the store reloads the overview, so a paid
 * team's notices go away. Renders nothing, and is `hidden`, when there is nothing to say.
 *
 * @summary The overview's billing notices (dunning, trial, seat order, usage) as alerts.
 *
 * @fires {NoticeActionEvent} bk-notice-action - A notice's action was pressed: `detail` is
 * `{ code, action: 'pay' | 'update-payment-method', invoiceId? }`. Cancelable: a listener that
 * handles it may `preventDefault()` so others know.
 *
 * @csspart base - The stack of notices (a region named "Billing notices").
 * @csspart notice - One notice; also `notice-critical`, `notice-warning` or `notice-info`.
 * @csspart notice-critical - A critical notice (dunning).
 * @csspart notice-warning - A warning.
 * @csspart notice-info - Information.
 * @csspart icon - The notice's severity icon.
 * @csspart severity - Its severity, in words (for screen readers and at a glance).
 * @csspart message - What the notice says.
 * @csspart action - Its action button ("Pay now", "Update payment method").
 * @csspart error - A load error.
 * @csspart error-message - What went wrong.
 * @csspart retry - Tries again.
 *
 * @cssproperty --bk-billing-notices-critical-tone - Stripe and tint of critical notices
 * (default `--bk-color-danger`).
 * @cssproperty --bk-billing-notices-warning-tone - Of warnings (default `--bk-color-warning`).
 * @cssproperty --bk-billing-notices-info-tone - Of information (default `--bk-color-accent`).
 * @cssproperty --bk-billing-notices-gap - Space between notices (default 8px).
 * @cssproperty --bk-billing-notices-max-width - Widest the stack grows (default 48rem).
 */
export class BkBillingNotices extends LitElement {
  static override styles = [tokens, billingNoticesStyles];
  static override properties = {
    exclude: { reflect: true },
    include: { reflect: true },
  };

  /**
   * Notice codes not to show, space-separated. By default `auto_flex_billing_soon`, which
   * `bk-auto-flex-banner` shows with its figures; set `exclude=""` to show every notice.
   */
  exclude = 'auto_flex_billing_soon';
  /** If set, only these notice codes (space-separated) are shown, less those excluded. */
  include: string | undefined = undefined;

  readonly #billing = new BillingController(this);
  readonly #overview = this.#billing.load(overviewResource);

  /** The overview the notices were last read from, and the keys of its notices. */
  #seenOverview: BillingOverview | undefined;
  #seenKeys: Set<string> | undefined;
  /** Notices that appeared since the last overview (none on the first): announced. */
  #appeared = new Set<string>();

  override willUpdate(): void {
    const overview = this.#overview.value;
    if (!overview || overview === this.#seenOverview) return;
    const keys = new Set(overview.notices.map(keyOf));
    const before = this.#seenKeys;
    this.#appeared = new Set(before ? [...keys].filter((key) => !before.has(key)) : []);
    this.#seenOverview = overview;
    this.#seenKeys = keys;
  }

  override render() {
    const overview = this.#overview.value;
    const locale = this.#billing.locale;
    if (!locale) return nothing;
    if (!overview) {
      return this.#overview.status === TaskStatus.ERROR
        ? html`<div part="base" class="card" lang=${locale}>
            ${errorView(this.#overview.error, () => this.#overview.run())}
          </div>`
        : nothing;
    }
    const notices = this.#shown(overview.notices);
    if (notices.length === 0) return nothing;
    const canAct = overview.viewer.permissions.manageBilling;
    return html`<section part="base" lang=${locale} aria-label=${text.label()}>
      ${notices.map((notice) => this.#renderNotice(notice, canAct))}
    </section>`;
  }

  override updated(): void {
    // Nothing to say takes no room, and hosts can style or test `[hidden]`.
    this.hidden = !this.shadowRoot?.querySelector('[part~=base]');
  }

  #shown(notices: Notice[]): Notice[] {
    const include = this.include === undefined ? undefined : codesOf(this.include);
    const exclude = codesOf(this.exclude);
    return notices.filter(
      (notice) => !exclude.has(notice.code) && (!include || include.has(notice.code)),
    );
  }

  #renderNotice(notice: Notice, canAct: boolean) {
    const tone = toneOf(notice);
    const action = canAct ? dunning[notice.code] : undefined;
    const live = this.#appeared.has(keyOf(notice))
      ? tone === 'critical'
        ? 'alert'
        : 'status'
      : undefined;
    return html`<div part="notice notice-${tone}" class=${tone} role=${live ?? nothing}>
      <svg part="icon" viewBox="0 0 20 20" aria-hidden="true">${icons[tone]}</svg>
      <p class="text">
        <span part="severity">${text[tone]()}</span>
        <span part="message">${codeTexts().noticeText(notice, this.#resourceName(notice))}</span>
      </p>
      ${
        action
          ? html`<button
            part="action"
            class="button ${tone === 'critical' ? 'primary' : ''}"
            type="button"
            @click=${() => this.#act(notice, action)}
          >
            ${action === 'pay' ? text.pay() : text.updatePaymentMethod()}
          </button>`
          : nothing
      }
    </div>`;
  }

  /** A usage notice's resource in the viewer's language (the API's English name otherwise). */
  #resourceName({ params }: Notice): string {
    const id = String(params.resourceId ?? '');
    return usageMeterText.resource[id]?.() ?? String(params.resourceName ?? '');
  }

  #act(notice: Notice, action: NoticeActionKind) {
    const invoiceId = notice.params.invoiceId;
    this.dispatchEvent(
      new NoticeActionEvent({
        code: notice.code,
        action,
        ...(typeof invoiceId === 'string' ? { invoiceId } : {}),
      }),
    );
  }
}

customElements.define('bk-billing-notices', BkBillingNotices);

declare global {
  interface HTMLElementTagNameMap {
    'bk-billing-notices': BkBillingNotices;
  }
}
