/**
 * Engine output → API resources. The engine speaks in calendar days and plain
 * state; the API adds versions, billing-details snapshots, actors and instants.
 */
import {
  activeNotices,
  amountRefunded,
  autoFlexStatus,
  type ChangeQuote,
  type CreditEntry,
  type EngineContext,
  findPlan,
  type Invoice,
  type IsoDate,
  nextInvoice,
  type Plan,
  paymentStatus,
  refundWindow,
  type SubscriptionView,
  subscriptionView,
  type UsageView,
} from '@billkit/engine';
import type { MockTeam, StoredQuote } from './store.js';
import { type BillingDetails, permissionsOf, type Viewer } from './types.js';

/** A calendar day as an RFC 3339 instant (midnight UTC). */
export function dateTime(date: IsoDate): string {
  return date.includes('T') ? date : `${date}T00:00:00Z`;
}

export function planResource({ invoicePaying: _invoicePaying, ...plan }: Plan) {
  return plan;
}

export function subscriptionResource(team: MockTeam, today: IsoDate, engine: EngineContext) {
  return subscriptionResourceOf(team, subscriptionView(team.state, today, engine));
}

function subscriptionResourceOf(
  team: MockTeam,
  { autoFlex: _autoFlex, createdAt, seats, ...view }: SubscriptionView,
) {
  const { available: _available, ...subscriptionSeats } = seats;
  return {
    ...view,
    seats: subscriptionSeats,
    version: String(team.version),
    createdAt: dateTime(createdAt),
  };
}

export function quoteResource({ deferred, ...quote }: ChangeQuote) {
  return { ...quote, deferred: deferred?.lines ?? [] };
}

/** The billing details `invoice` was issued with (later changes apply to later invoices only). */
export function invoiceBillingDetails(team: MockTeam, invoice: Invoice): BillingDetails {
  return team.invoiceDetails.get(invoice.id) ?? team.billingDetails;
}

/** The refund window follows the country on the billing details the invoice was issued with. */
export function invoiceResource(team: MockTeam, invoice: Invoice, today: IsoDate) {
  const billingDetails = invoiceBillingDetails(team, invoice);
  return {
    ...invoice,
    billingDetails,
    paidAt: invoice.paidAt === null ? null : dateTime(invoice.paidAt),
    refunds: invoice.refunds.map((refund) => ({
      ...refund,
      createdAt: dateTime(refund.createdAt),
    })),
    amountRefunded: amountRefunded(invoice),
    refundable: refundWindow(invoice, today, billingDetails.address.country),
  };
}

/** The auto-flex terms a team accepts today (`enableAutoFlex` refuses any other version). */
export const autoFlexTermsVersion = '2026-01';

/**
 * `termsVersion` is the accepted version, or the one to accept while auto-flex
 * is off, or null where it is not offered (term-credit teams).
 */
export function autoFlexResource(team: MockTeam, today: IsoDate, engine: EngineContext) {
  const view = autoFlexStatus(team.state, today, engine);
  const offered = team.state.subscription.policy.membersAboveSeats === 'auto_flex';
  return {
    ...view,
    termsVersion: view.termsVersion ?? (offered ? autoFlexTermsVersion : null),
    termsAcceptedAt: view.termsAcceptedAt === null ? null : dateTime(view.termsAcceptedAt),
  };
}

export function usageResource({ consumers: _consumers, ...usage }: UsageView) {
  return usage;
}

export function creditEntryResource(entry: CreditEntry) {
  return { ...entry, createdAt: dateTime(entry.createdAt) };
}

export function storedQuoteResource(stored: StoredQuote) {
  return {
    id: stored.id,
    number: stored.number,
    status: stored.status,
    createdAt: stored.createdAt,
    validUntil: stored.validUntil,
    change: stored.change,
    seatOrder: stored.seatOrder,
    // The figures of the invoice its acceptance issues (see `ChangeQuote`).
    lines: stored.quote.lines,
    subtotal: stored.quote.subtotal,
    creditApplied: stored.quote.creditApplied,
    total: stored.quote.subtotal,
    amountDue: stored.quote.amountDueNow,
    billingDetails: stored.billingDetails,
    invoiceId: stored.invoiceId,
  };
}

export function standingInstructionsResource(team: MockTeam) {
  const { source: _source, ...instructions } = team.state.subscription.standingInstructions;
  return {
    version: String(team.version),
    ...instructions,
    effectiveDate: team.state.subscription.currentPeriod.end,
  };
}

export function overviewResource(
  team: MockTeam,
  viewer: Viewer,
  today: IsoDate,
  engine: EngineContext,
) {
  const view = subscriptionView(team.state, today, engine);
  const subscription = subscriptionResourceOf(team, view);
  const plan = findPlan(engine.catalog, subscription.planId);
  if (!plan) throw new Error(`The catalog has no plan ${subscription.planId}`);
  const defaultMethod = team.paymentMethods.find((method) => method.isDefault) ?? null;
  const permissions = permissionsOf(viewer.role);
  return {
    viewer: { role: viewer.role, permissions },
    today,
    subscription,
    plan: planResource(plan),
    seats: view.seats,
    nextInvoice: permissions.viewInvoices ? nextInvoice(team.state, today, engine) : null,
    credits: { balance: team.state.credits.balance },
    payment: {
      ...paymentStatus(team.state),
      defaultPaymentMethod: permissions.managePaymentMethods ? defaultMethod : null,
    },
    autoFlex: autoFlexResource(team, today, engine),
    scheduledChanges: subscription.scheduledChanges,
    // Members and visitors see what concerns everyone (e.g. a deactivation), not billing matters.
    notices: activeNotices(team.state, today, engine)
      .filter(({ audience }) => permissions.viewInvoices || audience === 'everyone')
      .map(({ audience: _audience, ...notice }) => notice),
  };
}
