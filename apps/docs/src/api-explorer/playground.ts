import {
  type BillingMock,
  createBillingMock,
  type ScenarioName,
  scenarios,
  tokenFor,
} from '@billkit/mocks';
import {
  type BillingClient,
  type BillingEvent,
  type BillingOverview,
  type ChangeQuote,
  createBillingClient,
  type Invoice,
  isAmountChangedError,
  isBillingApiError,
  type Plan,
  type SubscriptionChange,
} from '@billkit/sdk';
import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { mockBaseUrl } from '../mock-worker.js';
import { formatCount, formatDate, formatMoney } from './format.js';
import { playgroundStyles } from './playground.styles.js';

type Role = BillingOverview['viewer']['role'];
const roles: Role[] = ['admin', 'billing', 'member', 'visitor'];

const paymentWords: Record<BillingOverview['payment']['status'], string> = {
  ok: 'in good standing',
  failing: 'failing, retrying',
  past_due: 'past due',
  deactivated: 'deactivated',
};

/** Whether a change names anything to change (the API refuses one that names only its timing). */
function asksForChange(change: SubscriptionChange): boolean {
  return (
    change.planId !== undefined ||
    change.interval !== undefined ||
    change.seats !== undefined ||
    change.addOns !== undefined
  );
}
const scenarioNames = Object.keys(scenarios) as ScenarioName[];

/** What an applied change did: the invoice's total, and what was charged or is left to pay. */
function appliedMessage(invoice: Invoice | null, quote: ChangeQuote): string {
  if (!invoice) return `Scheduled for ${formatDate(quote.effectiveDate)}.`;
  const settled =
    invoice.amountDue.amount > 0
      ? `${formatMoney(invoice.amountDue)} due`
      : `${formatMoney(invoice.amountPaid)} charged`;
  return `Applied: invoice ${invoice.number} for ${formatMoney(invoice.total)}, ${settled}.`;
}

/**
 * The billing API playground: a scenario of the mock backend served by MSW in this page, called
 * through `@billkit/sdk`, with the test clock and membership controls beside it.
 */
/** Swaps the MSW worker's handlers to serve `mock`; provided by main.ts. */
export type ServeMock = (mock: BillingMock) => void;

@customElement('docs-playground')
export class DocsPlayground extends LitElement {
  static override styles = playgroundStyles;

  serveMock: ServeMock = () => {};

  @state() private scenario: ScenarioName = 'professional-annual-autoflex';
  @state() private viewerRole: Role = 'admin';
  @state() private overview: BillingOverview | undefined;
  @state() private plans: Plan[] = [];
  @state() private invoices: Invoice[] = [];
  @state() private invoicesCursor: string | null = null;
  @state() private events: BillingEvent[] = [];
  @state() private change: SubscriptionChange = { timing: 'immediately' };
  @state() private quote: ChangeQuote | undefined;
  @state() private message: { kind: 'error' | 'info'; text: string; fields?: string[] } | undefined;
  /** Actions still running; several can overlap (a role switch during a refresh). */
  @state() private running = 0;

  private mock!: BillingMock;
  private client!: BillingClient;
  /** Counts refreshes, so that only the latest one shows its answer. */
  private refreshes = 0;

  /** Loads the first scenario; called once the page can serve it (see main.ts). */
  start(): void {
    this.load(this.scenario);
  }

  private load(scenario: ScenarioName): void {
    this.scenario = scenario;
    this.mock = createBillingMock({ scenario, baseUrl: mockBaseUrl() });
    this.serveMock(this.mock);
    this.connect();
    this.quote = undefined;
    this.message = undefined;
    void this.refresh();
  }

  /** Runs one user action, showing its API error (and keeping the form) when it fails. */
  private async run(action: () => Promise<unknown>): Promise<void> {
    this.running++;
    try {
      await action();
    } catch (error) {
      this.message = isBillingApiError(error)
        ? {
            kind: 'error',
            text: `${error.status} ${error.code}: ${error.detail ?? error.title}`,
            fields: error.fieldErrors.map((field) => `${field.pointer}: ${field.message}`),
          }
        : { kind: 'error', text: String(error) };
    } finally {
      this.running--;
    }
  }

  /** A client for the current viewer: its token is fixed, so a request never changes role midway. */
  private connect(): void {
    const token = tokenFor(this.viewerRole);
    this.client = createBillingClient({
      baseUrl: this.mock.baseUrl,
      teamId: this.mock.teamId,
      getToken: () => token,
    });
  }

