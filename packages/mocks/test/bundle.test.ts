/**
 * What an app that bundles the mock for the browser downloads: the PDF writer (pdf-lib,
 * fontkit, bidi-js) and the fonts are chunks of their own, loaded when a PDF is rendered,
 * each font only when a document's text needs it.
 */
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { measureBundle } from '../../../scripts/bundle-size.mjs';

it('keeps the PDF writer and its fonts out of what loads up front', async () => {
  const { eager, lazy } = await measureBundle({
    from: fileURLToPath(new URL('../src/index.ts', import.meta.url)),
    imports: ['createBillingMock', 'renderInvoicePdf', 'renderPdf'],
  });
  const pdfCode = /@cantoo\/|bidi-js|generated\/fonts\/|src\/pdf-(writer|fonts)\.ts/;
  expect(eager.inputs.filter((input) => pdfCode.test(input))).toEqual([]);
  expect(eager.inputs).toContainEqual(expect.stringMatching(/src\/invoice-pdf\.ts$/));

  // Each face is a chunk of its own: a Japanese invoice downloads the Japanese font only.
  const japanese = lazy.filter((chunk) =>
    chunk.inputs.some((input) => input.endsWith('generated/fonts/noto-sans-jp-japanese-400.ts')),
  );
  expect(japanese).toHaveLength(1);
  expect(japanese[0]!.inputs).toHaveLength(1);
  expect(japanese[0]!.bytes).toBeGreaterThan(1_000_000);
  expect(
    lazy.filter((chunk) => chunk.inputs.some((input) => /@cantoo\/pdf-lib/.test(input))),
  ).toHaveLength(1);
});
