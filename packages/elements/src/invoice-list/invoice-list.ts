import type { Invoice } from '@billkit/sdk';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../billing-provider/billing-provider.js';
import { BillingController } from '../core/billing-controller.js';
import { isAbort } from '../core/errors.js';
import { Mutation } from '../core/mutation.js';
import { quoteLines, quoteStyles } from '../core/quote.js';
import { invoicePageResource, overviewResource } from '../core/resources.js';
import { errorView, loadingView, skeleton } from '../core/states.js';
import { formatDate, formatMoney } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import { commonText, invoiceListText as text } from '../i18n/messages.js';
import { tokens } from '../styles/tokens.js';
import { InvoicePaidEvent, InvoicePayRequestEvent } from './events.js';
import { invoiceListStyles } from './invoice-list.styles.js';

/** The pages loaded so far (each page's invoices not already on an earlier page), and why the next one failed. */
interface Loaded {
  pages: Invoice[][];
  more: boolean;
  error?: unknown;
}

type StatusKey = Invoice['status'] | 'pastDue';

/** The part names of each status badge (also `status`). */
const statusPart: Record<StatusKey, string> = {
  draft: 'status status-draft',
  open: 'status status-open',
  pastDue: 'status status-past-due',
  paid: 'status status-paid',
  void: 'status status-void',
  uncollectible: 'status status-uncollectible',
};

const columns = [
  'number',
  'status',
  'issued',
  'due',
  'total',
  'creditApplied',
  'amountDue',
] as const;

const chevron = html`<svg part="chevron" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
  <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round" />
</svg>`;

const downloadIcon = html`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
  <path d="M8 2.5v8M4.5 7 8 10.5 11.5 7M3 13.5h10" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" />
</svg>`;

/**
 * The team's invoices, newest first, a page at a time ("Load more", or by itself on scroll with
 * `infinite`): number, status, issue and due dates, total, credit applied and amount due, each
 * invoice's lines with their reasons on demand, its PDF, and "Pay now" for open invoices. Only
 * the pages loaded are rendered, and a new page renders only its own rows. Viewers who may not
 * see invoices (members, visitors) are told so, and nothing is requested.
 *
 * @summary Invoices with their lines, PDF and pay now, paginated.
 *
 * @fires {InvoicePayRequestEvent} bk-invoice-pay-request - Cancelable, before an invoice is paid:
 * `detail` is `{ invoice }`; `preventDefault()` vetoes, `waitFor(promise)` defers.
 * @fires {InvoicePaidEvent} bk-invoice-paid - Once an invoice is paid; `detail` is the API's invoice.
 *
 * @csspart base - The card.
 * @csspart heading - The title.
 * @csspart table-scroll - The table's scrolling container.
 * @csspart table - The table of invoices.
 * @csspart header - The column headers' row.
 * @csspart row - One invoice.
 * @csspart number - The invoice number's cell.
 * @csspart toggle - Shows or hides the invoice's lines (`aria-expanded`).
 * @csspart chevron - The toggle's arrow.
 * @csspart status - The status badge (also one of the `status-*` parts below).
 * @csspart status-draft - The badge of a draft.
 * @csspart status-open - The badge of an open invoice.
 * @csspart status-past-due - The badge of an open invoice whose payment failed.
 * @csspart status-paid - The badge of a paid invoice.
 * @csspart status-void - The badge of a void invoice.
 * @csspart status-uncollectible - The badge of an uncollectible invoice.
 * @csspart issued - The issue date.
 * @csspart due - The due date.
 * @csspart total - The total.
 * @csspart credit-applied - The credit applied.
 * @csspart amount-due - The amount due.
 * @csspart actions - The row's buttons.
 * @csspart download - Downloads the PDF (an icon button, named for assistive technology).
 * @csspart pay - Pays the amount due.
 * @csspart details - The invoice's lines and who it is billed to (shown on demand).
 * @csspart billed-to - Who the invoice is billed to, and when it was paid.
 * @csspart lines - The invoice's lines.
 * @csspart line - One line: what, period and amount.
 * @csspart line-period - The days a line covers.
 * @csspart line-amount - A line's amount.
 * @csspart row-error - Why a download or payment of that invoice failed, with a retry.
 * @csspart footer - The count shown and "Load more".
 * @csspart count - How many invoices are shown.
 * @csspart load-more - Loads the next page.
 * @csspart status-message - Announces a payment.
 * @csspart empty - The empty state.
 * @csspart permission-note - Why the viewer cannot see invoices.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - A load, download or payment error.
 * @csspart error-message - What went wrong.
 * @csspart retry - Tries again.
 *
 * @cssproperty --bk-invoice-list-accent - Accent of the toggle focus and Pay now (default `--bk-color-accent`).
 * @cssproperty --bk-invoice-list-max-width - Widest the card grows (default 64rem).
 */
