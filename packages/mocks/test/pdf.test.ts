import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, type PdfInvoice, renderInvoicePdf } from '../src/invoice-pdf.js';
import { renderPdf } from '../src/pdf.js';
import { embeddedFontNames } from './pdf-fonts.js';
import { readPdf } from './pdf-reader.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });

/** One cell per row, at the left margin. */
const textRows = (...texts: string[]) => texts.map((text) => ({ cells: [{ text, x: 56 }] }));

/**
 * The font families a PDF embeds, without subset tags and styles ("NotoSansJP"; the CJK
 * web fonts are instances of variable fonts whose PostScript names still say "Thin").
 */
async function families(bytes: Uint8Array): Promise<string[]> {
  const names = await embeddedFontNames(bytes);
  return [...new Set(names.map((name) => name.replace(/^[A-Z]{6}\+/, '').split(/[-]/)[0]!))]
    .map((name) => name.replace(/Thin$/, ''))
    .sort();
}

describe('PDF writer', () => {
  it('writes a document pdf.js reads, breaking pages', async () => {
    const rows = textRows(...Array.from({ length: 120 }, (_, index) => `Row (${index})`));
    const { pages, lines } = await readPdf(await renderPdf(rows, { title: 'Many rows' }));
    expect(pages).toBe(3);
    expect(lines[0]).toBe('Row (0)');
    expect(lines.at(-1)).toBe('Row (119)');
    expect(lines).toHaveLength(120);
  });

  it('prints WinAnsi text in Helvetica, embedding no font', async () => {
    const text = 'Kurfürstendamm 21 – € 5 (a) \\ b “quoted” ©';
    const pdf = await renderPdf(textRows(text));
    expect((await readPdf(pdf)).lines).toEqual([text]);
    expect(await embeddedFontNames(pdf)).toEqual([]);
    expect(pdf.length).toBeLessThan(2_000);
  });

  it('prints Japanese, Chinese, Korean, Latin beyond WinAnsi, Greek, Cyrillic and emoji as text', async () => {
    const texts = [
      '株式会社テスト',
      '测试有限公司',
      '삼성전자주식회사',
      'Łódź Tiếng Việt',
      'Ελληνικά Привет',
      'Rocket 🚀 ✨',
    ];
    const pdf = await renderPdf(textRows(...texts));
    expect((await readPdf(pdf)).lines).toEqual(texts);
    expect(await families(pdf)).toEqual([
      'NotoEmoji',
      'NotoSans',
      'NotoSansJP',
      'NotoSansKR',
      'NotoSansSC',
    ]);
  });

  it('picks the CJK face by the language of the text: kana Japanese, hangul Korean, else Chinese', async () => {
    expect(await families(await renderPdf(textRows('株式会社テスト')))).toEqual(['NotoSansJP']);
    // 有限公司 is in the Japanese font too; without kana the whole name is set in Chinese.
    expect(await families(await renderPdf(textRows('测试有限公司')))).toEqual(['NotoSansSC']);
    expect(await families(await renderPdf(textRows('삼성전자')))).toEqual(['NotoSansKR']);
  });

  it('draws right-to-left text in visual order, numbers and Latin left to right', async () => {
    const pdf = await renderPdf(
      textRows('חברה בע"מ', 'חשבונית 42 (שולם)', 'Bill to: חברה בע"מ, Tel Aviv'),
    );
    // As displayed, left to right: each Hebrew word reversed, the order of words too,
    // brackets mirrored, 42 and the Latin words kept as they are.
    expect((await readPdf(pdf)).lines).toEqual([
      'מ"עב הרבח',
      '(םלוש) 42 תינובשח',
      'Bill to: מ"עב הרבח, Tel Aviv',
    ]);
    expect(await families(pdf)).toEqual(['NotoSans', 'NotoSansHebrew']);
  });

  it('prints Arabic in the Arabic face, shaped', async () => {
    const pdf = await renderPdf(textRows('شركة الاختبار ٣٤٥'));
    // fontkit draws dotted letters as a dotless letter and a dots mark; pdf.js reads the
    // marks back as control characters and splits words at them.
    const { text } = await readPdf(pdf);
    const letters = text.replace(/[\p{Cc}\s]/gu, '');
    for (const word of ['شركة', 'الاختبار', '٣٤٥']) expect(letters).toContain(word);
    expect(await families(pdf)).toEqual(['NotoSans', 'NotoSansArabic']);
  });

  it('embeds the glyphs it uses only, so a CJK document stays small', async () => {
    const pdf = await renderPdf(textRows('株式会社テスト', '测试有限公司'));
    // The Japanese and Chinese fonts are 1.4 and 1.6 MB.
    expect(pdf.length).toBeLessThan(15_000);
  });

  it('prints bold text in the bold face where the script has one', async () => {
    const pdf = await renderPdf([
      { cells: [{ text: 'Łódź', x: 56, bold: true }] },
      { cells: [{ text: '株式会社テスト', x: 56, bold: true }] },
    ]);
    // Ł and ó are in two faces (latin-ext, latin) of Noto Sans Bold; Japanese has one weight.
    const names = (await embeddedFontNames(pdf)).map((name) => name.replace(/^[A-Z]{6}\+/, ''));
    expect([...new Set(names)]).toEqual(['NotoSans-Bold', 'NotoSansJPThin-Regular']);
  });

  it('prints ? for characters no font has and drops invisible ones', async () => {
    // Thai has no face; a variation selector after a letter is not in the Latin face.
    const pdf = await renderPdf(textRows('Thai ไทย', 'A\ufe0fB'));
    expect((await readPdf(pdf)).lines).toEqual(['Thai ???', 'AB']);
  });

  it('turns control characters into spaces and composes decomposed letters', async () => {
    const pdf = await renderPdf(textRows('Acme\tGmbH\nBerlin', 'Cafe\u0301'));
    expect((await readPdf(pdf)).lines).toEqual(['Acme GmbH Berlin', 'Café']);
    expect(await embeddedFontNames(pdf)).toEqual([]);
  });

  it('writes the same bytes for the same rows', async () => {
    const rows = textRows('株式会社テスト', 'חברה בע"מ', 'Invoice INV-0042');
    expect(await renderPdf(rows)).toEqual(await renderPdf(rows));
  });

  it('renders any text to a document pdf.js reads (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { minLength: 1, maxLength: 6 }),
        async (texts) => {
          const { pages, lines } = await readPdf(await renderPdf(textRows(...texts)));
          expect(pages).toBe(1);
          expect(lines.length).toBeLessThanOrEqual(texts.length);
        },
      ),
      { numRuns: 25 },
    );
  });
});

