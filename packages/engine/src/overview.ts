import type { AutoFlexView } from './auto-flex.js';
import type { SeatSummary } from './members.js';
import type {
  AddOnSelection,
  CollectionMethod,
  EngineContext,
  Interval,
  IsoDate,
  Money,
  Notice,
  Period,
  PolicyName,
  QuoteLine,
  ScheduledChange,
  SeatOrder,
  SubscriptionStatus,
  TeamState,
} from './types.js';

export interface NextInvoice {
  date: IsoDate;
  amount: Money;
  lines: QuoteLine[];
}

export interface PaymentStatusView {
  status: 'ok' | 'failing' | 'past_due' | 'deactivated';
  failedAttempts: number;
  graceEndsAt: IsoDate | null;
}

/** The API's `Subscription` without `version` (the mock owns versions). */
export interface SubscriptionView {
  id: string;
  planId: string;
  interval: Interval;
  status: SubscriptionStatus;
  policy: PolicyName;
  currentPeriod: Period;
  trialEnd: IsoDate | null;
  seats: SeatSummary;
  addOns: AddOnSelection[];
  cancelAtPeriodEnd: boolean;
  seatOrder: SeatOrder | null;
  scheduledChanges: ScheduledChange[];
  collectionMethod: CollectionMethod;
  createdAt: IsoDate;
  autoFlex: AutoFlexView;
}

/** Estimate of the next scheduled invoice (renewal, review, flex billing), before credits. */
export function nextInvoice(
  _state: TeamState,
  _today: IsoDate,
  _ctx: EngineContext,
): NextInvoice | null {
  throw new Error('not implemented yet');
}

/** Notices that apply on `today` (for the dashboard), newest concerns first. */
export function activeNotices(_state: TeamState, _today: IsoDate, _ctx: EngineContext): Notice[] {
  throw new Error('not implemented yet');
}

export function paymentStatus(_state: TeamState): PaymentStatusView {
  throw new Error('not implemented yet');
}

export function subscriptionView(
  _state: TeamState,
  _today: IsoDate,
  _ctx: EngineContext,
): SubscriptionView {
  throw new Error('not implemented yet');
}
