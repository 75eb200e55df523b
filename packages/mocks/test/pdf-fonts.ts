/** The fonts a generated PDF embeds, read with pdf-lib's parser (not its writer). */
import { PDFDict, PDFDocument, PDFName } from '@cantoo/pdf-lib';

/** The BaseFont names of the fonts a PDF embeds (a subset's name starts with its tag). */
export async function embeddedFontNames(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  const names: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    if (object.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    const file = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => object.has(PDFName.of(key)));
    if (file) names.push(String(object.get(PDFName.of('FontName'))).replace(/^\//, ''));
  }
  return names.sort();
}
