/**
 * HTML built at build time for the site (the reference pages, the site header, the guides' code). Every interpolated value is escaped unless it
 * is already `Html` (made by this template, or by `trustedHtml` from the Markdown renderer, which
 * escapes raw HTML itself): text from the spec or the manifest is never injected as markup.
 */
const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character]!);
}

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** Markup produced by a renderer that escapes its input (the Markdown renderer). */
export function trustedHtml(text: string): Html {
  return new Html(text);
}

export type HtmlValue = Html | string | number | false | null | undefined | readonly HtmlValue[];

function serialize(value: HtmlValue): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(serialize).join('');
  if (value === false || value === null || value === undefined) return '';
  return escapeHtml(String(value));
}

/** `html\`<p>${text}</p>\``: strings and numbers escaped, `Html` kept, lists joined, `false`/nullish dropped. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let text = strings[0] ?? '';
  values.forEach((value, index) => {
    text += serialize(value) + (strings[index + 1] ?? '');
  });
  return new Html(text);
}

/** An id usable as a URL fragment, from a name of the spec or the manifest. */
export function anchor(prefix: string, name: string): string {
  return `${prefix}-${name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'default'}`;
}
