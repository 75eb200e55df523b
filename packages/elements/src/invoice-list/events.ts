import type { Invoice } from '@billkit/sdk';
import { BkEvent, BkRequestEvent } from '../core/events.js';

export interface InvoicePayRequest {
  /** The invoice about to be paid (its `amountDue` is what will be charged). */
  invoice: Invoice;
}

/**
 * Before an invoice is paid: cancel it (`preventDefault()`) to veto, or `waitFor(promise)` to
 * confirm it your own way.
 */
export class InvoicePayRequestEvent extends BkRequestEvent<InvoicePayRequest> {
  static readonly eventName = 'bk-invoice-pay-request';
  constructor(detail: InvoicePayRequest) {
    super(InvoicePayRequestEvent.eventName, detail);
  }
}

/** An invoice was paid: `detail` is the API's invoice, now `paid`. */
export class InvoicePaidEvent extends BkEvent<Invoice> {
  static readonly eventName = 'bk-invoice-paid';
  constructor(detail: Invoice) {
    super(InvoicePaidEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bk-invoice-pay-request': InvoicePayRequestEvent;
    'bk-invoice-paid': InvoicePaidEvent;
  }
}
