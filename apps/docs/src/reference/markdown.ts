/**
 * Descriptions in the spec and the manifest are CommonMark. markdown-it renders them with raw
 * HTML off (`<img onerror>` in a description comes out as text) and its link validation (no
 * `javascript:` URLs). Table alignment becomes a class instead of a `style` attribute, which the
 * pages' Content-Security-Policy (`style-src 'self'`) would refuse.
 */
import MarkdownIt from 'markdown-it';
import { escapeHtml, type Html, trustedHtml } from '../site/html.js';

/** Where a name in `code` points (an operation, a schema), if anywhere. */
export type CodeLinker = (code: string) => string | undefined;

export interface Markdown {
  /** Block Markdown (paragraphs, lists, tables). */
  block(text: string | undefined): Html;
  /** One line of Markdown, without a paragraph around it. */
  inline(text: string | undefined): Html;
}

export function createMarkdown(linkCode: CodeLinker = () => undefined): Markdown {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.core.ruler.push('alignment_as_class', (state) => {
    for (const token of state.tokens) {
      const style = token.attrGet('style');
      if (style === null) continue;
      const alignment = String(style).match(/text-align:\s*(left|right|center)/)?.[1];
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
      if (alignment) token.attrJoin('class', `align-${alignment}`);
    }
  });
  // `applySubscriptionChange` or `ChangeQuote` in a description links to what it names.
  md.renderer.rules.code_inline = (tokens, index) => {
    const content = tokens[index]!.content;
    const code = `<code>${escapeHtml(content)}</code>`;
    const href = linkCode(content);
    return href ? `<a class="code-link" href="${escapeHtml(href)}">${code}</a>` : code;
  };
  return {
    block: (text) => trustedHtml(text ? md.render(text) : ''),
    inline: (text) => trustedHtml(text ? md.renderInline(text) : ''),
  };
}
