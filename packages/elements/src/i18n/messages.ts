/**
 * The English source catalog: every user-visible string of every element, keyed by a stable id,
 * and mapped by each locale module (`locales/zh-CN.ts`, `locales/ja.ts`) under the same ids.
 * Texts about the API's codes (problems, restrictions, line kinds, reasons, notices) are keyed
 * by those codes and live in `code-texts.ts` and `reasons.ts`, a chunk loaded with the locale
 * (they are needed only once an error, a quote or a notice shows); a new code is one entry
 * there and one in each locale module.
 *
 * Rules (checked by `i18n.test.ts`): ids are literal (`{ id: '…' }`), every id has a translation
 * in every locale, and placeholders are pre-formatted strings (`formatNumber`, `formatMoney`,
 * `formatDate`), never raw numbers. Plurals are one id per category (`…#one`, `…#other`),
 * chosen with `plural()` by `Intl.PluralRules`; a locale lists only the categories it has.
 *
 * Each element has its own group (a named export), so a page that uses one element does not
 * ship the others' texts.
 */

import { msg, str } from '@lit/localize';
import { formatNumber, formatPercent, plural } from './format.js';

/** Shared by every element. */
export const commonText = {
  loading: () => msg('Loading…', { id: 'common.loading' }),
  retry: () => msg('Try again', { id: 'common.retry' }),
  working: () => msg('Working…', { id: 'common.working' }),
  cancel: () => msg('Cancel', { id: 'common.cancel' }),
};

/** Quotes and invoices: their lines and totals, wherever an element shows a price. */
export const quoteText = {
  heading: () => msg('Cost of the change', { id: 'quote.heading' }),
  calculating: () => msg('Calculating the price…', { id: 'quote.calculating' }),
  quantity: (what: string, quantity: number) =>
    msg(str`${what} × ${formatNumber(quantity)}`, { id: 'quote.quantity' }),
  dueNow: () => msg('Due now', { id: 'quote.dueNow' }),
  thenRenewal: (amount: string, date: string) =>
    msg(str`Then ${amount} at the renewal on ${date}.`, { id: 'quote.thenRenewal' }),
};

/** Members per role, as counted against seats. */
export const roleCountText = {
  admin: (n: number) =>
    plural(n, {
      one: () => msg(str`${formatNumber(n)} admin`, { id: 'roleCount.admin#one' }),
      other: () => msg(str`${formatNumber(n)} admins`, { id: 'roleCount.admin#other' }),
    }),
  billing: (n: number) =>
    plural(n, {
      one: () => msg(str`${formatNumber(n)} billing manager`, { id: 'roleCount.billing#one' }),
      other: () => msg(str`${formatNumber(n)} billing managers`, { id: 'roleCount.billing#other' }),
    }),
  member: (n: number) =>
    plural(n, {
      one: () => msg(str`${formatNumber(n)} member`, { id: 'roleCount.member#one' }),
      other: () => msg(str`${formatNumber(n)} members`, { id: 'roleCount.member#other' }),
    }),
  visitor: (n: number) =>
    plural(n, {
      one: () => msg(str`${formatNumber(n)} visitor`, { id: 'roleCount.visitor#one' }),
      other: () => msg(str`${formatNumber(n)} visitors`, { id: 'roleCount.visitor#other' }),
    }),
};

