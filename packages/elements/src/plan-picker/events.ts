import type { AppliedChange, ApplySubscriptionChangeRequest, ChangeQuote } from '@billkit/sdk';
import { BkEvent, BkRequestEvent } from '../core/events.js';

export interface PlanChangeRequest {
  /** The change about to be applied (`planId`, `interval`, `timing`, `expectedAmountDue`). */
  change: ApplySubscriptionChangeRequest;
  /** The server's preview of it, as shown in the review step. */
  quote: ChangeQuote;
}

/**
 * Before the plan changes: cancel it (`preventDefault()`) to veto, or `waitFor(promise)` to
 * confirm it your own way.
 */
export class PlanChangeRequestEvent extends BkRequestEvent<PlanChangeRequest> {
  static readonly eventName = 'bk-plan-change-request';
  constructor(detail: PlanChangeRequest) {
    super(PlanChangeRequestEvent.eventName, detail);
  }
}

/** The plan (or interval) changed, or the change was scheduled for renewal. */
export class PlanChangedEvent extends BkEvent<AppliedChange> {
  static readonly eventName = 'bk-plan-changed';
  constructor(detail: AppliedChange) {
    super(PlanChangedEvent.eventName, detail);
  }
}

/** The viewer asked to talk to sales about a plan sold through sales (`detail.planId`). */
export class ContactSalesEvent extends BkEvent<{ planId: string }> {
  static readonly eventName = 'bk-contact-sales';
  constructor(detail: { planId: string }) {
    super(ContactSalesEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bk-plan-change-request': PlanChangeRequestEvent;
    'bk-plan-changed': PlanChangedEvent;
    'bk-contact-sales': ContactSalesEvent;
  }
}