  private refresh(): Promise<void> {
    const refresh = ++this.refreshes;
    // Captured once: a role switch mid-refresh must not send the new viewer's token for the old viewer's plan.
    const client = this.client;
    const isLatest = () => refresh === this.refreshes;
    return this.run(async () => {
      try {
        const [overview, plans] = await Promise.all([client.overview.get(), client.plans.list()]);
        // The viewer's own permissions decide what else to ask for (members see no invoices).
        const noPage = { data: [], nextCursor: null };
        const [invoices, events] = overview.viewer.permissions.viewInvoices
          ? await Promise.all([
              client.invoices.list({ limit: 10 }),
              client.events.list({ limit: 8 }),
            ])
          : [noPage, noPage];
        // A newer refresh (another role, scenario or day) started meanwhile: its answer wins.
        if (!isLatest()) return;
        this.overview = overview;
        this.plans = plans.data;
        this.invoices = invoices.data;
        this.invoicesCursor = invoices.nextCursor;
        this.events = events.data;
      } catch (error) {
        // So does its error: a superseded refresh has nothing left to report.
        if (isLatest()) throw error;
      }
    });
  }

  private advance(days: number): Promise<void> {
    this.mock.clock.advance({ days });
    this.message = { kind: 'info', text: `Test clock: ${formatDate(this.mock.clock.today())}` };
    return this.refresh();
  }

  private addMember(): Promise<void> {
    return this.run(async () => {
      const member = this.mock.members.add({ role: 'member' });
      this.message = { kind: 'info', text: `${member.name ?? member.id} joined the team.` };
      await this.refresh();
    });
  }

  private preview(): Promise<void> {
    this.message = undefined;
    this.quote = undefined;
    return this.run(async () => {
      this.quote = await this.client.subscription.preview(this.change);
    });
  }

  /**
   * Applies the change at the amount `quote` shows, or not at all: when the price moved since
   * (the day turned, credits changed, the form was edited) the new quote is shown instead.
   */
  private apply(quote: ChangeQuote): Promise<void> {
    return this.run(async () => {
      const client = this.client;
      const { version } = await client.subscription.get();
      try {
        const applied = await client.subscription.apply(
          { ...this.change, expectedAmountDue: quote.amountDueNow },
          { ifMatch: version },
        );
        this.quote = undefined;
        this.message = { kind: 'info', text: appliedMessage(applied.invoice, applied.quote) };
      } catch (error) {
        if (!isAmountChangedError(error)) throw error;
        this.quote = error.problem.quote;
        this.message = {
          kind: 'info',
          text: `The price changed since the preview: ${formatMoney(this.quote.amountDueNow)} is due now. Nothing was charged; review the new quote and apply again.`,
        };
      }
      await this.refresh();
    });
  }

  private loadMoreInvoices(): Promise<void> {
    return this.run(async () => {
      const page = await this.client.invoices.list({
        limit: 10,
        cursor: this.invoicesCursor ?? undefined,
      });
      this.invoices = [...this.invoices, ...page.data];
      this.invoicesCursor = page.nextCursor;
    });
  }

  /** Refunds what is left of `invoice` to its payment method (one idempotency key per click). */
  private refund(invoice: Invoice): Promise<void> {
    return this.run(async () => {
      await this.client.invoices.refund(invoice.id, { destination: 'payment_method' });
      this.message = {
        kind: 'info',
        text: `Refunded ${formatMoney(invoice.refundable.available)} of ${invoice.number} to its payment method.`,
      };
      await this.refresh();
    });
  }

  private openPdf(invoice: Invoice): Promise<void> {
    return this.run(async () => {
      const pdf = await this.client.invoices.getPdf(invoice.id);
      window.open(URL.createObjectURL(pdf), '_blank', 'noopener');
    });
  }

  private updateChange(patch: Partial<SubscriptionChange>): void {
    const next: SubscriptionChange = { ...this.change, ...patch };
    for (const key of Object.keys(patch) as (keyof SubscriptionChange)[]) {
      if (next[key] === undefined || next[key] === '') delete next[key];
    }
    this.change = next;
  }