export class BkInvoiceList extends LitElement {
  static override styles = [tokens, quoteStyles, invoiceListStyles];
  static override properties = {
    infinite: { type: Boolean, reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    pageCount: { state: true },
    expanded: { state: true },
    pdf: { state: true },
    announcement: { state: true },
    payingId: { state: true },
  };

  /**
   * Load the next page by itself when "Load more" scrolls into view (the button stays, for
   * keyboards).
   */
  infinite = false;

  /** Invoices per page, 1 to 100. */
  pageSize = 25;

  readonly #billing = new BillingController(this);
  readonly #overview = this.#billing.load(overviewResource);

  /** How many pages the viewer asked for. */
  private pageCount = 1;
  /** The invoices whose lines are shown (replaced, never mutated, so rows re-render). */
  private expanded = new Set<string>();
  /** The PDF under way or that failed. */
  private pdf: { id: string; error?: unknown } | undefined;
  private announcement = '';
  /** The invoice of the last payment asked for. */
  private payingId: string | undefined;

  /** Aborts the PDF downloads under way when the element leaves the page. */
  #downloads = new AbortController();
  /** The page whose first invoice takes the focus if "Load more" had it and is gone. */
  #focusPage: number | undefined;
  #observer: IntersectionObserver | undefined;
  #observed: Element | undefined;
  #observedFor: Loaded | undefined;

  /**
   * Every page asked for, each from the store (loaded once, shared, reloaded after a payment);
   * pages already loaded answer at once, so "Load more" requests only the new one. A failed
   * later page keeps the earlier ones on screen.
   */
  readonly #pages = new Task(this, {
    args: () => {
      const store = this.#billing.store;
      const limit = this.#limit;
      return [
        store,
        this.#viewer?.permissions.viewInvoices,
        limit,
        this.pageCount,
        store?.revision(invoicePageResource({ limit })),
      ] as const;
    },
    task: async ([store, allowed, limit, count], { signal }): Promise<Loaded> => {
      if (!store || !allowed) return initialState as never;
      const pages: Invoice[][] = [];
      const seen = new Set<string>();
      let cursor: string | undefined;
      let more = true;
      while (more && pages.length < count) {
        let page: { data: Invoice[]; nextCursor: string | null };
        try {
          page = await store.get(invoicePageResource({ cursor, limit }), { signal });
        } catch (error) {
          if (pages.length === 0 || signal.aborted) throw error;
          return { pages, more, error };
        }
        // A page keeps its identity (so its rows are not re-rendered) unless an invoice
        // issued meanwhile pushed one of its invoices onto the page before.
        const fresh = page.data.filter((invoice) => !seen.has(invoice.id));
        for (const invoice of fresh) seen.add(invoice.id);
        pages.push(fresh.length === page.data.length ? page.data : fresh);
        cursor = page.nextCursor ?? undefined;
        more = cursor !== undefined;
      }
      return { pages, more };
    },
  });

  readonly #pay = new Mutation<string, Invoice>(this, this.#billing, {
    name: 'payInvoice',
    request: (id) => new InvoicePayRequestEvent({ invoice: this.#find(id)! }),
    perform: (client, id, { idempotencyKey, signal }) =>
      client.invoices.pay(id, { idempotencyKey, signal }),
  });

  get #viewer() {
    return this.#billing.viewer ?? this.#overview.value?.viewer;
  }

  get #limit() {
    return Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 25));
  }

  override render() {
    const locale = this.#billing.locale;
    return html`<section part="base" class="card" lang=${ifDefined(locale)} aria-labelledby="heading">
      ${locale ? html`<h2 part="heading" id="heading">${text.heading()}</h2>${this.#renderBody(locale)}` : skeleton(commonText.loading(), 4)}
    </section>`;
  }

  #renderBody(locale: Locale) {
    const viewer = this.#viewer;
    if (!viewer) return loadingView(locale, [this.#overview]);
    if (!viewer.permissions.viewInvoices) {
      return html`<p part="permission-note">${text.notAllowed()}</p>`;
    }
    const loaded = this.#pages.value;
    if (!loaded) return loadingView(locale, [this.#pages]);
    const shown = loaded.pages.reduce((sum, page) => sum + page.length, 0);
    if (shown === 0) {
      return html`<div part="empty">
        <p><strong>${text.empty()}</strong></p>
        <p class="muted">${text.emptyHint()}</p>
      </div>`;
    }
    const canPay = viewer.permissions.manageBilling;
    const loadingMore = this.#pages.status === TaskStatus.PENDING;
    return html`<div part="table-scroll">
        <table part="table">
          <thead>
            <tr part="header">
              ${columns.map((column) => html`<th scope="col" class=${column}>${text[column]()}</th>`)}
              <th scope="col"><span class="visually-hidden">${text.actions()}</span></th>
            </tr>
          </thead>
          ${loaded.pages.map((page, index) =>
            guard(
              [
                page,
                this.#billing.locale,
                canPay,
                this.expanded,
                this.pdf,
                this.#pay.task.status,
                this.payingId,
              ],
              () =>
                html`<tbody>${page.map((invoice, row) => this.#renderRow(invoice, `${index}-${row}`, canPay))}</tbody>`,
            ),
          )}
        </table>
      </div>
      ${loaded.error ? errorView(loaded.error, () => this.#pages.run()) : nothing}
      <div part="footer">
        <p part="count" role="status">${text.shown(shown)}</p>
        ${
          loaded.more
            ? html`<button
              part="load-more"
              class="button"
              type="button"
              aria-busy=${loadingMore ? 'true' : 'false'}
              @click=${() => this.#loadMore(true)}
            >
              ${loadingMore ? commonText.loading() : text.loadMore()}
            </button>`
            : nothing
        }
      </div>
      <p part="status-message" role="status">${this.announcement}</p>`;
  }

  #renderRow(invoice: Invoice, key: string, canPay: boolean) {
    const open = this.expanded.has(invoice.id);
    const status: StatusKey =
      invoice.status === 'open' && invoice.attempts > 0 ? 'pastDue' : invoice.status;
    const paying = this.#pay.pending && this.payingId === invoice.id;
    const payable = canPay && invoice.status === 'open' && invoice.amountDue.amount > 0;
    const downloading = this.pdf?.id === invoice.id && !this.pdf.error;
    const payError = this.#pay.errorFor(invoice.id);
    const error = payError ?? (this.pdf?.id === invoice.id ? this.pdf.error : undefined);
    const amountDue = formatMoney(invoice.amountDue);
    return html`<tr part="row">
        <th scope="row" part="number">
          <button
            part="toggle"
            type="button"
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls=${`details-${key}`}
            @click=${() => this.#toggle(invoice.id)}
          >
            ${chevron}<span>${invoice.number}</span>
          </button>
        </th>
        <td><span part=${statusPart[status]}>${text[status]()}</span></td>
        <td part="issued">${formatDate(invoice.issueDate)}</td>
        <td part="due">${formatDate(invoice.dueDate)}</td>
        <td part="total">${formatMoney(invoice.total)}</td>
        <td part="credit-applied">${formatMoney(invoice.creditApplied)}</td>
        <td part="amount-due">${amountDue}</td>
        <td part="actions">
          ${
            payable
              ? html`<button
                part="pay"
                class="button primary"
                type="button"
                aria-label=${paying ? commonText.working() : text.payLabel(amountDue, invoice.number)}
                aria-busy=${paying ? 'true' : 'false'}
                @click=${() => this.#payNow(invoice.id)}
              >
                ${paying ? commonText.working() : text.pay()}
              </button>`
              : nothing
          }
          ${
            invoice.status === 'draft'
              ? nothing
              : html`<button
                part="download"
                class="button"
                type="button"
                aria-label=${text.downloadLabel(invoice.number)}
                title=${text.download()}
                aria-busy=${downloading ? 'true' : 'false'}
                @click=${() => this.#download(invoice)}
              >
                ${downloadIcon}
              </button>`
          }
        </td>
      </tr>
      ${
        open
          ? html`<tr part="details" id=${`details-${key}`}>
            <td colspan="8">
              <p part="billed-to">
                ${text.billedTo(invoice.billingDetails.companyName ?? invoice.billingDetails.email)}
                ${invoice.paidAt ? html` · ${text.paidOn(formatDate(invoice.paidAt))}` : nothing}
              </p>
              ${quoteLines(invoice.lines)}
            </td>
          </tr>`
          : nothing
      }
      ${
        error
          ? html`<tr part="row-error">
            <td colspan="8">
              ${errorView(error, () => (payError ? this.#payNow(invoice.id) : this.#download(invoice)))}
            </td>
          </tr>`
          : nothing
      }`;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('pageSize')) this.pageCount = 1;
  }

  protected override updated() {
    const button = this.renderRoot.querySelector('[part~=load-more]') ?? undefined;
    if (this.#focusPage !== undefined && this.#pages.status !== TaskStatus.PENDING) {
      // The last page is in and "Load more", which had the focus, is gone: keep the keyboard
      // user where the new invoices start rather than on the page's body.
      if (!button) {
        const tbody = this.renderRoot.querySelectorAll('tbody')[this.#focusPage];
        tbody?.querySelector<HTMLElement>('[part~=toggle]')?.focus();
      }
      this.#focusPage = undefined;
    }
    if (!this.infinite || !button) {
      this.#observer?.disconnect();
      this.#observed = undefined;
      return;
    }
    // Observing again after each page makes the observer report where the button is now: if a
    // page did not push it out of view, the next one loads too.
    if (button !== this.#observed || this.#pages.value !== this.#observedFor) {
      this.#observer ??= new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) this.#loadMore(false);
      });
      this.#observer.disconnect();
      this.#observer.observe(button);
      this.#observed = button;
      this.#observedFor = this.#pages.value;
    }
  }

  override connectedCallback() {
    super.connectedCallback();
    if (this.#downloads.signal.aborted) this.#downloads = new AbortController();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#downloads.abort();
    this.#observer?.disconnect();
    this.#observed = undefined;
  }

  /** Asks for the next page; a click on "Load more" after a failed page tries it again. */
  #loadMore(byUser: boolean) {
    const loaded = this.#pages.value;
    if (!loaded?.more || this.#pages.status === TaskStatus.PENDING) return;
    const next = loaded.pages.length + 1;
    const button = this.renderRoot.querySelector('[part~=load-more]');
    if (button && this.shadowRoot?.activeElement === button) this.#focusPage = loaded.pages.length;
    if (next !== this.pageCount) this.pageCount = next;
    else if (byUser) void this.#pages.run();
  }

  #toggle(id: string) {
    const expanded = new Set(this.expanded);
    if (!expanded.delete(id)) expanded.add(id);
    this.expanded = expanded;
  }

  /** The PDF through the API, saved under the invoice's number. */
  async #download(invoice: Invoice) {
    const store = this.#billing.store;
    if (!store || (this.pdf?.id === invoice.id && !this.pdf.error)) return;
    this.pdf = { id: invoice.id };
    try {
      const blob = await store.client.invoices.getPdf(invoice.id, {
        signal: this.#downloads.signal,
      });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${invoice.number}.pdf`;
      link.click();
      // The download has taken the file once the click is handled; then free the memory.
      setTimeout(() => URL.revokeObjectURL(url));
      this.pdf = undefined;
    } catch (error) {
      this.pdf = isAbort(error) ? undefined : { id: invoice.id, error };
    }
  }

  async #payNow(id: string) {
    this.announcement = '';
    if (this.pdf?.id === id) this.pdf = undefined;
    if (!this.#pay.pending) this.payingId = id;
    const paid = await this.#pay.run(id);
    if (!paid) return;
    this.announcement = text.payDone(paid.number);
    this.dispatchEvent(new InvoicePaidEvent(paid));
  }

  #find(id: string): Invoice | undefined {
    return this.#pages.value?.pages.flat().find((invoice) => invoice.id === id);
  }
}

customElements.define('bk-invoice-list', BkInvoiceList);

declare global {
  interface HTMLElementTagNameMap {
    'bk-invoice-list': BkInvoiceList;
  }
}
