// Every billkit element: those not built yet render nothing until they are.
import '@billkit/elements';
import type { NoticeActionEvent } from '@billkit/elements';
import { scenarios, tokenFor } from '@billkit/mocks';
import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { ServeHandlers } from '../mock-worker.js';
import { BackendError, DemoBackend } from './demo-backend.js';
import './billing-demo.css';
import {
  type DemoSettings,
  locales,
  parseSettings,
  policies,
  roles,
  scenarioNames,
  settingsQuery,
  themes,
} from './settings.js';

const dayFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
const formatDay = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));

/** How a settings change reaches the browser's history. */
type HistoryMode = 'push' | 'replace' | 'none';

/**
 * The docs app's home: a billing settings page composed from the billkit elements on the
 * in-page mock backend, with the demo controls beside it (scenario, policy, viewer role,
 * locale, theme and the test clock). Every setting lives in the URL's query string: a state is
 * a link, and the back button goes back to the previous one.
 *
 * Renders into the light DOM, so the page's stylesheet (a file: nothing inline, for a strict
 * CSP) lays it out and its theme tokens reach the elements.
 */
@customElement('docs-billing-demo')
export class DocsBillingDemo extends LitElement {
  /** Serves the backend's handlers in the page (main.ts passes MSW's worker). */
  serve: ServeHandlers = () => {};

  @state() private settings: DemoSettings | undefined;
  @state() private backend: DemoBackend | undefined;
  /** Bumped for every new backend: the provider and its widgets are rebuilt on it. */
  @state() private generation = 0;
  @state() private nextBillingDate: string | null = null;
  @state() private notice: string | undefined;
  /** The test clock is moving (and the widgets reloading). */
  @state() private moving = false;
  @state() private linkCopied = false;

  private getToken = () => tokenFor('admin');