/** `bk-seat-counter` */
export const seatCounterText = {
  heading: () => msg('Seats', { id: 'seatCounter.heading' }),
  purchased: () => msg('Purchased', { id: 'seatCounter.purchased' }),
  inUse: () => msg('In use', { id: 'seatCounter.inUse' }),
  autoFlexExtra: () => msg('Auto-flex extra', { id: 'seatCounter.autoFlexExtra' }),
  roles: (counts: string) =>
    msg(str`${counts}. Every member uses a seat, visitors included.`, {
      id: 'seatCounter.roles',
    }),
  autoFlexPending: (count: number, amount: string, date: string) =>
    plural(count, {
      one: () =>
        msg(
          str`${formatNumber(count)} extra member under auto-flex: ${amount} will be billed on ${date}.`,
          { id: 'seatCounter.autoFlexPending#one' },
        ),
      other: () =>
        msg(
          str`${formatNumber(count)} extra members under auto-flex: ${amount} will be billed on ${date}.`,
          { id: 'seatCounter.autoFlexPending#other' },
        ),
    }),
  fieldLabel: () => msg('Seats after the change', { id: 'seatCounter.fieldLabel' }),
  decrement: () => msg('One seat fewer', { id: 'seatCounter.decrement' }),
  increment: () => msg('One seat more', { id: 'seatCounter.increment' }),
  bounds: (min: number, max: number) =>
    msg(str`From ${formatNumber(min)} (the members in use) to ${formatNumber(max)}.`, {
      id: 'seatCounter.bounds',
    }),
  belowMembers: (min: number) =>
    plural(min, {
      one: () =>
        msg(str`At least ${formatNumber(min)} seat: every member needs one.`, {
          id: 'seatCounter.belowMembers#one',
        }),
      other: () =>
        msg(str`At least ${formatNumber(min)} seats: every member needs one.`, {
          id: 'seatCounter.belowMembers#other',
        }),
    }),
  aboveMax: (max: number) =>
    msg(str`At most ${formatNumber(max)} seats. For more, contact sales.`, {
      id: 'seatCounter.aboveMax',
    }),
  abovePlanMax: (max: number) =>
    msg(str`This plan allows at most ${formatNumber(max)} seats. Upgrade for more.`, {
      id: 'seatCounter.abovePlanMax',
    }),
  notWhole: () => msg('Enter a whole number of seats.', { id: 'seatCounter.notWhole' }),
  prorateRule: (renewal: string) =>
    msg(
      str`Added seats are charged now for the rest of the period. Fewer seats take effect at renewal on ${renewal}; you keep your seats until then.`,
      { id: 'seatCounter.prorateRule' },
    ),
  seatOrderRule: (seats: number, end: string) =>
    plural(seats, {
      one: () =>
        msg(
          str`Your seat order of ${formatNumber(seats)} seat runs until ${end}. Added seats are charged now for the rest of the order; fewer seats take effect when it renews.`,
          { id: 'seatCounter.seatOrderRule#one' },
        ),
      other: () =>
        msg(
          str`Your seat order of ${formatNumber(seats)} seats runs until ${end}. Added seats are charged now for the rest of the order; fewer seats take effect when it renews.`,
          { id: 'seatCounter.seatOrderRule#other' },
        ),
    }),
  termCreditIntro: () =>
    msg('This team is billed for its members, not for a set number of seats.', {
      id: 'seatCounter.termCreditIntro',
    }),
  trueUpRule: () =>
    msg(
      'Members who join are trued up at the next monthly review, prorated for the days left in the period.',
      { id: 'seatCounter.trueUpRule' },
    ),
  creditRule: () =>
    msg(
      "When members leave, their unused days are credited to the team's balance and used on the next invoices.",
      { id: 'seatCounter.creditRule' },
    ),
  nextInvoice: (date: string, amount: string) =>
    msg(str`Next invoice on ${date}: ${amount}`, { id: 'seatCounter.nextInvoice' }),
  creditBalance: (amount: string) =>
    msg(str`Credit balance: ${amount}`, { id: 'seatCounter.creditBalance' }),
  scheduledPreview: (seats: number, date: string, amount: string) =>
    plural(seats, {
      one: () =>
        msg(
          str`From ${date}, the team has ${formatNumber(seats)} seat and renews for ${amount}. Nothing is charged now.`,
          { id: 'seatCounter.scheduledPreview#one' },
        ),
      other: () =>
        msg(
          str`From ${date}, the team has ${formatNumber(seats)} seats and renews for ${amount}. Nothing is charged now.`,
          { id: 'seatCounter.scheduledPreview#other' },
        ),
    }),
  add: (count: number) =>
    plural(count, {
      one: () => msg(str`Add ${formatNumber(count)} seat`, { id: 'seatCounter.add#one' }),
      other: () => msg(str`Add ${formatNumber(count)} seats`, { id: 'seatCounter.add#other' }),
    }),
  removeAtRenewal: (count: number) =>
    plural(count, {
      one: () =>
        msg(str`Remove ${formatNumber(count)} seat at renewal`, {
          id: 'seatCounter.removeAtRenewal#one',
        }),
      other: () =>
        msg(str`Remove ${formatNumber(count)} seats at renewal`, {
          id: 'seatCounter.removeAtRenewal#other',
        }),
    }),
  reset: () => msg('Reset', { id: 'seatCounter.reset' }),
  applied: (seats: number) =>
    plural(seats, {
      one: () =>
        msg(str`Done: the team now has ${formatNumber(seats)} seat.`, {
          id: 'seatCounter.applied#one',
        }),
      other: () =>
        msg(str`Done: the team now has ${formatNumber(seats)} seats.`, {
          id: 'seatCounter.applied#other',
        }),
    }),
  scheduled: (seats: number, date: string) =>
    plural(seats, {
      one: () =>
        msg(str`Scheduled: ${formatNumber(seats)} seat from ${date}.`, {
          id: 'seatCounter.scheduled#one',
        }),
      other: () =>
        msg(str`Scheduled: ${formatNumber(seats)} seats from ${date}.`, {
          id: 'seatCounter.scheduled#other',
        }),
    }),
  notAllowed: () =>
    msg('Only admins and billing managers can change seats.', { id: 'seatCounter.notAllowed' }),
};

