/** Reads a generated PDF's text back with pdf.js (Mozilla's reader, as Firefox shows the file). */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfReading {
  pages: number;
  /**
   * Each line of each page as displayed, left to right (right-to-left text reads reversed);
   * pieces apart on the line are joined by a space.
   */
  lines: string[];
  /** The text pdf.js extracts, each piece in reading order, joined by spaces. */
  text: string;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfReading> {
  // pdf.js takes ownership of (detaches) the buffer it is given.
  const pdf = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  const pages = pdf.numPages;
  const lines: string[] = [];
  const pieces: string[] = [];
  for (let number = 1; number <= pages; number++) {
    const page = await pdf.getPage(number);
    const byBaseline = new Map<number, { x: number; width: number; text: string }[]>();
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || item.str === '') continue;
      pieces.push(item.str);
      const [, , , , x, y] = item.transform as number[];
      // pdf.js gives right-to-left pieces in logical order; undo that to get what is drawn.
      const drawn = item.dir === 'rtl' ? [...item.str].reverse().join('') : item.str;
      const line = byBaseline.get(Math.round(y!)) ?? [];
      line.push({ x: x!, width: item.width, text: drawn });
      byBaseline.set(Math.round(y!), line);
    }
    for (const [, line] of [...byBaseline].sort(([a], [b]) => b - a)) {
      line.sort((a, b) => a.x - b.x);
      const text = line
        .map((piece, index) => {
          const previous = line[index - 1];
          const apart = previous && piece.x > previous.x + previous.width + 1;
          return apart ? ` ${piece.text}` : piece.text;
        })
        .join('');
      lines.push(text.replace(/\s+/g, ' ').trim());
    }
  }
  await pdf.destroy();
  return { pages, lines, text: pieces.join(' ') };
}
