import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, renderInvoicePdf } from '../src/invoice-pdf.js';
import { escapePdfText, renderPdf } from '../src/pdf.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const proration = {
  daysRemaining: 25,
  daysInPeriod: 30,
  unitAmount: 1200,
  currency: 'USD',
};

/** Checks the structure a PDF reader relies on: header, xref table whose offsets point at objects, trailer. */
function checkStructure(bytes: Uint8Array): string {
  const text = new TextDecoder('latin1').decode(bytes);
  expect(text.startsWith('%PDF-1.4\n')).toBe(true);
  expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  const startXref = Number(/startxref\n(\d+)\n/.exec(text)?.[1]);
  expect(text.slice(startXref, startXref + 4)).toBe('xref');
  const [, countText] = /xref\n0 (\d+)\n/.exec(text.slice(startXref)) ?? [];
  const count = Number(countText);
  const entries = text
    .slice(startXref)
    .split('\n')
    .slice(3, 3 + count - 1);
  entries.forEach((entry, index) => {
    const offset = Number(entry.slice(0, 10));
    expect(entry).toMatch(/^\d{10} 00000 n $/);
    expect(text.slice(offset, offset + `${index + 1} 0 obj`.length)).toBe(`${index + 1} 0 obj`);
  });
  for (const match of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    expect(
      text.slice(start + Number(match[1]), start + Number(match[1]) + '\nendstream'.length),
    ).toBe('\nendstream');
  }
  return text;
}

describe('PDF writer', () => {
  it('escapes parentheses, backslashes and non-ASCII text', () => {
    expect(escapePdfText('a (b) \\ c')).toBe('a \\(b\\) \\\\ c');
    expect(escapePdfText('Kurfürstendamm')).toBe('Kurf\\374rstendamm');
    expect(escapePdfText('€ 5 – 6 → 7 ✓')).toBe('\\200 5 \\226 6 -> 7 ?');
  });

  it('writes a valid file with correct xref offsets, across pages', () => {
    const rows = Array.from({ length: 120 }, (_, index) => ({
      cells: [{ text: `Row (${index})`, x: 56 }],
    }));
    const text = checkStructure(renderPdf(rows, 'Many rows'));
    expect(text).toContain('/Count 3');
    expect(text).toContain('(Row \\(119\\)) Tj');
  });

  it('keeps xref offsets right for any text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 80 }), (texts) => {
        const bytes = renderPdf(texts.map((text) => ({ cells: [{ text, x: 56 }] })));
        expect(bytes.every((byte) => byte < 128)).toBe(true);
        checkStructure(bytes);
      }),
      { numRuns: 60 },
    );
  });

  it('renders an invoice with its lines, totals and the billing details it was issued with', () => {
    const pdf = renderInvoicePdf(
      {
        number: 'INV-0042',
        status: 'paid',
        issueDate: '2026-07-20',
        dueDate: '2026-07-20',
        period: { start: '2026-07-20', end: '2026-08-20' },
        lines: [
          {
            kind: 'seats',
            reason: { code: 'seats_added_prorated', params: { ...proration, seats: 11 } },
            description: '11 seats × 12.00',
            quantity: 11,
            unitAmount: usd(1200),
            period: null,
            amount: usd(13200),
          },
          {
            kind: 'true_up',
            reason: {
              code: 'true_up_member_added',
              params: { ...proration, members: 1, joinedOn: '2026-06-25' },
            },
            description: 'Member joined 2026-06-25: 25/30 days',
            quantity: 1,
            unitAmount: usd(1200),
            period: null,
            amount: usd(1000),
          },
        ],
        creditApplied: usd(0),
        total: usd(14200),
        amountPaid: usd(14200),
        amountDue: usd(0),
        amountRefunded: usd(4200),
        billingDetails: {
          companyName: 'Globex (EU) GmbH',
          email: 'ap@globex.example',
          address: {
            line1: 'Kurfürstendamm 21',
            city: 'Berlin',
            postalCode: '10719',
            country: 'DE',
          },
          vatId: 'DE123456789',
        },
      },
      'Globex',
    );
    const text = checkStructure(pdf);
    for (const expected of [
      'Invoice INV-0042',
      'Globex \\(EU\\) GmbH',
      'VAT ID: DE123456789',
      'Member joined 2026-06-25: 25/30 days',
      formatMoney(usd(14200)),
      'Refunded',
      formatMoney(usd(4200)),
    ]) {
      expect(text).toContain(expected);
    }
    expect(formatMoney(usd(14200))).toBe('USD 142.00');
  });

  it('prints the total of the lines, then the credit applied, the amount paid and the amount due', () => {
    const text = checkStructure(
      renderInvoicePdf(
        {
          number: 'INV-0043',
          status: 'paid',
          issueDate: '2027-06-20',
          dueDate: '2027-06-20',
          period: { start: '2027-06-20', end: '2028-06-20' },
          lines: [
            {
              kind: 'plan',
              reason: {
                code: 'plan_period',
                params: {
                  planId: 'basic',
                  planName: 'Basic',
                  interval: 'year',
                  seats: 1,
                  periodStart: '2027-06-20',
                  periodEnd: '2028-06-20',
                },
              },
              description: 'Basic (annual), 1 seat',
              quantity: 1,
              unitAmount: usd(10800),
              period: null,
              amount: usd(10800),
            },
          ],
          creditApplied: usd(1000),
          total: usd(10800),
          amountPaid: usd(9800),
          amountDue: usd(0),
          amountRefunded: usd(0),
          billingDetails: {
            companyName: 'Acme',
            email: 'ap@acme.example',
            address: {
              line1: '1 Main St',
              city: 'Springfield',
              postalCode: '12345',
              country: 'US',
            },
            vatId: null,
          },
        },
        'Billkit',
      ),
    );
    // Each figure is printed right after its label, in this order.
    const figures = [...text.matchAll(/\(([^()]*)\) Tj/g)].map((match) => match[1]);
    const figureAfter = (label: string) => figures[figures.indexOf(label) + 1];
    expect(figureAfter('Total')).toBe('USD 108.00');
    expect(figureAfter('Credit applied')).toBe('USD 10.00');
    expect(figureAfter('Amount paid')).toBe('USD 98.00');
    expect(figureAfter('Amount due')).toBe('USD 0.00');
    expect(figures.indexOf('Total')).toBeLessThan(figures.indexOf('Credit applied'));
    expect(figures.indexOf('Amount paid')).toBeLessThan(figures.indexOf('Amount due'));
    expect(figures).not.toContain('Subtotal');
  });

  it("formats minor units in the currency's own precision", () => {
    expect(formatMoney({ amount: 1_500, currency: 'JPY' })).toBe('JPY 1,500');
    expect(formatMoney({ amount: 1_500, currency: 'KWD' })).toBe('KWD 1.500');
    expect(formatMoney({ amount: -1_000, currency: 'EUR' })).toBe('-EUR 10.00');
  });
});