  override render() {
    return html`
      <header part="header">
        <h1>API explorer</h1>
        <p>The billing API, served in this page by the mock backend and called through <code>@billkit/sdk</code>.</p>
        <div class="controls">
          <label>Scenario
            <select @change=${(e: Event) => this.load((e.target as HTMLSelectElement).value as ScenarioName)}>
              ${scenarioNames.map((name) => html`<option value=${name} ?selected=${name === this.scenario}>${name}</option>`)}
            </select>
          </label>
          <label>Viewer role
            <select @change=${(e: Event) => {
              this.viewerRole = (e.target as HTMLSelectElement).value as Role;
              // What the previous viewer was shown (a quote, an error) is not this viewer's.
              this.quote = undefined;
              this.message = undefined;
              this.connect();
              void this.refresh();
            }}>
              ${roles.map((role) => html`<option value=${role} ?selected=${role === this.viewerRole}>${role}</option>`)}
            </select>
          </label>
          <span class="clock" aria-live="polite">Today: <strong>${this.mock ? formatDate(this.mock.clock.today()) : ''}</strong></span>
          ${[1, 7, 30].map((days) => html`<button ?disabled=${this.running > 0} @click=${() => this.advance(days)}>+${days} d</button>`)}
          <button ?disabled=${this.running > 0} @click=${() => this.addMember()}>Add a member</button>
        </div>
        <p class="scenario">${scenarios[this.scenario].description ?? ''}</p>
      </header>
      ${
        this.message
          ? html`<div class="message ${this.message.kind}" role=${this.message.kind === 'error' ? 'alert' : 'status'}>
            ${this.message.text}
            ${this.message.fields?.length ? html`<ul>${this.message.fields.map((f) => html`<li>${f}</li>`)}</ul>` : nothing}
          </div>`
          : nothing
      }
      <main>${this.overview ? this.renderOverview(this.overview) : html`<p>Loading…</p>`}
        ${this.renderChange()} ${this.renderInvoices()} ${this.renderEvents()}
      </main>
    `;
  }

  private renderOverview(overview: BillingOverview) {
    const { subscription, seats, payment, nextInvoice, notices } = overview;
    return html`<section aria-labelledby="overview-title">
      <h2 id="overview-title">${overview.plan.name} · ${subscription.interval === 'year' ? 'annual' : 'monthly'}
        <span class="status ${subscription.status}">${subscription.status}</span></h2>
      <dl>
        <dt>Period</dt><dd>${formatDate(subscription.currentPeriod.start)} – ${formatDate(subscription.currentPeriod.end)}</dd>
        <dt>Seats</dt><dd>${formatCount(seats.inUse)} in use of ${formatCount(seats.purchased)} purchased${seats.autoFlexExtra ? html`, ${formatCount(seats.autoFlexExtra)} auto-flex extra` : nothing}</dd>
        ${
          overview.viewer.permissions.viewInvoices
            ? html`<dt>Next invoice</dt><dd>${nextInvoice ? html`${formatMoney(nextInvoice.amount)} on ${formatDate(nextInvoice.date)}` : 'none scheduled'}</dd>`
            : nothing
        }
        <dt>Credit balance</dt><dd>${formatMoney(overview.credits.balance)}</dd>
        <dt>Payment</dt><dd>${paymentWords[payment.status]}${payment.failedAttempts ? `, failed attempts: ${formatCount(payment.failedAttempts)}` : ''}${payment.graceEndsAt ? `, deactivation on ${formatDate(payment.graceEndsAt)} unless paid` : ''}</dd>
        ${
          overview.autoFlex.enabled
            ? html`<dt>Auto-flex</dt><dd>extra members: ${formatCount(overview.autoFlex.extraMembers)}, ${formatMoney(overview.autoFlex.estimatedCharge)}${overview.autoFlex.cycle ? ` on ${formatDate(overview.autoFlex.cycle.billingDate)}` : ''}</dd>`
            : nothing
        }
      </dl>
      ${
        notices.length
          ? html`<ul class="notices">${notices.map((n) => html`<li class=${n.severity}>${n.message}</li>`)}</ul>`
          : nothing
      }
    </section>`;
  }