// ---- bk-plan-picker ----------------------------------------------------------------------

/** `bk-plan-picker` */
export const planPickerText = {
  heading: () => msg('Plans', { id: 'planPicker.heading' }),
  intervalLabel: () => msg('Billing interval', { id: 'planPicker.intervalLabel' }),
  monthly: () => msg('Monthly', { id: 'planPicker.monthly' }),
  annual: () => msg('Annual', { id: 'planPicker.annual' }),
  annualSaving: (percent: number) =>
    msg(str`Save up to ${formatNumber(percent)}%`, { id: 'planPicker.annualSaving' }),
  perSeat: (amount: string, interval: 'month' | 'year') =>
    interval === 'month'
      ? msg(str`${amount} per seat / month`, { id: 'planPicker.perSeatMonth' })
      : msg(str`${amount} per seat / year`, { id: 'planPicker.perSeatYear' }),
  teamTotal: (amount: string, seats: number) =>
    plural(seats, {
      one: () =>
        msg(str`${amount} for your ${formatNumber(seats)} seat`, {
          id: 'planPicker.teamTotal#one',
        }),
      other: () =>
        msg(str`${amount} for your ${formatNumber(seats)} seats`, {
          id: 'planPicker.teamTotal#other',
        }),
    }),
  memberLimit: (max: number) =>
    plural(max, {
      one: () => msg(str`Up to ${formatNumber(max)} member`, { id: 'planPicker.memberLimit#one' }),
      other: () =>
        msg(str`Up to ${formatNumber(max)} members`, { id: 'planPicker.memberLimit#other' }),
    }),
  customPricing: () => msg('Custom pricing', { id: 'planPicker.customPricing' }),
  current: () => msg('Current plan', { id: 'planPicker.current' }),
  choose: (plan: string) => msg(str`Choose ${plan}`, { id: 'planPicker.choose' }),
  switchInterval: (interval: 'month' | 'year') =>
    interval === 'month'
      ? msg('Switch to monthly billing', { id: 'planPicker.switchToMonthly' })
      : msg('Switch to annual billing', { id: 'planPicker.switchToAnnual' }),
  contactSales: () => msg('Contact sales', { id: 'planPicker.contactSales' }),
  notAllowed: () =>
    msg('Only admins and billing managers can change the plan.', {
      id: 'planPicker.notAllowed',
    }),
  reviewHeading: (plan: string, interval: string) =>
    msg(str`Review: ${plan}, ${interval}`, { id: 'planPicker.reviewHeading' }),
  effective: (date: string) => msg(str`Takes effect on ${date}.`, { id: 'planPicker.effective' }),
  creditApplied: () => msg('Credit applied', { id: 'planPicker.creditApplied' }),
  atRenewal: (date: string) =>
    msg(str`Nothing is charged now. The change takes effect at the renewal on ${date}.`, {
      id: 'planPicker.atRenewal',
    }),
  offerAtRenewal: () => msg('Change at renewal instead', { id: 'planPicker.offerAtRenewal' }),
  confirmPay: (amount: string) =>
    msg(str`Confirm and pay ${amount}`, { id: 'planPicker.confirmPay' }),
  confirm: () => msg('Confirm change', { id: 'planPicker.confirm' }),
  schedule: (date: string) => msg(str`Schedule for ${date}`, { id: 'planPicker.schedule' }),
  changed: (plan: string, interval: string) =>
    msg(str`Done: your team is now on ${plan} (${interval}).`, { id: 'planPicker.changed' }),
  scheduled: (plan: string, interval: string, date: string) =>
    msg(str`Scheduled: ${plan} (${interval}) from ${date}.`, { id: 'planPicker.scheduled' }),
};

