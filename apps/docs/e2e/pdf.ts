/**
 * The text of a PDF as a reader shows it, extracted with pdf.js (Mozilla's reader), as
 * packages/mocks' PDF tests read the invoices they generate.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfText(bytes: Uint8Array): Promise<string> {
  // A copy, as a plain Uint8Array (pdf.js refuses a Node Buffer, and detaches what it is given).
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const pieces: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    for (const item of (await page.getTextContent()).items) {
      if ('str' in item && item.str !== '') pieces.push(item.str);
    }
  }
  await pdf.destroy();
  return pieces.join(' ');
}
