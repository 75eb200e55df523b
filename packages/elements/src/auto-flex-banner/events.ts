import type { AutoFlex, EnableAutoFlexRequest } from '@billkit/sdk';
import { BkEvent, BkRequestEvent } from '../core/events.js';

/**
 * Before auto-flex is turned on (`detail`: the terms acceptance about to be sent, with the
 * terms version shown): cancel it (`preventDefault()`) to veto, or `waitFor(promise)` to
 * confirm it your own way.
 */
export class AutoFlexEnableRequestEvent extends BkRequestEvent<EnableAutoFlexRequest> {
  static readonly eventName = 'bk-auto-flex-enable-request';
  constructor(detail: EnableAutoFlexRequest) {
    super(AutoFlexEnableRequestEvent.eventName, detail);
  }
}

/** Auto-flex was turned on: `detail` is the API's `AutoFlex`. */
export class AutoFlexEnabledEvent extends BkEvent<AutoFlex> {
  static readonly eventName = 'bk-auto-flex-enabled';
  constructor(detail: AutoFlex) {
    super(AutoFlexEnabledEvent.eventName, detail);
  }
}

/** What the banner said when it was dismissed, and until when it stays away. */
export interface AutoFlexDismissal {
  /** `offer` (the opt-in), `pending` (extra members) or `billing-soon` (the notice window). */
  state: 'offer' | 'pending' | 'billing-soon';
  /** The day the cycle ends (its billing date, or the period's end for the offer). */
  until: string;
}

/** The viewer dismissed the banner for the rest of the cycle. */
export class AutoFlexDismissEvent extends BkEvent<AutoFlexDismissal> {
  static readonly eventName = 'bk-auto-flex-dismiss';
  constructor(detail: AutoFlexDismissal) {
    super(AutoFlexDismissEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bk-auto-flex-enable-request': AutoFlexEnableRequestEvent;
    'bk-auto-flex-enabled': AutoFlexEnabledEvent;
    'bk-auto-flex-dismiss': AutoFlexDismissEvent;
  }
}
