import type { Viewer } from '@billkit/sdk';
import { ContextConsumer } from '@lit/context';
import { updateWhenLocaleChanges } from '@lit/localize';
import { initialState, Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale } from '../i18n/locale.js';
import { localeContext, storeContext, viewerContext } from './contexts.js';
import type { Resource } from './resources.js';
import type { BillingStore } from './store.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Everything an element needs from its `bk-billing-provider`, in one controller: the store
 * (and through it the client), the locale and the viewer, all subscribed — the element
 * re-renders when any of them changes, when a store resource it shows is refreshed, and when
 * the locale's catalog has loaded.
 *
 *     readonly #billing = new BillingController(this);
 *     readonly #overview = this.#billing.load(overviewResource);
 */
export class BillingController implements ReactiveController {
  readonly #storeConsumer: ContextConsumer<typeof storeContext, Host>;
  readonly #localeConsumer: ContextConsumer<typeof localeContext, Host>;
  readonly #viewerConsumer: ContextConsumer<typeof viewerContext, Host>;
  #subscribed: BillingStore | undefined;
  readonly #onChange = () => this.#host.requestUpdate();

  readonly #host: Host;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
    updateWhenLocaleChanges(host);
    this.#storeConsumer = new ContextConsumer(host, {
      context: storeContext,
      subscribe: true,
      callback: () => this.#follow(),
    });
    this.#localeConsumer = new ContextConsumer(host, { context: localeContext, subscribe: true });
    this.#viewerConsumer = new ContextConsumer(host, { context: viewerContext, subscribe: true });
  }

  /** The provider's store; undefined outside a provider. */
  get store(): BillingStore | undefined {
    return this.#storeConsumer.value;
  }

  /**
   * The locale shown, once the provider has its catalog; until then undefined, and the element
   * shows its skeleton (not text in a language about to be replaced).
   */
  get locale(): Locale | undefined {
    return this.#localeConsumer.value;
  }

  /** The viewer's role and permissions; undefined until the overview has loaded. */
  get viewer(): Viewer | undefined {
    return this.#viewerConsumer.value;
  }

  /**
   * A task showing `resource` from the store: it runs when the element connects to a provider
   * and again whenever the store refreshes that resource (its value stays readable meanwhile).
   * Pass a function to choose the resource from the element's properties.
   */
  load<T>(resource: Resource<T> | (() => Resource<T> | undefined)): Task<unknown[], T> {
    const pick = typeof resource === 'function' ? resource : () => resource;
    return new Task(this.#host, {
      args: () => {
        const chosen = pick();
        return [this.store, chosen, chosen && this.store?.revision(chosen)];
      },
      // A parameterized resource is a new object on every render (`usageDetailResource(id)`):
      // compare by key, or every render would start the task again, and rerender, forever.
      argsEqual: ([store, chosen, revision], [nextStore, nextChosen, nextRevision]) =>
        store === nextStore &&
        revision === nextRevision &&
        (chosen as Resource<T> | undefined)?.key === (nextChosen as Resource<T> | undefined)?.key,
      task: ([store, chosen], { signal }) =>
        store && chosen
          ? (store as BillingStore).get(chosen as Resource<T>, { signal })
          : (initialState as never),
    });
  }

  hostConnected(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#subscribed?.removeEventListener('change', this.#onChange);
    this.#subscribed = undefined;
  }

  #follow(): void {
    if (this.#subscribed === this.store) return;
    this.#subscribed?.removeEventListener('change', this.#onChange);
    this.#subscribed = this.store;
    this.#subscribed?.addEventListener('change', this.#onChange);
  }
}
