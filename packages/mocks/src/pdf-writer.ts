/**
 * The PDF writer behind `renderPdf` (pdf-lib): lays rows out on A4 pages and draws each
 * cell as runs of text. Imported on demand by `renderPdf`; it imports the embedded fonts
 * (./pdf-fonts.js) only for text Helvetica cannot print.
 */
import {
  PDFDocument,
  type PDFFont,
  type PDFPage,
  StandardFontEmbedder,
  StandardFonts,
} from '@cantoo/pdf-lib';
import type { PdfRow, RenderPdfOptions } from './pdf.js';

const pageWidth = 595;
const pageHeight = 842;
const margin = 56;
const defaultSize = 10;

/** A piece of a cell's text in one font, in drawing order (left to right). */
export interface TextRun {
  font: PDFFont;
  text: string;
}

/** How a document turns a cell's text into runs of text in fonts it has embedded. */
export interface CellFonts {
  runs(text: string, bold: boolean): Promise<TextRun[]>;
}

/**
 * Composed characters (so "e" + combining acute is one "é" a font has), and control
 * characters as spaces: a name pasted with a tab or a line break stays on its line.
 */
function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\p{Cc}/gu, ' ');
}

/** Helvetica's encoding (WinAnsi); pdf-lib types the font name as its internal enum. */
const winAnsi = StandardFontEmbedder.for(
  StandardFonts.Helvetica as unknown as Parameters<typeof StandardFontEmbedder.for>[0],
).encoding;

function isWinAnsi(text: string): boolean {
  for (const char of text) {
    if (!winAnsi.canEncodeUnicodeCodePoint(char.codePointAt(0) ?? 0)) return false;
  }
  return true;
}

/** Helvetica (a PDF standard font: nothing embedded), for text WinAnsi can encode. */
async function standardFonts(doc: PDFDocument): Promise<CellFonts> {
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  return { runs: async (text, isBold) => [{ font: isBold ? bold : regular, text }] };
}

async function fontsFor(doc: PDFDocument, texts: string[]): Promise<CellFonts> {
  if (texts.every(isWinAnsi)) return standardFonts(doc);
  const { embeddedFonts } = await import('./pdf-fonts.js');
  return embeddedFonts(doc);
}

/** Renders rows of text to the bytes of a PDF file (see `renderPdf`). */
export async function writePdf(
  rows: PdfRow[],
  { title = 'Document' }: RenderPdfOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  // No creation or modification date: the same rows always give the same document.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(cleanText(title));
  doc.setProducer('@billkit/mocks');
  const cleanRows = rows.map((row) => ({
    ...row,
    cells: row.cells.map((cell) => ({ ...cell, text: cleanText(cell.text) })),
  }));
  const fonts = await fontsFor(
    doc,
    cleanRows.flatMap((row) => row.cells.map((cell) => cell.text)),
  );

  let page: PDFPage | undefined;
  let y = 0;
  for (const row of cleanRows) {
    const rowSize = Math.max(defaultSize, ...row.cells.map((cell) => cell.size ?? defaultSize));
    const advance = (row.gap ?? 4) + rowSize;
    if (!page || y - advance < margin) {
      page = doc.addPage([pageWidth, pageHeight]);
      y = pageHeight - margin;
    }
    y -= advance;
    for (const cell of row.cells) {
      const size = cell.size ?? defaultSize;
      let x = cell.x;
      for (const run of await fonts.runs(cell.text, cell.bold ?? false)) {
        page.drawText(run.text, { x, y, size, font: run.font });
        x += run.font.widthOfTextAtSize(run.text, size);
      }
    }
  }
  // With no rows, pdf-lib adds an empty page: a PDF has at least one.
  const bytes = await doc.save();
  // Typed over ArrayBufferLike; a copy owns an ArrayBuffer, which Blob and Response bodies need.
  return new Uint8Array(bytes);
}
