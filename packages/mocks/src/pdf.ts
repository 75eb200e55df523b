/**
 * A tiny PDF 1.4 writer: A4 pages of Helvetica text, nothing else. Enough for
 * invoices a PDF reader opens and `pdftotext` reads back, with no dependency.
 */

export interface PdfCell {
  text: string;
  /** distance from the left edge of the page, in points */
  x: number;
  size?: number;
  bold?: boolean;
}

/** One line of the document: cells share a baseline. `gap` is the space above it. */
export interface PdfRow {
  cells: PdfCell[];
  gap?: number;
}

const pageWidth = 595;
const pageHeight = 842;
const margin = 56;
const defaultSize = 10;

/** Characters outside Latin-1 that WinAnsiEncoding has (typography and the euro sign). */
const winAnsiExtras: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  '‰': 0x89,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '™': 0x99,
};

/** Characters WinAnsiEncoding lacks, spelled with ones it has. */
const asciiFallbacks: Record<string, string> = {
  '→': '->',
  '←': '<-',
  '−': '-',
  '≤': '<=',
  '≥': '>=',
};

/**
 * Escapes a string for a PDF literal string in WinAnsiEncoding: backslash and
 * parentheses are escaped, other characters of the encoding become octal
 * escapes and anything else '?', so the file stays pure ASCII and byte offsets
 * equal string offsets.
 */
export function escapePdfText(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 63;
    const winAnsi = code >= 160 && code <= 255 ? code : winAnsiExtras[char];
    if (char === '\\' || char === '(' || char === ')') out += `\\${char}`;
    else if (code >= 32 && code < 127) out += char;
    else if (winAnsi !== undefined) out += `\\${winAnsi.toString(8).padStart(3, '0')}`;
    else out += asciiFallbacks[char] ?? '?';
  }
  return out;
}

function paginate(rows: PdfRow[]): string[] {
  const pages: string[] = [];
  let ops: string[] = [];
  let y = pageHeight - margin;
  for (const row of rows) {
    const rowSize = Math.max(defaultSize, ...row.cells.map((cell) => cell.size ?? defaultSize));
    const advance = (row.gap ?? 4) + rowSize;
    if (y - advance < margin && ops.length > 0) {
      pages.push(ops.join('\n'));
      ops = [];
      y = pageHeight - margin;
    }
    y -= advance;
    for (const cell of row.cells) {
      const font = cell.bold ? 'F2' : 'F1';
      ops.push(
        `BT /${font} ${cell.size ?? defaultSize} Tf ${cell.x} ${y} Td (${escapePdfText(cell.text)}) Tj ET`,
      );
    }
  }
  pages.push(ops.join('\n'));
  return pages;
}

/** Renders rows of text to the bytes of a PDF 1.4 file. */
export function renderPdf(rows: PdfRow[], title = 'Document'): Uint8Array<ArrayBuffer> {
  const pageContents = paginate(rows);
  // Object numbers: 1 catalog, 2 page tree, 3-4 fonts, 5 info, then a page and its content per page.
  const firstPageObject = 6;
  const pageRefs = pageContents.map((_, index) => `${firstPageObject + index * 2} 0 R`);
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageRefs.join(' ')}] /Count ${pageContents.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Title (${escapePdfText(title)}) /Producer (@billkit/mocks) >>`,
  ];
  pageContents.forEach((content, index) => {
    const contentObject = firstPageObject + index * 2 + 1;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageWidth} ${pageHeight}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${contentObject} 0 R >>`,
    );
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  });

  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefOffset = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
