// Turns the Noto font files of the @fontsource devDependencies into modules the PDF
// writer imports on demand (src/generated/fonts/): one module per face whose default
// export is the font as base64, so the same `import()` loads it in Node, Vite, esbuild and
// under MSW in a browser, and bundlers split every face into its own chunk. The index
// module lists the faces in the order the writer tries them, each with the 256-code-point
// pages its font has glyphs in, so a face is loaded only when the text may need it.
//
// The font is stored as a deflated TrueType file, not as the WOFF it comes in: fontkit
// inflates a WOFF's whole glyph table again for every glyph it reads (seconds for a CJK
// font), while the TrueType file is inflated once when loaded (DecompressionStream) and
// is about as small. The sources are WOFF, not WOFF2: fontkit subsets WOFF2 glyphs into
// broken outlines (seen with @cantoo/fontkit 2.0 and @pdf-lib/fontkit 1.1).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, inflateSync } from 'node:zlib';
import fontkit from '@cantoo/fontkit';

const require = createRequire(import.meta.url);
const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const targetDir = join(packageDir, 'src', 'generated', 'fonts');

/**
 * The faces, in the order the writer tries them for a character. `script` groups them:
 * the writer reorders the CJK groups by what a text contains (kana: Japanese first,
 * hangul: Korean first, otherwise Chinese first). CJK and emoji come in one weight only
 * (each is 0.5–1.6 MB); bold text in those scripts is printed in the regular weight.
 */
const latinSubsets = [
  'latin',
  'latin-ext',
  'vietnamese',
  'greek',
  'greek-ext',
  'cyrillic',
  'cyrillic-ext',
];
const faces = [
  ...[400, 700].flatMap((weight) => [
    ...latinSubsets.map((subset) => ({ family: 'noto-sans', subset, weight, script: 'latin' })),
    { family: 'noto-sans-hebrew', subset: 'hebrew', weight, script: 'hebrew' },
    { family: 'noto-sans-arabic', subset: 'arabic', weight, script: 'arabic' },
  ]),
  { family: 'noto-sans-jp', subset: 'japanese', weight: 400, script: 'japanese' },
  { family: 'noto-sans-sc', subset: 'chinese-simplified', weight: 400, script: 'chinese' },
  { family: 'noto-sans-kr', subset: 'korean', weight: 400, script: 'korean' },
  { family: 'noto-emoji', subset: 'emoji', weight: 400, script: 'emoji' },
];

/** The TrueType (sfnt) file a WOFF 1.0 file wraps: its tables, inflated, behind an sfnt header. */
function woffToSfnt(woff) {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 file');
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, index) => {
    const entry = 44 + index * 20;
    const offset = woff.readUInt32BE(entry + 4);
    const compressedLength = woff.readUInt32BE(entry + 8);
    const length = woff.readUInt32BE(entry + 12);
    const stored = woff.subarray(offset, offset + compressedLength);
    return {
      tag: woff.readUInt32BE(entry),
      checksum: woff.readUInt32BE(entry + 16),
      data: compressedLength < length ? inflateSync(stored) : stored,
    };
  });
  const entrySelector = Math.floor(Math.log2(numTables));
  const header = Buffer.alloc(12 + numTables * 16);
  header.writeUInt32BE(woff.readUInt32BE(4), 0); // the sfnt version ("flavor")
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(2 ** entrySelector * 16, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - 2 ** entrySelector * 16, 10);
  const parts = [header];
  let offset = header.length;
  tables.forEach((table, index) => {
    const record = 12 + index * 16;
    header.writeUInt32BE(table.tag, record);
    header.writeUInt32BE(table.checksum, record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(table.data.length, record + 12);
    const padded = Buffer.alloc(Math.ceil(table.data.length / 4) * 4);
    table.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

// The fonts change only with this script or a font package: skip the slow work when the last
// output was made from the same inputs. Files are overwritten in place (never removed first),
// so a type check or test reading them while a build runs never sees them missing.
const stamp = createHash('sha256')
  .update(readFileSync(fileURLToPath(import.meta.url)))
  .update(
    faces
      .map((face) => `${face.family}@${require(`@fontsource/${face.family}/package.json`).version}`)
      .join(),
  )
  .digest('hex');
const indexFile = join(targetDir, 'index.ts');
if (existsSync(indexFile) && readFileSync(indexFile, 'utf8').includes(`stamp ${stamp}`)) {
  console.log(`build-fonts: up to date (${targetDir})`);
  process.exit(0);
}
mkdirSync(targetDir, { recursive: true });
const written = new Set(['index.ts']);
const entries = [];
let totalBytes = 0;
for (const face of faces) {
  const id = `${face.family}-${face.subset}-${face.weight}`;
  const file = require.resolve(
    `@fontsource/${face.family}/files/${face.family}-${face.subset}-${face.weight}-normal.woff`,
  );
  const sfnt = woffToSfnt(readFileSync(file));
  const bytes = deflateSync(sfnt, { level: 9 });
  const pages = [...new Set(fontkit.create(sfnt).characterSet.map((code) => code >> 8))].sort(
    (a, b) => a - b,
  );
  const { version } = require(`@fontsource/${face.family}/package.json`);
  written.add(`${id}.ts`);
  writeFileSync(
    join(targetDir, `${id}.ts`),
    `// Generated by scripts/build-fonts.mjs from @fontsource/${face.family}@${version} (SIL OFL 1.1).\n` +
      // Typed \`string\`: a literal type would copy the font into the declaration file.
      `const font: string = '${bytes.toString('base64')}';\nexport default font;\n`,
  );
  entries.push(
    `  {\n    id: '${id}',\n    script: '${face.script}',\n    bold: ${face.weight >= 700},\n` +
      `    pages: [${pages.join(', ')}],\n    load: () => import('./${id}.js'),\n  },`,
  );
  totalBytes += bytes.length;
}

for (const file of readdirSync(targetDir)) {
  if (!written.has(file)) rmSync(join(targetDir, file), { force: true });
}
writeFileSync(
  indexFile,
  `// Generated by scripts/build-fonts.mjs: the embeddable faces, in the order they are tried.
// stamp ${stamp}
export type FontScript = 'latin' | 'hebrew' | 'arabic' | 'japanese' | 'chinese' | 'korean' | 'emoji';

export interface FontFaceEntry {
  id: string;
  script: FontScript;
  bold: boolean;
  /** The 256-code-point pages (code point >> 8) the font has at least one glyph in. */
  pages: readonly number[];
  /** The TrueType file, deflated (zlib), base64. */
  load: () => Promise<{ default: string }>;
}

export const fontFaces: readonly FontFaceEntry[] = [
${entries.join('\n')}
];
`,
);
console.log(
  `build-fonts: ${faces.length} faces, ${(totalBytes / 1024 / 1024).toFixed(1)} MB deflated -> ${targetDir}`,
);
