/**
 * The in-memory backend: one record per team around the engine's `TeamState`,
 * plus what the API owns beside the billing rules (payment methods, billing
 * details, history with actors, quotes, versions).
 */
import {
  activeMembers,
  type BillingEvent,
  type ChangeQuote,
  type EngineContext,
  type EventReason,
  explainEvent,
  type Invoice,
  type Money,
  type Notice,
  type Outcome,
  type Role,
  type SubscriptionChange,
  setPaymentMethod,
  type TeamState,
  type UsageView,
} from '@billkit/engine';
import { toIsoInstant } from './clock.js';
import type { Actor, BillingDetails, PaymentMethod, PaymentMethodSetup, Viewer } from './types.js';

export interface ApiBillingEvent extends BillingEvent {
  actor: Actor | null;
}

/** What a quote prices: a change, or a yearly seat order (term-credit teams). */
export interface QuoteRequest {
  change: SubscriptionChange;
  seatOrder: { seats: number } | null;
}

export interface StoredQuote extends QuoteRequest {
  id: string;
  number: string;
  status: 'open' | 'accepted' | 'expired';
  createdAt: string;
  /** Last day it can be accepted. */
  validUntil: string;
  /** As priced on the day it was created; acceptance refuses a different amount. */
  quote: ChangeQuote;
  billingDetails: BillingDetails;
  /** The invoice its acceptance issued. */
  invoiceId: string | null;
}

export interface MockTeam {
  id: string;
  state: TeamState;
  /** Subscription version for ETag / If-Match; bumps whenever the subscription changes. */
  version: number;
  paymentMethods: PaymentMethod[];
  /** Payment methods whose charges are declined (simulation input, e.g. token `tok_chargeDeclined`). */
  decliningMethodIds: Set<string>;
  setups: PaymentMethodSetup[];
  billingDetails: BillingDetails;
  /** Billing details as they were when each invoice was issued. */
  invoiceDetails: Map<string, BillingDetails>;
  /** Oldest first; the API lists newest first. */
  events: ApiBillingEvent[];
  /** Every notice sent, oldest first (a test can check who was told what). */
  noticesSent: Notice[];
  quotes: StoredQuote[];
  /** Members' personal credit balances (minor units) they may contribute; unknown viewers start with `defaultPersonalCredits`. */
  personalCredits: Map<string, number>;
  /** Payment method setups already attached (a setup is single-use). */
  usedSetupIds: Set<string>;
  /** Usage of past usage periods, by period start (the engine keeps only the current one). */
  usageHistory: Map<string, UsageView[]>;
  /** Counter for ids the mock mints (payment methods, setups, quotes, events). */
  sequence: number;
}

export class BillingStore {
  readonly teams = new Map<string, MockTeam>();

  constructor(readonly engine: EngineContext) {}

  team(teamId: string): MockTeam | undefined {
    return this.teams.get(teamId);
  }

  add(team: MockTeam): MockTeam {
    this.teams.set(team.id, team);
    return team;
  }
}

/** What a viewer can contribute before the mock says `insufficient_personal_credits` (100.00 USD). */
export const defaultPersonalCredits = 10_000;

export function nextId(team: MockTeam, prefix: string): string {
  team.sequence += 1;
  return `${prefix}_${String(team.sequence).padStart(6, '0')}`;
}

/**
 * Takes an engine outcome into the team: the new state, a billing-details
 * snapshot for each new invoice, history events with their actor, notices.
 * The engine dates events by day; those of `now`'s day happened now, so they take its
 * instant and sort after what the mock recorded earlier that day.
 */
export function commitOutcome(
  team: MockTeam,
  outcome: Outcome,
  actor: Actor | null,
  now?: Date,
): void {
  const before = versionedPart(team.state);
  team.state = outcome.state;
  if (versionedPart(team.state) !== before) team.version += 1;
  for (const invoice of outcome.invoices) snapshotBillingDetails(team, invoice);
  const instant = now && toIsoInstant(now);
  for (const event of outcome.events) {
    const happenedNow =
      instant !== undefined && event.occurredAt.slice(0, 10) === instant.slice(0, 10);
    team.events.push({ ...event, actor, ...(happenedNow ? { occurredAt: instant } : {}) });
  }
  team.noticesSent.push(...outcome.notices);
}

/**
 * What the subscription's `version` (its ETag) covers: the subscription and what prices a
 * change of it (the members and the true-ups they queued), so a preview made before a member
 * joined cannot be applied with its stale version at a different price.
 */
function versionedPart({ subscription, members, pendingAdjustments }: TeamState): string {
  return JSON.stringify([subscription, members, pendingAdjustments]);
}

function snapshotBillingDetails(team: MockTeam, invoice: Invoice): void {
  if (!team.invoiceDetails.has(invoice.id)) {
    team.invoiceDetails.set(invoice.id, structuredClone(team.billingDetails));
  }
}

/**
 * A history event the mock itself records (payment methods, billing details, quotes); its
 * type and English summary follow from `reason`, as the engine's do.
 */
export function recordEvent(
  team: MockTeam,
  {
    reason,
    actor,
    amount = null,
    invoiceId = null,
  }: { reason: EventReason; actor: Actor | null; amount?: Money | null; invoiceId?: string | null },
  now: Date,
): void {
  team.events.push({
    id: nextId(team, 'evt_mock'),
    occurredAt: toIsoInstant(now),
    ...explainEvent(reason),
    actor,
    amount,
    invoiceId,
  });
}

/** Makes a method the primary one, in the mock and in the engine's payment state. */
export function makeDefaultPaymentMethod(
  team: MockTeam,
  methodId: string | null,
  today: string,
): void {
  for (const method of team.paymentMethods) method.isDefault = method.id === methodId;
  const failCharges = methodId !== null && team.decliningMethodIds.has(methodId);
  commitOutcome(team, setPaymentMethod(team.state, { methodId, failCharges }, today), null);
}

/** The default payment method starts (true) or stops (false) declining every charge. */
export function declineDefaultCharges(
  team: MockTeam,
  methodId: string,
  decline: boolean,
  today: string,
): void {
  if (decline) team.decliningMethodIds.add(methodId);
  else team.decliningMethodIds.delete(methodId);
  makeDefaultPaymentMethod(team, methodId, today);
}

export const roles: readonly Role[] = ['admin', 'billing', 'member', 'visitor'];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/**
 * Who a bearer token stands for:
 * - `role:<role>` — the first current member with that role (a synthetic viewer if none);
 * - `member:<memberId>` — that member;
 * - any other non-empty token — a viewer with the mock's default role.
 * Returns undefined for a token naming an unknown role or member (a 401).
 */
export function viewerFromToken(
  team: MockTeam,
  token: string,
  defaultRole: Role,
  today: string,
): Viewer | undefined {
  const current = activeMembers(team.state, today);
  const asViewer = ({ id, name, role }: Viewer): Viewer => ({ id, name, role });
  const [scheme, value = ''] = token.split(/:(.*)/s);
  if (scheme === 'member') {
    const member = current.find((candidate) => candidate.id === value);
    return member && asViewer(member);
  }
  const role = scheme === 'role' ? value : defaultRole;
  if (!isRole(role)) return undefined;
  const member = current.find((candidate) => candidate.role === role);
  return member ? asViewer(member) : { id: `viewer_${role}`, name: `Demo ${role}`, role };
}
