import type { BillingClient, Viewer } from '@billkit/sdk';
import { type Context, createContext } from '@lit/context';
import type { Locale } from '../i18n/locale.js';
import type { BillingStore } from './store.js';

// What `bk-billing-provider` provides to the elements under it. Symbols, so two copies of the
// package on one page never answer each other's requests with incompatible objects.

/** The SDK client the provider configured (or the one the host gave it). */
export const clientContext: Context<symbol, BillingClient | undefined> = createContext(
  Symbol('bk-client'),
);
/** The shared billing store: each resource loaded once per provider. */
export const storeContext = createContext<BillingStore | undefined>(Symbol('bk-store'));
/**
 * The locale the elements show, set once its catalog is loaded (undefined before: elements show
 * their skeleton rather than a flash of English).
 */
export const localeContext = createContext<Locale | undefined>(Symbol('bk-locale'));
/** The viewer's role and permissions, from the overview; undefined until it has loaded. */
export const viewerContext = createContext<Viewer | undefined>(Symbol('bk-viewer'));