  private renderChange() {
    const allowed = this.overview?.viewer.permissions.manageBilling ?? false;
    return html`<section aria-labelledby="change-title">
      <h2 id="change-title">Change the subscription</h2>
      <form @submit=${(e: Event) => {
        e.preventDefault();
        void this.preview();
      }}>
        <label>Plan <select @change=${(e: Event) => this.updateChange({ planId: (e.target as HTMLSelectElement).value || undefined })}>
          <option value="">(keep)</option>
          ${this.plans.map((plan) => html`<option value=${plan.id} ?selected=${plan.id === this.change.planId}>${plan.name}</option>`)}
        </select></label>
        <label>Interval <select @change=${(e: Event) => this.updateChange({ interval: ((e.target as HTMLSelectElement).value || undefined) as SubscriptionChange['interval'] })}>
          <option value="">(keep)</option><option value="month">monthly</option><option value="year">annual</option>
        </select></label>
        <label>Seats <input type="number" inputmode="numeric" .value=${this.change.seats?.toString() ?? ''}
          @input=${(e: Event) => {
            const raw = (e.target as HTMLInputElement).value;
            this.updateChange({ seats: raw === '' ? undefined : Number(raw) });
          }} /></label>
        <label>Timing <select @change=${(e: Event) => this.updateChange({ timing: (e.target as HTMLSelectElement).value as SubscriptionChange['timing'] })}>
          <option value="immediately">immediately</option><option value="at_renewal">at renewal</option>
        </select></label>
        <button type="submit" ?disabled=${this.running > 0 || !asksForChange(this.change)} title=${asksForChange(this.change) ? '' : 'Pick a plan, an interval or a number of seats first'}>Preview</button>
        <button type="button" ?disabled=${this.running > 0 || !this.quote?.possible || !allowed} @click=${() => this.quote && this.apply(this.quote)}>Apply</button>
      </form>
      ${this.quote ? this.renderQuote(this.quote) : nothing}
    </section>`;
  }

  private renderQuote(quote: ChangeQuote) {
    const { restriction } = quote;
    return html`<div class="quote">
      ${restriction ? html`<p class="restriction" role="note">${restriction.message}${restriction.allowedTiming ? ` (possible ${restriction.allowedTiming.replace('_', ' ')})` : ''}</p>` : nothing}
      ${
        quote.lines.length
          ? html`<table>
        <thead><tr><th>Line</th><th>Qty</th><th>Unit</th><th>Amount</th></tr></thead>
        <tbody>${quote.lines.map((line) => html`<tr><td>${line.description}</td><td>${formatCount(line.quantity)}</td><td>${formatMoney(line.unitAmount)}</td><td>${formatMoney(line.amount)}</td></tr>`)}</tbody>
      </table>`
          : nothing
      }
      ${
        quote.possible
          ? html`<p>Due now <strong>${formatMoney(quote.amountDueNow)}</strong> · effective ${formatDate(quote.effectiveDate)} · next renewal ${formatMoney(quote.nextRenewal.amount)} on ${formatDate(quote.nextRenewal.date)}</p>`
          : nothing
      }
    </div>`;
  }

  private renderInvoices() {
    if (!this.invoices.length) return nothing;
    const canRefund = this.overview?.viewer.permissions.manageBilling === true;
    return html`<section aria-labelledby="invoices-title">
      <h2 id="invoices-title">Invoices</h2>
      <div class="scroll" tabindex="0"><table>
        <thead><tr><th>Number</th><th>Issued</th><th>Status</th><th>Total</th><th>Credit applied</th><th>Paid</th><th>Due</th><th>Refunded</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>${this.invoices.map(
          (invoice) => html`<tr>
          <td>${invoice.number}</td><td>${formatDate(invoice.issueDate)}</td><td>${invoice.status}</td>
          <td>${formatMoney(invoice.total)}</td><td>${formatMoney(invoice.creditApplied)}</td><td>${formatMoney(invoice.amountPaid)}</td><td>${formatMoney(invoice.amountDue)}</td><td>${formatMoney(invoice.amountRefunded)}</td>
          <td><div class="actions"><button @click=${() => this.openPdf(invoice)}>PDF<span class="visually-hidden"> of ${invoice.number}</span></button>
          ${
            canRefund && invoice.refundable.available.amount > 0
              ? html`<button ?disabled=${this.running > 0} title=${`Refundable until ${formatDate(invoice.refundable.until ?? '')}`} @click=${() => this.refund(invoice)}>Refund ${formatMoney(invoice.refundable.available)}<span class="visually-hidden"> of ${invoice.number}</span></button>`
              : nothing
          }</div></td></tr>`,
        )}
        </tbody>
      </table></div>
      ${this.invoicesCursor ? html`<button ?disabled=${this.running > 0} @click=${() => this.loadMoreInvoices()}>More invoices</button>` : nothing}
    </section>`;
  }

  private renderEvents() {
    if (!this.events.length) return nothing;
    return html`<section aria-labelledby="events-title">
      <h2 id="events-title">History</h2>
      <ol class="events">${this.events.map((event) => html`<li><time datetime=${event.occurredAt}>${formatDate(event.occurredAt)}</time> ${event.summary}${event.amount ? html` · ${formatMoney(event.amount)}` : nothing}</li>`)}</ol>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docs-playground': DocsPlayground;
  }
}