/** `bk-auto-flex-banner` */
export const autoFlexBannerText = {
  pendingHeading: (count: number) =>
    plural(count, {
      one: () =>
        msg(str`${formatNumber(count)} extra member under auto-flex`, {
          id: 'autoFlexBanner.pendingHeading#one',
        }),
      other: () =>
        msg(str`${formatNumber(count)} extra members under auto-flex`, {
          id: 'autoFlexBanner.pendingHeading#other',
        }),
    }),
  pending: () =>
    msg(
      'Members beyond your seats are free until the billing date; only those still on the team then are billed. Remove them before then and nothing is charged.',
      { id: 'autoFlexBanner.pending' },
    ),
  soonHeading: () => msg('Auto-flex billing soon', { id: 'autoFlexBanner.soonHeading' }),
  extraMembers: () => msg('Extra members', { id: 'autoFlexBanner.extraMembers' }),
  amount: () => msg('To be billed', { id: 'autoFlexBanner.amount' }),
  billingDate: () => msg('Billing date', { id: 'autoFlexBanner.billingDate' }),
  remindOn: (date: string) =>
    msg(str`Billing managers and admins are reminded on ${date}.`, {
      id: 'autoFlexBanner.remindOn',
    }),
  notifiedOn: (date: string) =>
    msg(str`Billing managers and admins were notified on ${date}.`, {
      id: 'autoFlexBanner.notifiedOn',
    }),
  offerHeading: () =>
    msg('Grow the team without buying seats first', { id: 'autoFlexBanner.offerHeading' }),
  offer: () =>
    msg(
      'With auto-flex, admins can add members beyond your seats. They are free until the next billing date of the cycle; only those still on the team then are billed.',
      { id: 'autoFlexBanner.offer' },
    ),
  accept: (version: string) =>
    msg(str`I accept the auto-flex terms (version ${version}).`, { id: 'autoFlexBanner.accept' }),
  acceptRequired: () =>
    msg('Accept the terms to turn on auto-flex.', { id: 'autoFlexBanner.acceptRequired' }),
  enable: () => msg('Turn on auto-flex', { id: 'autoFlexBanner.enable' }),
  enabledHeading: () => msg('Auto-flex is on', { id: 'autoFlexBanner.enabledHeading' }),
  enabled: () =>
    msg(
      'Admins can now add members beyond your seats. Extra members and what they will cost are shown here before anything is billed.',
      { id: 'autoFlexBanner.enabled' },
    ),
  dismiss: () => msg('Dismiss until the next billing cycle', { id: 'autoFlexBanner.dismiss' }),
};

// ---- bk-invoice-list ---------------------------------------------------------------------

