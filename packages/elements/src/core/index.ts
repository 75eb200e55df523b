/**
 * The foundation every element stands on, in one place: what `bench/size-budgets.json` counts
 * as shared (an element's own addition is measured on top of it) and what README's "How an
 * element is built here" walks through. Elements import the modules themselves.
 */

export { BkBillingProvider } from '../billing-provider/billing-provider.js';
export {
  formatDate,
  formatList,
  formatMoney,
  formatNumber,
  formatPeriod,
  plural,
  pluralCategory,
} from '../i18n/format.js';
export { codeTexts } from '../i18n/load-code-texts.js';
export { commonText, quoteText, roleCountText } from '../i18n/messages.js';
export { tokens } from '../styles/tokens.js';
export { BillingController } from './billing-controller.js';
export { clientContext, localeContext, storeContext, viewerContext } from './contexts.js';
export { ModalController } from './dialog.js';
export { describeError, isAbort } from './errors.js';
export { BkEvent, BkRequestEvent } from './events.js';
export { IntentKey } from './intent-key.js';
export { Mutation } from './mutation.js';
export { quoteLines, quoteStyles } from './quote.js';
export * from './resources.js';
export { errorView, loadingView, skeleton } from './states.js';
export { BillingStore } from './store.js';
export { abortableDelay } from './timing.js';
