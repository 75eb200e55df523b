import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { includeExamples } from '../../src/guides/include-examples.js';

function appWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'guide-include-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

test('an include becomes the file as escaped code, captioned with its path', () => {
  const root = appWith({ 'examples/a/page.html': '<script src="x.js"></script>\n<p>a & b</p>\n' });
  const html = includeExamples(
    '<main><pre data-include="examples/a/page.html"></pre></main>',
    root,
  );
  expect(html).toBe(
    '<main><figure class="code" data-lang="html"><figcaption>examples/a/page.html</figcaption>' +
      '<pre tabindex="0"><code>&lt;script src="x.js"&gt;&lt;/script&gt;\n&lt;p&gt;a &amp; b&lt;/p&gt;</code></pre></figure></main>',
  );
});

test('a missing file or a path outside the app fails the build', () => {
  const root = appWith({ 'examples/ok.ts': 'export {};\n' });
  expect(() => includeExamples('<pre data-include="examples/gone.ts"></pre>', root)).toThrow(
    /ENOENT/,
  );
  expect(() => includeExamples('<pre data-include="../secret.txt"></pre>', root)).toThrow(
    /outside the app/,
  );
});
