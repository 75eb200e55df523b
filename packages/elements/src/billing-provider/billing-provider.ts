import { type BillingClient, type BillingClientConfig, createBillingClient } from '@billkit/sdk';
import { ContextProvider } from '@lit/context';
import { initialState, Task } from '@lit/task';
import { html, LitElement, type PropertyValues } from 'lit';
import { clientContext, localeContext, storeContext, viewerContext } from '../core/contexts.js';
import { overviewResource } from '../core/resources.js';
import { BillingStore } from '../core/store.js';
import { loadCodeTexts } from '../i18n/load-code-texts.js';
import { activateLocale, activeLocale, resolveLocale } from '../i18n/locale.js';
import { billingProviderStyles } from './billing-provider.styles.js';

/**
 * Connects the billing elements inside it to one team's billing API and shares one billing
 * store between them: each resource is loaded once however many elements show it, and after a
 * change every element shows the new state.
 *
 * Configure it with `base-url`, `team-id` and a `getToken` callback property, or give it a
 * ready SDK `client`. It has no box of its own (`display: contents`).
 *
 * @summary Configures the billing API client and shares it, the store, the locale and the
 * viewer's permissions with the `bk-*` elements inside it.
 *
 * @slot - The billing elements, anywhere in the subtree (shadow roots included).
 *
 * @cssproperty --bk-font-family - Font of every element (default: the system UI font).
 * @cssproperty --bk-font-size - Base font size (default 0.9375rem).
 * @cssproperty --bk-radius - Corner radius of cards (default 12px).
 * @cssproperty --bk-radius-control - Corner radius of buttons and inputs (default 8px).
 * @cssproperty --bk-space - The spacing unit (default 4px).
 * @cssproperty --bk-color-surface - Card background.
 * @cssproperty --bk-color-surface-subtle - Background of insets, hovers and skeletons.
 * @cssproperty --bk-color-text - Text color.
 * @cssproperty --bk-color-text-muted - Secondary text color.
 * @cssproperty --bk-color-border - Borders and dividers.
 * @cssproperty --bk-color-accent - Primary actions, selection, focus.
 * @cssproperty --bk-color-on-accent - Text on the accent color.
 * @cssproperty --bk-color-accent-subtle - Tinted backgrounds (previews, highlights).
 * @cssproperty --bk-color-danger - Errors.
 * @cssproperty --bk-color-danger-subtle - Error backgrounds.
 * @cssproperty --bk-color-success - Confirmations.
 * @cssproperty --bk-color-warning - Warnings.
 * @cssproperty --bk-color-focus - Focus ring (default: the accent).
 * @cssproperty --bk-shadow - Card shadow.
 */
export class BkBillingProvider extends LitElement {
  static override styles = billingProviderStyles;
  static override properties = {
    baseUrl: { attribute: 'base-url' },
    teamId: { attribute: 'team-id' },
    getToken: { attribute: false },
    client: { attribute: false },
    locale: { reflect: true },
    theme: { reflect: true },
  };

  /** The API's base URL, e.g. `https://api.example.com/billing/v1` (relative URLs resolve against the page). */
  baseUrl?: string;

  /** The team whose billing the elements show. */
  teamId?: string;

  /**
   * Returns the viewer's bearer token; called before every request (cache it), and with
   * `{ forceRefresh: true }` after a 401.
   */
  getToken?: BillingClientConfig['getToken'];

  /** A client the host built with `createBillingClient` (replaces `base-url`, `team-id`, `getToken`). */
  client?: BillingClient;

  /**
   * `en`, `zh-CN` or `ja` (other tags match the closest: `ja-JP` → `ja`). Default: the page's
   * `lang`, then the browser's languages, then English. The locale is page-wide
   * (one `@lit/localize` runtime per page).
   */
  locale?: string;

  /** `light` or `dark`; by default the elements follow the system's color scheme. */
  theme?: 'light' | 'dark';

  readonly #storeProvider = new ContextProvider(this, { context: storeContext });
  readonly #clientProvider = new ContextProvider(this, { context: clientContext });
  readonly #localeProvider = new ContextProvider(this, { context: localeContext });
  readonly #viewerProvider = new ContextProvider(this, { context: viewerContext });
  readonly #onStoreChange = () => this.requestUpdate();

  /** The overview, for the viewer's role and permissions (shared with the elements). */
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: a controller; it runs on its own.
  readonly #overview = new Task(this, {
    args: () => [this.store, this.store?.revision(overviewResource)] as const,
    task: ([store], { signal }) =>
      store ? store.get(overviewResource, { signal }) : (initialState as never),
    onComplete: (overview) => this.#viewerProvider.setValue(overview.viewer),
  });

  /** The store the elements share; replaced when the client configuration changes. */
  get store(): BillingStore | undefined {
    return this.#storeProvider.value;
  }

  /**
   * Reloads everything the elements show (e.g. after the host changed billing another way);
   * resolves once the new data is in.
   */
  refresh(): Promise<void> {
    return this.store?.refresh() ?? Promise.resolve();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      changed.has('client') ||
      changed.has('baseUrl') ||
      changed.has('teamId') ||
      changed.has('getToken')
    ) {
      this.#connectStore();
    }
    // On the first update too: properties a host set before the element was defined are only
    // restored by then, and without a `locale` the page's or the browser's language decides.
    if (changed.has('locale') || !this.hasUpdated) this.#switchLocale();
  }

  override render() {
    return html`<slot></slot>`;
  }

  #connectStore(): void {
    const client = this.client ?? this.#createClient();
    this.store?.removeEventListener('change', this.#onStoreChange);
    const store = client ? new BillingStore(client) : undefined;
    store?.addEventListener('change', this.#onStoreChange);
    this.#viewerProvider.setValue(undefined);
    this.#clientProvider.setValue(client);
    this.#storeProvider.setValue(store);
  }

  #createClient(): BillingClient | undefined {
    if (!this.baseUrl || !this.teamId || !this.getToken) return undefined;
    return createBillingClient({
      baseUrl: new URL(this.baseUrl, document.baseURI).href,
      teamId: this.teamId,
      getToken: this.getToken,
    });
  }

  async #switchLocale(): Promise<void> {
    const wanted = resolveLocale(this.locale);
    // The code-keyed texts load beside the first catalog (see `code-texts.ts`).
    await Promise.all([activateLocale(wanted), loadCodeTexts()]);
    // Only the latest request wins (the attribute may change while a catalog loads).
    if (activeLocale() === wanted) this.#localeProvider.setValue(wanted);
  }
}

customElements.define('bk-billing-provider', BkBillingProvider);

declare global {
  interface HTMLElementTagNameMap {
    'bk-billing-provider': BkBillingProvider;
  }
}