/** `bk-invoice-list` */
export const invoiceListText = {
  heading: () => msg('Invoices', { id: 'invoiceList.heading' }),
  number: () => msg('Invoice', { id: 'invoiceList.number' }),
  status: () => msg('Status', { id: 'invoiceList.status' }),
  issued: () => msg('Issued', { id: 'invoiceList.issued' }),
  due: () => msg('Due', { id: 'invoiceList.due' }),
  total: () => msg('Total', { id: 'invoiceList.total' }),
  creditApplied: () => msg('Credit applied', { id: 'invoiceList.creditApplied' }),
  amountDue: () => msg('Amount due', { id: 'invoiceList.amountDue' }),
  actions: () => msg('Actions', { id: 'invoiceList.actions' }),
  draft: () => msg('Draft', { id: 'invoiceList.draft' }),
  open: () => msg('Open', { id: 'invoiceList.open' }),
  pastDue: () => msg('Past due', { id: 'invoiceList.pastDue' }),
  paid: () => msg('Paid', { id: 'invoiceList.paid' }),
  void: () => msg('Void', { id: 'invoiceList.void' }),
  uncollectible: () => msg('Uncollectible', { id: 'invoiceList.uncollectible' }),
  billedTo: (name: string) => msg(str`Billed to ${name}`, { id: 'invoiceList.billedTo' }),
  paidOn: (date: string) => msg(str`Paid on ${date}`, { id: 'invoiceList.paidOn' }),
  download: () => msg('Download', { id: 'invoiceList.download' }),
  downloadLabel: (number: string) =>
    msg(str`Download invoice ${number}`, { id: 'invoiceList.downloadLabel' }),
  pay: () => msg('Pay now', { id: 'invoiceList.pay' }),
  /** The pay button's accessible name: its visible text first (WCAG label in name). */
  payLabel: (amount: string, number: string) =>
    msg(str`Pay now: ${amount} for invoice ${number}`, { id: 'invoiceList.payLabel' }),
  payDone: (number: string) => msg(str`Invoice ${number} is paid.`, { id: 'invoiceList.payDone' }),
  loadMore: () => msg('Load more', { id: 'invoiceList.loadMore' }),
  shown: (count: number) =>
    plural(count, {
      one: () => msg(str`${formatNumber(count)} invoice shown`, { id: 'invoiceList.shown#one' }),
      other: () =>
        msg(str`${formatNumber(count)} invoices shown`, { id: 'invoiceList.shown#other' }),
    }),
  empty: () => msg('No invoices yet', { id: 'invoiceList.empty' }),
  emptyHint: () =>
    msg('Invoices appear here once the team is billed.', { id: 'invoiceList.emptyHint' }),
  notAllowed: () =>
    msg('Invoices are available to admins and billing managers.', {
      id: 'invoiceList.notAllowed',
    }),
};

