import type { AppliedChange, ChangeQuote, SubscriptionChange } from '@billkit/sdk';
import { BkEvent, BkRequestEvent } from '../core/events.js';

export interface SeatsChangeRequest {
  /** The change about to be applied (`seats`, `timing`). */
  change: SubscriptionChange;
  /** The server's preview of it, as shown to the user. */
  quote: ChangeQuote;
}

/**
 * Before seats change: cancel it (`preventDefault()`) to veto, or `waitFor(promise)` to confirm
 * it your own way.
 */
export class SeatsChangeRequestEvent extends BkRequestEvent<SeatsChangeRequest> {
  static readonly eventName = 'bk-seats-change-request';
  constructor(detail: SeatsChangeRequest) {
    super(SeatsChangeRequestEvent.eventName, detail);
  }
}

/** Seats were changed (or the change was scheduled for renewal). */
export class SeatsChangedEvent extends BkEvent<AppliedChange> {
  static readonly eventName = 'bk-seats-changed';
  constructor(detail: AppliedChange) {
    super(SeatsChangedEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bk-seats-change-request': SeatsChangeRequestEvent;
    'bk-seats-changed': SeatsChangedEvent;
  }
}
