// The build minifies the markup of html`` and css`` templates in dist (scripts/minify-literals.mjs):
// what hosts import must be smaller without rendering any differently.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { minifyTemplates } from '../../scripts/minify-literals.mjs';

async function minified(code: string): Promise<string> {
  const result = await minifyTemplates(code, 'sample.js');
  if (!result) throw new Error('no template was minified');
  return result.code;
}

describe('template minification in the build', () => {
  it('strips CSS comments and whitespace from css templates', async () => {
    const code = await minified(
      'const styles = css`\n  /* why */\n  :host {\n    display: block;\n    gap: calc(var(--_space) * 2);\n  }\n`;',
    );
    expect(code).toBe('const styles = css`:host{gap:calc(var(--_space) * 2);display:block}`;');
  });

  it('keeps the space between inline elements and expressions, and empty attributes', async () => {
    const code = await minified(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: module source, minified as text
      'const view = html`\n  <p part="total">\n    <b>${count}</b> seats\n    <span>${price}</span> ${period}\n  </p>\n  <img alt="" src=${src}>\n`;',
    );
    expect(code).toBe(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: module source, minified as text
      'const view = html` <p part="total"> <b>${count}</b> seats <span>${price}</span> ${period} </p> <img alt="" src=${src}> `;',
    );
  });

  it('leaves no indented newline in the built styles', async () => {
    const built = await readFile(
      new URL('../../dist/seat-counter/seat-counter.styles.js', import.meta.url),
      'utf8',
    );
    expect(built).toMatch(/css\s*`:host\{/);
    expect(built).not.toMatch(/css\s*`[^`]*\n\s+/);
  });
});
