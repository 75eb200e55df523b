/**
 * Fonts for documents whose text Helvetica cannot print: the Noto faces generated into
 * ./generated/fonts (Latin with Vietnamese, Greek, Cyrillic, Hebrew, Arabic, Japanese,
 * Simplified Chinese, Korean, monochrome emoji). A face is imported the first time a text
 * needs it and embedded as a subset of the glyphs the document uses.
 *
 * Right-to-left text is drawn in visual order: the Unicode bidi algorithm (bidi-js) gives
 * each character its embedding level, and runs are reordered as rule L2 says. fontkit
 * shapes Arabic (joining forms) and reverses the runs it shapes in Hebrew or Arabic;
 * every other run at an odd level is reversed here. Cells stay left-aligned.
 */
import fontkit, { type Font } from '@cantoo/fontkit';
import type { PDFDocument, PDFFont } from '@cantoo/pdf-lib';
import bidiFactory from 'bidi-js';
import { type FontFaceEntry, type FontScript, fontFaces } from './generated/fonts/index.js';
import type { CellFonts, TextRun } from './pdf-writer.js';

const bidi = bidiFactory();
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

interface LoadedFace {
  entry: FontFaceEntry;
  bytes: Uint8Array;
  font: Font;
}

const pagesOf = new Map(fontFaces.map((entry) => [entry, new Set(entry.pages)]));

/** Faces decoded once and shared by every document (a failed import is tried again). */
const loadedFaces = new Map<FontFaceEntry, Promise<LoadedFace>>();

/** A face module's font: base64 of a deflated TrueType file (see scripts/build-fonts.mjs). */
async function decodeFont(base64: string): Promise<Uint8Array> {
  const binary = atob(base64);
  const deflated = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) deflated[index] = binary.charCodeAt(index);
  const inflated = new Blob([deflated]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(inflated).arrayBuffer());
}

function loadFace(entry: FontFaceEntry): Promise<LoadedFace> {
  let loaded = loadedFaces.get(entry);
  if (!loaded) {
    loaded = entry.load().then(async ({ default: base64 }) => {
      const bytes = await decodeFont(base64);
      const font = fontkit.create(bytes);
      if (!('hasGlyphForCodePoint' in font)) throw new Error(`${entry.id} is a font collection`);
      return { entry, bytes, font };
    });
    loaded.catch(() => loadedFaces.delete(entry));
    loadedFaces.set(entry, loaded);
  }
  return loaded;
}

/**
 * The scripts in the order their faces are tried. Han characters are in the Japanese,
 * Chinese and Korean faces alike; the language the rest of the text is in goes first
 * (kana: Japanese, hangul: Korean, otherwise Chinese).
 */
function scriptOrder(text: string): FontScript[] {
  const cjk: FontScript[] = /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)
    ? ['japanese', 'chinese', 'korean']
    : /\p{Script=Hangul}/u.test(text)
      ? ['korean', 'japanese', 'chinese']
      : ['chinese', 'japanese', 'korean'];
  return ['latin', 'hebrew', 'arabic', ...cjk, 'emoji'];
}

/** The faces to try for a text, best first: its weight before the other, then by script. */
function facesFor(text: string, bold: boolean): FontFaceEntry[] {
  const order = scriptOrder(text);
  const rank = (entry: FontFaceEntry) =>
    (entry.bold === bold ? 0 : order.length) + order.indexOf(entry.script);
  return [...fontFaces].sort((a, b) => rank(a) - rank(b));
}

async function faceWith(faces: FontFaceEntry[], codes: number[]): Promise<LoadedFace | undefined> {
  for (const entry of faces) {
    const pages = pagesOf.get(entry)!;
    if (!codes.every((code) => pages.has(code >> 8))) continue;
    const face = await loadFace(entry);
    if (codes.every((code) => face.font.hasGlyphForCodePoint(code))) return face;
  }
  return undefined;
}

const ignorable = /^\p{Default_Ignorable_Code_Point}$/u;

/** A user-perceived character (a letter with its marks, an emoji sequence) and its face. */
interface Cluster {
  text: string;
  face: LoadedFace;
}

/**
 * The face for each grapheme cluster: the first face that has all of it, else the first
 * that has its base character (other characters it lacks are dropped), else '?'.
 * Invisible characters no face has (joiners, variation selectors) are dropped.
 */
