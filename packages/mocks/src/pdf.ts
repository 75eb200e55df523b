/**
 * Rows of text to a PDF. The writer (pdf-lib) and its fonts are imported on first use, so
 * an app that bundles the mock downloads them only when it renders a PDF.
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

export interface RenderPdfOptions {
  /** The document title readers show (PDF metadata). */
  title?: string;
}

/**
 * Renders rows of text on A4 pages, breaking pages as needed. Text in any script the
 * bundled Noto fonts cover is printed as text (selectable, searchable); when every
 * character is in WinAnsi the document uses Helvetica and embeds no font.
 */
export async function renderPdf(
  rows: PdfRow[],
  options: RenderPdfOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const { writePdf } = await import('./pdf-writer.js');
  return writePdf(rows, options);
}
