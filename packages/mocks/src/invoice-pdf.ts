/** An invoice as a one-or-more page PDF: header, billing details it was issued with, lines, totals. */
import type { Invoice, Money } from '@billkit/engine';
import { type PdfRow, renderPdf } from './pdf.js';
import type { BillingDetails } from './types.js';

/** What the PDF prints: the engine's invoice fields plus the billing details it was issued with. */
export type PdfInvoice = Pick<
  Invoice,
  | 'number'
  | 'status'
  | 'issueDate'
  | 'dueDate'
  | 'period'
  | 'lines'
  | 'creditApplied'
  | 'total'
  | 'amountPaid'
  | 'amountDue'
> & { billingDetails: BillingDetails; amountRefunded: Money };

/** One formatter per currency (a PDF formats every amount; building a NumberFormat is not cheap). */
const moneyFormats = new Map<string, { format: Intl.NumberFormat; minorUnit: number }>();

function moneyFormat(currency: string) {
  let cached = moneyFormats.get(currency);
  if (!cached) {
    const format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      currencyDisplay: 'code',
    });
    // Always set for `style: 'currency'`; typed optional because other styles may omit it.
    const { maximumFractionDigits = 2 } = format.resolvedOptions();
    cached = { format, minorUnit: 10 ** maximumFractionDigits };
    moneyFormats.set(currency, cached);
  }
  return cached;
}

/** Minor units in the currency's own precision (2 for USD and EUR, 0 for JPY, 3 for KWD). */
export function formatMoney({ amount, currency }: Money): string {
  const { format, minorUnit } = moneyFormat(currency);
  return format.format(amount / minorUnit).replace(/\u00a0/g, ' ');
}

const column = { description: 56, quantity: 360, unit: 400, amount: 480 };

/**
 * The invoice as a PDF. Asynchronous: the PDF writer, and the fonts of scripts beyond
 * WinAnsi (CJK, Hebrew, Arabic, emoji…), are imported the first time they are needed.
 */
export function renderInvoicePdf(
  invoice: PdfInvoice,
  seller: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const { billingDetails: details } = invoice;
  const text = (value: string, x = 56, bold = false, size?: number) => ({
    text: value,
    x,
    bold,
    ...(size ? { size } : {}),
  });
  const row = (gap: number, ...cells: ReturnType<typeof text>[]): PdfRow => ({ gap, cells });
  const address = details.address;
  const rows: PdfRow[] = [
    row(0, text(`Invoice ${invoice.number}`, 56, true, 18)),
    row(6, text(`From: ${seller}`, 56)),
    row(4, text(`Status: ${invoice.status}`), text(`Issued: ${invoice.issueDate}`, 300)),
    row(2, text(`Due: ${invoice.dueDate}`, 300)),
    ...(invoice.period
      ? [
          row(
            2,
            text(`Period: ${invoice.period.start} to ${invoice.period.end} (end exclusive)`, 300),
          ),
        ]
      : []),
    row(14, text('Bill to', 56, true)),
    row(4, text(details.companyName)),
    row(2, text(details.email)),
    row(2, text(address.line1)),
    ...(address.line2 ? [row(2, text(address.line2))] : []),
    row(2, text([address.postalCode, address.city, address.region].filter(Boolean).join(' '))),
    row(2, text(address.country)),
    ...(details.vatId ? [row(2, text(`VAT ID: ${details.vatId}`))] : []),
    row(
      16,
      text('Description', column.description, true),
      text('Qty', column.quantity, true),
      text('Unit', column.unit, true),
      text('Amount', column.amount, true),
    ),
    ...invoice.lines.flatMap((line) => [
      row(
        6,
        text(line.kind.replace('_', ' '), column.description, true, 9),
        text(String(line.quantity), column.quantity),
        text(formatMoney(line.unitAmount), column.unit, false, 9),
        text(formatMoney(line.amount), column.amount),
      ),
      row(2, text(line.description, column.description, false, 9)),
      ...(line.period
        ? [row(1, text(`${line.period.start} to ${line.period.end}`, column.description, false, 8))]
        : []),
    ]),
    // The lines add up to the total; credit and payments then cover it, down to what is due.
    row(
      16,
      text('Total', column.unit, true),
      text(formatMoney(invoice.total), column.amount, true),
    ),
    row(
      4,
      text('Credit applied', column.unit - 40),
      text(formatMoney(invoice.creditApplied), column.amount),
    ),
    row(
      4,
      text('Amount paid', column.unit - 30),
      text(formatMoney(invoice.amountPaid), column.amount),
    ),
    ...(invoice.amountRefunded.amount > 0
      ? [
          row(
            4,
            text('Refunded', column.unit - 10),
            text(formatMoney(invoice.amountRefunded), column.amount),
          ),
        ]
      : []),
    row(
      4,
      text('Amount due', column.unit - 20, true),
      text(formatMoney(invoice.amountDue), column.amount, true),
    ),
  ];
  return renderPdf(rows, { title: `Invoice ${invoice.number}` });
}
