/**
 * Loads the texts keyed by the API's codes (`code-texts.ts`, a chunk of their own) and hands
 * them what they are written with: the page's `msg`, `str` and formatters.
 */

import { type MsgOptions, msg, type StrResult, str } from '@lit/localize';
import { formatDate, formatMoney, formatNumber, plural } from './format.js';

/** What the code-keyed texts are written with, handed over as they load (see `code-texts.ts`). */
export interface TextKit {
  msg: (template: string | StrResult, options: MsgOptions) => string;
  str: typeof str;
  formatDate: typeof formatDate;
  formatMoney: typeof formatMoney;
  formatNumber: typeof formatNumber;
  plural: typeof plural;
}

/** The texts keyed by the API's codes (problems, restrictions, line kinds, reasons, notices). */
export type CodeTexts = ReturnType<typeof import('./code-texts.js').createCodeTexts>;
let codeTextsLoaded: CodeTexts | undefined;
let codeTextsLoading: Promise<CodeTexts> | undefined;

/**
 * The code-keyed texts, a chunk of their own (see `code-texts.ts`). The provider loads them as
 * it starts, beside the locale's catalog, and elements show text only once the provider's
 * locale is set, so they are always in by the time an error, a line or a notice renders: never
 * a bare code.
 */
export function codeTexts(): CodeTexts {
  if (!codeTextsLoaded) throw new Error('bk: code texts are loaded by loadCodeTexts() first');
  return codeTextsLoaded;
}

/** Loads the code-keyed texts once; a failed download is tried again on the next call. */
export function loadCodeTexts(): Promise<CodeTexts> {
  codeTextsLoading ??= import('./code-texts.js').then(
    ({ createCodeTexts }) =>
      (codeTextsLoaded = createCodeTexts({
        // Called through: `msg` is a live binding that `configureLocalization` replaces.
        msg: (template, options) => msg(template, options) as string,
        str,
        formatDate,
        formatMoney,
        formatNumber,
        plural,
      })),
    (error: unknown) => {
      codeTextsLoading = undefined;
      throw error;
    },
  );
  return codeTextsLoading;
}