const proration = { daysRemaining: 25, daysInPeriod: 30, unitAmount: 1200, currency: 'USD' };

/** An invoice with two lines, paid and partly refunded, billed to `companyName`. */
function invoice(companyName: string): PdfInvoice {
  return {
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
      companyName,
      email: 'ap@globex.example',
      address: {
        line1: 'Kurfürstendamm 21',
        city: 'Berlin',
        postalCode: '10719',
        country: 'DE',
      },
      vatId: 'DE123456789',
    },
  };
}

describe('invoice PDF', () => {
  it('prints the number, dates, billing details, lines and totals', async () => {
    const pdf = await renderInvoicePdf(invoice('Globex (EU) GmbH'), 'Globex');
    const { lines } = await readPdf(pdf);
    expect(lines).toEqual([
      'Invoice INV-0042',
      'From: Globex',
      'Status: paid Issued: 2026-07-20',
      'Due: 2026-07-20',
      'Period: 2026-07-20 to 2026-08-20 (end exclusive)',
      'Bill to',
      'Globex (EU) GmbH',
      'ap@globex.example',
      'Kurfürstendamm 21',
      '10719 Berlin',
      'DE',
      'VAT ID: DE123456789',
      'Description Qty Unit Amount',
      'seats 11 USD 12.00 USD 132.00',
      '11 seats × 12.00',
      'true up 1 USD 12.00 USD 10.00',
      'Member joined 2026-06-25: 25/30 days',
      'Total USD 142.00',
      'Credit applied USD 0.00',
      'Amount paid USD 142.00',
      'Refunded USD 42.00',
      'Amount due USD 0.00',
    ]);
    expect(await embeddedFontNames(pdf)).toEqual([]);
  });

  it.each([
    ['Japanese', '株式会社テスト', '株式会社テスト', 'NotoSansJP'],
    ['Simplified Chinese', '测试有限公司', '测试有限公司', 'NotoSansSC'],
    // Displayed right to left: the line reads reversed from left to right.
    ['Hebrew', 'חברה בע"מ', 'מ"עב הרבח', 'NotoSansHebrew'],
    ['emoji', 'Rocket Labs 🚀', 'Rocket Labs 🚀', 'NotoEmoji'],
  ])('prints a %s company name as text', async (_, companyName, displayed, family) => {
    const pdf = await renderInvoicePdf(invoice(companyName), 'Globex');
    const { lines } = await readPdf(pdf);
    expect(lines).toContain(displayed);
    expect(lines[0]).toBe('Invoice INV-0042');
    expect(lines).toContain('Amount due USD 0.00');
    expect(await families(pdf)).toEqual(['NotoSans', family].sort());
  });

  it('stays small: Latin only embeds no font, Japanese embeds the glyphs it uses', async () => {
    const latin = await renderInvoicePdf(invoice('Globex (EU) GmbH'), 'Globex');
    const japanese = await renderInvoicePdf(invoice('株式会社テスト'), 'Globex');
    expect(latin.length).toBeLessThan(4_000);
    expect(japanese.length).toBeLessThan(25_000);
  });

  it('prints the total of the lines, then the credit applied, the amount paid and the amount due', async () => {
    const paidWithCredit: PdfInvoice = {
      ...invoice('Acme'),
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
    };
    const { lines } = await readPdf(await renderInvoicePdf(paidWithCredit, 'Billkit'));
    expect(lines.slice(lines.indexOf('Total USD 108.00'))).toEqual([
      'Total USD 108.00',
      'Credit applied USD 10.00',
      'Amount paid USD 98.00',
      'Amount due USD 0.00',
    ]);
    expect(lines.some((line) => line.startsWith('Subtotal'))).toBe(false);
  });

  it("formats minor units in the currency's own precision", () => {
    expect(formatMoney({ amount: 14_200, currency: 'USD' })).toBe('USD 142.00');
    expect(formatMoney({ amount: 1_500, currency: 'JPY' })).toBe('JPY 1,500');
    expect(formatMoney({ amount: 1_500, currency: 'KWD' })).toBe('KWD 1.500');
    expect(formatMoney({ amount: -1_000, currency: 'EUR' })).toBe('-EUR 10.00');
  });
});