async function clusters(text: string, bold: boolean): Promise<Cluster[]> {
  const faces = facesFor(text, bold);
  const result: Cluster[] = [];
  for (const { segment } of graphemes.segment(text)) {
    const codes = [...segment].map((char) => char.codePointAt(0)!);
    const visible = codes.filter((code) => !ignorable.test(String.fromCodePoint(code)));
    if (visible.length === 0) continue;
    const face = (await faceWith(faces, visible)) ?? (await faceWith(faces, [visible[0]!]));
    if (face) {
      const kept = codes.filter(
        (code) => code === visible[0] || face.font.hasGlyphForCodePoint(code),
      );
      result.push({ text: String.fromCodePoint(...kept), face });
    } else {
      result.push({ text: '?', face: (await faceWith(faces, [0x3f]))! });
    }
  }
  return result;
}

/** Whether fontkit reverses a run it lays out: when its first character with a script is RTL. */
const withScript = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;
const rightToLeftScript = /[\p{Script=Hebrew}\p{Script=Arabic}]/u;

function shaperReverses(text: string): boolean {
  const first = withScript.exec(text)?.[0];
  return first !== undefined && rightToLeftScript.test(first);
}

/** Rule L2: from the highest level to the lowest odd one, reverse every sequence at that level or above. */
function visualOrder<T extends { level: number }>(runs: T[]): T[] {
  const result = [...runs];
  const levels = runs.map((run) => run.level);
  const lowestOdd = Math.min(...levels.filter((level) => level % 2 === 1));
  for (let level = Math.max(...levels); level >= lowestOdd; level--) {
    for (let start = 0; start < result.length; ) {
      if (result[start]!.level < level) {
        start++;
        continue;
      }
      let end = start;
      while (end < result.length && result[end]!.level >= level) end++;
      result.splice(start, end - start, ...result.slice(start, end).reverse());
      start = end;
    }
  }
  return result;
}

interface Run {
  face: LoadedFace;
  level: number;
  clusters: string[];
}

/** Splits a cell into runs of one face and one bidi level, in visual (drawing) order. */
async function visualRuns(text: string, bold: boolean): Promise<Run[]> {
  const faced = await clusters(text, bold);
  const logical = faced.map((cluster) => cluster.text).join('');
  const { levels } = bidi.getEmbeddingLevels(logical);
  const runs: Run[] = [];
  let offset = 0;
  for (const cluster of faced) {
    const level = levels[offset]!;
    offset += cluster.text.length;
    const last = runs.at(-1);
    if (last && last.face === cluster.face && last.level === level)
      last.clusters.push(cluster.text);
    else runs.push({ face: cluster.face, level, clusters: [cluster.text] });
  }
  for (const run of runs) {
    const rightToLeft = run.level % 2 === 1;
    if (rightToLeft !== shaperReverses(run.clusters.join(''))) {
      run.clusters.reverse();
      if (rightToLeft) {
        run.clusters = run.clusters.map((cluster) => bidi.getMirroredCharacter(cluster) ?? cluster);
      }
    }
  }
  return visualOrder(runs);
}

/** A subset's tag (six capital letters, ISO 32000 9.6.4), from the order faces are embedded in. */
function subsetTag(index: number): string {
  return Array.from({ length: 6 }, (_, position) =>
    String.fromCharCode(65 + (Math.floor(index / 26 ** (5 - position)) % 26)),
  ).join('');
}

/**
 * The embedded fonts of one document: each face is embedded once, as the subset of glyphs
 * the document uses, named by a tag from the order it was embedded in (pdf-lib's default
 * is a random suffix: the same rows then always give the same bytes).
 */
export function embeddedFonts(doc: PDFDocument): CellFonts {
  doc.registerFontkit(fontkit);
  const embedded = new Map<LoadedFace, Promise<PDFFont>>();
  const pdfFont = (face: LoadedFace) => {
    let font = embedded.get(face);
    if (!font) {
      const customName = `${subsetTag(embedded.size)}+${face.font.postscriptName ?? face.entry.id}`;
      font = doc.embedFont(face.bytes, { subset: true, customName });
      embedded.set(face, font);
    }
    return font;
  };
  return {
    async runs(text, bold) {
      const runs: TextRun[] = [];
      for (const run of await visualRuns(text, bold)) {
        runs.push({ font: await pdfFont(run.face), text: run.clusters.join('') });
      }
      return runs;
    },
  };
}