/** `bk-usage-meter` */
export const usageMeterText = {
  heading: () => msg('Usage', { id: 'usageMeter.heading' }),
  period: (days: string) => msg(str`Usage period: ${days}`, { id: 'usageMeter.period' }),
  /** The catalog's resources by id; others show the API's name. */
  resource: {
    monitoring_requests: () =>
      msg('Monitoring requests', { id: 'usageMeter.resource.monitoring_requests' }),
    mock_server_calls: () =>
      msg('Mock server calls', { id: 'usageMeter.resource.mock_server_calls' }),
    api_calls: () => msg('API calls', { id: 'usageMeter.resource.api_calls' }),
    custom_domains: () => msg('Custom domains', { id: 'usageMeter.resource.custom_domains' }),
    integrations: () => msg('Integrations', { id: 'usageMeter.resource.integrations' }),
  } as Record<string, (() => string) | undefined>,
  used: () => msg('Used', { id: 'usageMeter.used' }),
  included: () => msg('Included', { id: 'usageMeter.included' }),
  overage: () => msg('Over', { id: 'usageMeter.overage' }),
  cost: () => msg('Overage so far', { id: 'usageMeter.cost' }),
  meter: (used: number, included: number, ratio: number) =>
    msg(str`${formatNumber(used)} of ${formatNumber(included)} used (${formatPercent(ratio)})`, {
      id: 'usageMeter.meter',
    }),
  fromPlan: (quota: number, blocks: number) =>
    plural(blocks, {
      one: () =>
        msg(str`${formatNumber(quota)} from the plan + ${formatNumber(blocks)} add-on block`, {
          id: 'usageMeter.fromPlan#one',
        }),
      other: () =>
        msg(str`${formatNumber(quota)} from the plan + ${formatNumber(blocks)} add-on blocks`, {
          id: 'usageMeter.fromPlan#other',
        }),
    }),
  near: () => msg('Near the limit', { id: 'usageMeter.near' }),
  reached: () => msg('Limit reached', { id: 'usageMeter.reached' }),
  over: () => msg('Over the included amount', { id: 'usageMeter.over' }),
  crossedNear: (name: string, ratio: number) =>
    msg(str`${name}: ${formatPercent(ratio)} of the included amount used.`, {
      id: 'usageMeter.crossedNear',
    }),
  crossedLimit: (name: string) =>
    msg(str`${name}: the included amount is used up.`, { id: 'usageMeter.crossedLimit' }),
  billedAt: (date: string) =>
    msg(str`Overage is billed at the end of the usage period, on ${date}.`, {
      id: 'usageMeter.billedAt',
    }),
  capped: (date: string) =>
    msg(str`Usage beyond the included amount is refused until ${date}.`, {
      id: 'usageMeter.capped',
    }),
  pace: (date: string) =>
    msg(str`At this pace you reach the limit on ${date}.`, { id: 'usageMeter.pace' }),
  paceWithin: () =>
    msg('At this pace you stay within the included amount this period.', {
      id: 'usageMeter.paceWithin',
    }),
  hardCap: () =>
    msg('Always capped at the included amount: there is no pay-as-you-go.', {
      id: 'usageMeter.hardCap',
    }),
  allowOverage: () => msg('Allow overages', { id: 'usageMeter.allowOverage' }),
  overageOn: () =>
    msg('Usage beyond the included amount is billed pay-as-you-go.', {
      id: 'usageMeter.overageOn',
    }),
  overageOff: () =>
    msg('Hard cap: usage beyond the included amount is refused.', { id: 'usageMeter.overageOff' }),
  capTitle: () => msg('Turn off overages?', { id: 'usageMeter.capTitle' }),
  capWarning: () =>
    msg(
      'With a hard cap, requests beyond the included amount are refused. This can break the pipelines, monitors and integrations that rely on them.',
      { id: 'usageMeter.capWarning' },
    ),
  capConfirm: () => msg('Turn off overages', { id: 'usageMeter.capConfirm' }),
  capCancel: () => msg('Keep overages on', { id: 'usageMeter.capCancel' }),
  policyOn: (name: string) => msg(str`Overages are on for ${name}.`, { id: 'usageMeter.policyOn' }),
  policyOff: (name: string) =>
    msg(str`Overages are off for ${name}: usage stops at the included amount.`, {
      id: 'usageMeter.policyOff',
    }),
  buy: () => msg('Buy more', { id: 'usageMeter.buy' }),
  blocksLabel: () => msg('Blocks to add', { id: 'usageMeter.blocksLabel' }),
  blockSize: (size: number, max: number) =>
    msg(str`Each block adds ${formatNumber(size)}. From 1 to ${formatNumber(max)} blocks.`, {
      id: 'usageMeter.blockSize',
    }),
  badBlocks: (max: number) =>
    msg(str`Enter a whole number of blocks from 1 to ${formatNumber(max)}.`, {
      id: 'usageMeter.badBlocks',
    }),
  fewer: () => msg('One block fewer', { id: 'usageMeter.fewer' }),
  more: () => msg('One block more', { id: 'usageMeter.more' }),
  confirmBuy: (blocks: number) =>
    plural(blocks, {
      one: () => msg(str`Buy ${formatNumber(blocks)} block`, { id: 'usageMeter.confirmBuy#one' }),
      other: () =>
        msg(str`Buy ${formatNumber(blocks)} blocks`, { id: 'usageMeter.confirmBuy#other' }),
    }),
  bought: (name: string, included: number) =>
    msg(str`Done: ${name} now includes ${formatNumber(included)}.`, { id: 'usageMeter.bought' }),
  breakdown: () => msg('Usage by consumer', { id: 'usageMeter.breakdown' }),
  noConsumers: () => msg('Nothing used it this period.', { id: 'usageMeter.noConsumers' }),
  share: (quantity: number, ratio: number) =>
    msg(str`${formatNumber(quantity)} (${formatPercent(ratio)})`, { id: 'usageMeter.share' }),
  empty: () => msg('Nothing is metered on this plan.', { id: 'usageMeter.empty' }),
  notAllowed: () =>
    msg('Only admins and billing managers can change overages or buy blocks.', {
      id: 'usageMeter.notAllowed',
    }),
};

// ---- bk-billing-notices ------------------------------------------------------------------

/** `bk-billing-notices` (the notices' own words are `noticeText` in `code-texts.ts`). */
export const billingNoticesText = {
  label: () => msg('Billing notices', { id: 'billingNotices.label' }),
  critical: () => msg('Action needed', { id: 'billingNotices.critical' }),
  warning: () => msg('Warning', { id: 'billingNotices.warning' }),
  info: () => msg('Notice', { id: 'billingNotices.info' }),
  pay: () => msg('Pay now', { id: 'billingNotices.pay' }),
  updatePaymentMethod: () =>
    msg('Update payment method', { id: 'billingNotices.updatePaymentMethod' }),
};
