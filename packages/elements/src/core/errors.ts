import { isBillingApiError } from '@billkit/sdk';
import { codeTexts } from '../i18n/load-code-texts.js';

/** An error as an element shows it: one message, and messages at the fields they concern. */
export interface ErrorReport {
  message: string;
  /** Localized messages by JSON Pointer into the request body (`/seats`). */
  fields: Map<string, string>;
  /** The problem code (`version_conflict`), or the SDK's error kind (`network`, `timeout`). */
  code: string;
}

/**
 * Maps any error an SDK call rejects with to localized text: API problems by their stable
 * `code`, field errors by theirs (falling back to the problem's message), network and timeout
 * errors by kind. English `title`/`detail` from the API are never shown.
 */
export function describeError(error: unknown): ErrorReport {
  const { problemText, unknownProblem } = codeTexts();
  if (isBillingApiError(error)) {
    const fields = new Map<string, string>();
    for (const field of error.fieldErrors) {
      const text = problemText[field.code] ?? problemText[error.code];
      fields.set(field.pointer, text ? text() : unknownProblem(field.code));
    }
    const text = problemText[error.code];
    return { code: error.code, fields, message: text ? text() : unknownProblem(error.code) };
  }
  const kind = (error as { kind?: unknown } | null)?.kind;
  const code = kind === 'timeout' ? 'timeout' : kind === 'network' ? 'network' : 'unknown';
  const text = problemText[code];
  return { code, fields: new Map(), message: text ? text() : unknownProblem(code) };
}

/** Whether an error is the reason of an aborted signal (a superseded load, not a failure). */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