  /**
   * A notice's "Pay now" / "Update payment method": the invoice list is where this page pays
   * (the demo's card is the "declines charges" switch), so take the viewer to its first Pay now.
   */
  private readonly onNoticeAction = (event: NoticeActionEvent) => {
    const list = this.renderRoot.querySelector('bk-invoice-list');
    const pay = list?.shadowRoot?.querySelector<HTMLButtonElement>('[part~=pay]');
    if (!list || !pay) return;
    event.preventDefault();
    const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
    list.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
    pay.focus({ preventScroll: true });
  };
  private readonly onPopState = () => void this.apply(parseSettings(location.search), 'none');

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
  }

  /** Shows the state the page's URL names (call once the page can serve the mock). */
  start(): Promise<void> {
    return this.apply(parseSettings(location.search), 'replace');
  }

  /** The page's provider (undefined before the first render). */
  get provider() {
    return this.querySelector('bk-billing-provider') ?? undefined;
  }

  /** Settings changes run one after another (each may build a team or move the clock). */
  #applying: Promise<void> = Promise.resolve();

  private apply(wanted: DemoSettings, mode: HistoryMode): Promise<void> {
    this.#applying = this.#applying.then(() => this.applyNow(wanted, mode));
    return this.#applying;
  }

  /** Moves to `wanted`: a new backend when the team changes, the clock forward, the URL. */
  private async applyNow(wanted: DemoSettings, mode: HistoryMode): Promise<void> {
    const current = this.settings;
    const next = { ...wanted };
    this.notice = undefined;
    this.linkCopied = false;
    let backend = this.backend;
    // The same team unless its scenario or policy changes, or the clock would go back.
    const sameTeam =
      backend !== undefined &&
      current?.scenario === next.scenario &&
      current.policy === next.policy &&
      (next.date ?? backend.startDay) >= backend.today();
    if (!backend || !sameTeam) {
      const built = await this.buildBackend(next);
      backend = built.backend;
      next.policy = built.policy;
      this.serve(backend.handlers);
    }
    const dayBefore = backend.today();
    if (next.date) {
      try {
        await backend.moveTo(next.date);
      } catch (error) {
        if (!(error instanceof BackendError) || error.name !== 'RangeError') throw error;
        this.notice = `The test clock cannot go to ${next.date}: ${error.message}.`;
      }
    }
    next.date = backend.today() === backend.startDay ? null : backend.today();
    // A new function is a new client in the provider: the widgets reload as the new viewer.
    if (next.role !== current?.role) this.getToken = () => tokenFor(next.role);
    this.backend = backend;
    if (!sameTeam) this.generation++;
    this.settings = next;
    document.documentElement.dataset.theme = next.theme;
    this.writeUrl(next, mode);
    // The same widgets on a later day: they show the new state once the provider reloads.
    if (sameTeam && backend.today() !== dayBefore) {
      await this.updateComplete;
      await this.provider?.refresh();
    }
    this.nextBillingDate = await backend.nextBillingDate();
  }

  /** A backend for `settings`; a policy the scenario contradicts falls back to the scenario's own, said in a notice. */
  private async buildBackend(
    settings: DemoSettings,
  ): Promise<{ backend: DemoBackend; policy: DemoSettings['policy'] }> {
    try {
      return {
        backend: await DemoBackend.create(settings.scenario, settings.policy),
        policy: settings.policy,
      };
    } catch (error) {
      if (!(error instanceof BackendError) || error.name !== 'ScenarioError' || !settings.policy) {
        throw error;
      }
      this.notice = `The ${settings.scenario} scenario cannot run under the ${settings.policy} policy (${error.message}), so it runs under its own.`;
      return { backend: await DemoBackend.create(settings.scenario, null), policy: null };
    }
  }

  private writeUrl(settings: DemoSettings, mode: HistoryMode): void {
    if (mode === 'none') return;
    const url = `${location.pathname}${settingsQuery(settings)}${location.hash}`;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  private change(patch: Partial<DemoSettings>): Promise<void> {
    if (!this.settings) return Promise.resolve();
    return this.apply({ ...this.settings, ...patch }, 'push');
  }

  /** Runs the test clock forward (to `day`, or by `days`), then the widgets show that day. */
  private async moveClock(to: { days: number } | { day: string }): Promise<void> {
    const backend = this.backend;
    if (!backend || !this.settings || this.moving) return;
    this.moving = true;
    try {
      const dayMs = 86_400_000;
      const day =
        'day' in to
          ? to.day
          : new Date(Date.parse(backend.today()) + to.days * dayMs).toISOString().slice(0, 10);
      await this.change({ date: day });
    } finally {
      this.moving = false;
    }
  }

  /**
   * The team's default payment method starts (or stops) declining charges: the next renewal or
   * retry fails into dunning, and Pay now is declined. Something that happens to the team, like
   * a purchase in the widgets, so not a setting in the URL (a new team starts as its scenario).
   */
  private declineCharges(decline: boolean): Promise<void> {
    this.#applying = this.#applying.then(async () => {
      await this.backend?.declineCharges(decline);
      this.requestUpdate();
    });
    return this.#applying;
  }

  private async copyLink(): Promise<void> {
    try {
      await navigator.clipboard.writeText(location.href);
      this.linkCopied = true;
    } catch {
      // No clipboard permission: the address bar has the same link.
      this.linkCopied = false;
    }
  }

  override render() {
    const settings = this.settings;
    const backend = this.backend;
    if (!settings || !backend) return html`<p class="page-loading">Starting the demo backend…</p>`;
    return html`
      <div class="demo-layout">
        ${this.renderControls(settings, backend)}
        <main class="billing-page" id="main">
          ${this.renderHeading(settings.locale)}
          ${keyed(
            this.generation,
            html`<bk-billing-provider
              base-url=${backend.baseUrl}
              team-id=${backend.teamId}
              .getToken=${this.getToken}
              locale=${settings.locale}
              theme=${settings.theme === 'dark' ? 'dark' : 'light'}
            >
              <div class="billing-grid" lang=${settings.locale}>
                <bk-billing-notices
                  class="span-all"
                  @bk-notice-action=${this.onNoticeAction}
                ></bk-billing-notices>
                <bk-auto-flex-banner class="span-all"></bk-auto-flex-banner>
                <bk-plan-picker class="span-all"></bk-plan-picker>
                <bk-seat-counter></bk-seat-counter>
                <bk-usage-meter></bk-usage-meter>
                <bk-invoice-list class="span-all"></bk-invoice-list>
              </div>
            </bk-billing-provider>`,
          )}
        </main>
      </div>
    `;
  }

  /** The host page's heading, in the page's language (the demo's stand-in for a host's own text). */
  private renderHeading(locale: DemoSettings['locale']) {
    const { heading } = locales.find(({ value }) => value === locale) ?? locales[0]!;
    return html`<div class="page-heading" lang=${locale}>
      <p class="eyebrow">${heading.eyebrow}</p>
      <h1>${heading.title}</h1>
      <p class="page-lead">${heading.lead}</p>
    </div>`;
  }

  private renderControls(settings: DemoSettings, backend: DemoBackend) {
    const select = (key: 'scenario' | 'role' | 'locale') => (event: Event) =>
      this.change({ [key]: (event.target as HTMLSelectElement).value });
    return html`<aside class="demo-controls" aria-labelledby="demo-controls-title">
      <h2 id="demo-controls-title">Demo controls</h2>
      <p class="demo-hint">Everything here runs in your browser on billkit's mock backend. Each setting is in the address bar: share the link to share this state.</p>
      <div class="field"><label for="demo-scenario">Scenario</label>
        <select id="demo-scenario" name="scenario" @change=${select('scenario')}>
          ${scenarioNames.map((name) => html`<option value=${name} ?selected=${name === settings.scenario}>${name}</option>`)}
        </select>
      </div>
      <p class="scenario-description">${scenarios[settings.scenario].description ?? ''}</p>
      <div class="field"><label for="demo-policy">Billing policy</label>
        <select id="demo-policy" name="policy" @change=${(event: Event) =>
          this.change({
            policy: ((event.target as HTMLSelectElement).value || null) as DemoSettings['policy'],
          })}>
          <option value="" ?selected=${settings.policy === null}>The scenario's own</option>
          ${policies.map((policy) => html`<option value=${policy} ?selected=${policy === settings.policy}>${policy}</option>`)}
        </select>
      </div>
      <div class="field"><label for="demo-role">Viewer role</label>
        <select id="demo-role" name="role" @change=${select('role')}>
          ${roles.map((role) => html`<option value=${role} ?selected=${role === settings.role}>${role}</option>`)}
        </select>
      </div>
      <div class="field"><label for="demo-locale">Language</label>
        <select id="demo-locale" name="locale" @change=${select('locale')}>
          ${locales.map(({ value, label }) => html`<option value=${value} lang=${value} ?selected=${value === settings.locale}>${label}</option>`)}
        </select>
      </div>
      <fieldset class="field theme-switch">
        <legend>Theme</legend>
        ${themes.map(
          ({ value, label }) => html`<label><input type="radio" name="theme" value=${value}
            .checked=${value === settings.theme} @change=${() => this.change({ theme: value })} />${label}</label>`,
        )}
      </fieldset>
      <section class="test-clock" aria-labelledby="test-clock-title">
        <h3 id="test-clock-title">Test clock</h3>
        <p class="clock-today" aria-live="polite">Today <strong data-day=${backend.today()}>${formatDay(backend.today())}</strong></p>
        <p class="clock-next">${
          this.nextBillingDate
            ? html`Next billing date <span data-day=${this.nextBillingDate}>${formatDay(this.nextBillingDate)}</span>`
            : nothing
        }</p>
        <div class="clock-buttons">
          <button type="button" name="plus-day" ?disabled=${this.moving} @click=${() => this.moveClock({ days: 1 })}>+1 day</button>
          <button type="button" name="plus-week" ?disabled=${this.moving} @click=${() => this.moveClock({ days: 7 })}>+1 week</button>
          <button type="button" name="next-billing" ?disabled=${this.moving || !this.nextBillingDate}
            @click=${() => this.nextBillingDate && this.moveClock({ day: this.nextBillingDate })}>To the next billing date</button>
        </div>
      </section>
      ${this.renderPayments(backend)}
      ${this.notice ? html`<p class="demo-notice" role="alert">${this.notice}</p>` : nothing}
      <div class="demo-links">
        <button type="button" class="link-button" @click=${() => this.copyLink()}>${this.linkCopied ? 'Link copied' : 'Copy link to this state'}</button>
        <a href=${location.pathname}>Reset</a>
      </div>
    </aside>`;
  }

  private renderPayments(backend: DemoBackend) {
    const declines = backend.declinesCharges();
    return html`<section class="payments" aria-labelledby="payments-title">
      <h3 id="payments-title">Payments</h3>
      <label class="check"><input type="checkbox" name="decline-charges" aria-describedby="payments-hint"
        .checked=${declines === true} ?disabled=${declines === null}
        @change=${(event: Event) => this.declineCharges((event.target as HTMLInputElement).checked)} />
        Payment method declines charges</label>
      <p class="demo-hint" id="payments-hint">${
        declines === null
          ? 'This team has no payment method.'
          : 'Renewals and their retries fail into dunning, and Pay now is declined, until you untick it.'
      }</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docs-billing-demo': DocsBillingDemo;
  }
}
