import type {
  AppliedChange,
  ChangeQuote,
  OveragePolicy,
  SubscriptionChange,
  Usage,
} from '@billkit/sdk';
import { BkEvent, BkRequestEvent } from '../core/events.js';

/** The usage thresholds announced, in percent of the included quantity. */
export type UsageThreshold = 80 | 100;

export interface UsageThresholdDetail {
  resourceId: string;
  /** 80 (near the limit) or 100 (the included quantity is used up). */
  threshold: UsageThreshold;
  used: number;
  included: number;
  /** The usage period `[start, end)`: the event comes once per threshold per period. */
  period: Usage['period'];
}

/**
 * A resource's usage reached a threshold (80 % or 100 % of what is included): sent once per
 * resource, threshold and usage period while the element is on the page, not on every render.
 */
export class UsageThresholdEvent extends BkEvent<UsageThresholdDetail> {
  static readonly eventName = 'bk-usage-threshold';
  constructor(detail: UsageThresholdDetail) {
    super(UsageThresholdEvent.eventName, detail);
  }
}

export interface OveragePolicyChange {
  resourceId: string;
  /** `disallowed` is a hard cap: usage beyond the included quantity is refused. */
  policy: OveragePolicy;
}

/** Before overages are allowed or disallowed: cancelable (`preventDefault()`, `waitFor()`). */
export class OveragePolicyChangeRequestEvent extends BkRequestEvent<OveragePolicyChange> {
  static readonly eventName = 'bk-overage-policy-change-request';
  constructor(detail: OveragePolicyChange) {
    super(OveragePolicyChangeRequestEvent.eventName, detail);
  }
}

/** Overages were allowed or disallowed: `detail` is the resource's usage as the API now says. */
export class OveragePolicyChangedEvent extends BkEvent<Usage> {
  static readonly eventName = 'bk-overage-policy-changed';
  constructor(detail: Usage) {
    super(OveragePolicyChangedEvent.eventName, detail);
  }
}

export interface AddOnChangeRequest {
  /** The change about to be applied (`addOns` with the new block count, `timing`). */
  change: SubscriptionChange;
  /** The server's preview of it, as shown to the user. */
  quote: ChangeQuote;
}

/** Before add-on blocks are bought: cancelable (`preventDefault()`, `waitFor()`). */
export class AddOnChangeRequestEvent extends BkRequestEvent<AddOnChangeRequest> {
  static readonly eventName = 'bk-add-on-change-request';
  constructor(detail: AddOnChangeRequest) {
    super(AddOnChangeRequestEvent.eventName, detail);
  }
}

/** Add-on blocks were bought: `detail` is the API's `AppliedChange`. */
export class AddOnChangedEvent extends BkEvent<AppliedChange> {
  static readonly eventName = 'bk-add-on-changed';
  constructor(detail: AppliedChange) {
    super(AddOnChangedEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bk-usage-threshold': UsageThresholdEvent;
    'bk-overage-policy-change-request': OveragePolicyChangeRequestEvent;
    'bk-overage-policy-changed': OveragePolicyChangedEvent;
    'bk-add-on-change-request': AddOnChangeRequestEvent;
    'bk-add-on-changed': AddOnChangedEvent;
  }
}
