/**
 * Every billkit element, defined on import. To load only some, import their own entries
 * (`@billkit/elements/seat-counter.js`); each brings the provider with it.
 */

export { str } from '@lit/localize';
export { BkAutoFlexBanner } from './auto-flex-banner/auto-flex-banner.js';
export {
  type AutoFlexDismissal,
  AutoFlexDismissEvent,
  AutoFlexEnabledEvent,
  AutoFlexEnableRequestEvent,
} from './auto-flex-banner/events.js';
// ---- bk-billing-notices ----
export { BkBillingNotices } from './billing-notices/billing-notices.js';
export {
  type NoticeAction,
  NoticeActionEvent,
  type NoticeActionKind,
} from './billing-notices/events.js';
// ---- end bk-billing-notices ----
export { BkBillingProvider } from './billing-provider/billing-provider.js';
export { BillingController } from './core/billing-controller.js';
export { BkEvent, BkRequestEvent } from './core/events.js';
export type { MutationName, Resource, ResourceKind } from './core/resources.js';
export { mutationEffects } from './core/resources.js';
export type { BillingStore } from './core/store.js';
export {
  type BuiltInLocale,
  type Locale,
  type LocaleCatalog,
  registerLocale,
} from './i18n/locale.js';
// ---- end bk-plan-picker ----
export {
  InvoicePaidEvent,
  type InvoicePayRequest,
  InvoicePayRequestEvent,
} from './invoice-list/events.js';
export { BkInvoiceList } from './invoice-list/invoice-list.js';
// ---- bk-plan-picker ----
export {
  ContactSalesEvent,
  PlanChangedEvent,
  type PlanChangeRequest,
  PlanChangeRequestEvent,
} from './plan-picker/events.js';
export { BkPlanPicker } from './plan-picker/plan-picker.js';
export {
  SeatsChangedEvent,
  type SeatsChangeRequest,
  SeatsChangeRequestEvent,
} from './seat-counter/events.js';
export { BkSeatCounter } from './seat-counter/seat-counter.js';
export {
  AddOnChangedEvent,
  type AddOnChangeRequest,
  AddOnChangeRequestEvent,
  type OveragePolicyChange,
  OveragePolicyChangedEvent,
  OveragePolicyChangeRequestEvent,
  type UsageThreshold,
  type UsageThresholdDetail,
  UsageThresholdEvent,
} from './usage-meter/events.js';
export { BkUsageMeter } from './usage-meter/usage-meter.js';
