import type { Notice } from '@billkit/sdk';
import { BkEvent } from '../core/events.js';

/** What a notice's action asks the host to do: pay the overdue invoices, or fix the card. */
export type NoticeActionKind = 'pay' | 'update-payment-method';

export interface NoticeAction {
  /** The notice's `code` (`payment_failed`, `grace_period`, `deactivated`). */
  code: Notice['code'];
  action: NoticeActionKind;
  /** The invoice the notice is about, when its `params` name one. */
  invoiceId?: string;
}

/**
 * The viewer pressed a notice's action ("Pay now", "Update payment method"). The element
 * changes nothing itself: the host takes the viewer where that is done (a `bk-invoice-list`
 * pays). Cancelable, so one of several listeners can claim it (`preventDefault()`) and the
 * others see `defaultPrevented`.
 */
export class NoticeActionEvent extends BkEvent<NoticeAction> {
  static readonly eventName = 'bk-notice-action';
  constructor(detail: NoticeAction) {
    super(NoticeActionEvent.eventName, detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bk-notice-action': NoticeActionEvent;
  }
}
