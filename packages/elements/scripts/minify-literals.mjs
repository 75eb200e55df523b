/**
 * Minifies the markup inside Lit's `html` and `css` tagged templates in `dist/` after `tsc`,
 * as Lit's own packages ship theirs: a JavaScript minifier leaves template strings alone, so
 * without this every indent and newline of the elements' templates and styles reaches a
 * host's bundle. Source stays readable; only what hosts import is minified.
 *
 *   node scripts/minify-literals.mjs      rewrites dist/**\/*.js and their source maps
 *
 * HTML whitespace is collapsed conservatively (a run becomes one space, never nothing), so
 * text between inline elements renders exactly as before. Each source map is re-pointed at
 * the TypeScript source through the minification step.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import remapping from '@jridgewell/remapping';
import { defaultMinifyOptions, minifyHTMLLiterals } from '@literals/html-css-minifier';

const minifyOptions = {
  ...defaultMinifyOptions,
  // A run of whitespace becomes one space rather than none: whitespace between inline
  // elements and expressions is text a user sees.
  conservativeCollapse: true,
  // `alt=""` and similar empty attributes carry meaning (accessibility); keep every one.
  removeEmptyAttributes: false,
  // Entities stay as written: the templates' text is what translators and tests see.
  decodeEntities: false,
};

async function* javaScriptFiles(directory) {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* javaScriptFiles(path);
    else if (entry.name.endsWith('.js')) yield path;
  }
}

/**
 * `code` (an ES module) with the markup of its `html` and `css` templates minified, and the
 * map from the result back to `code`; undefined when it has no such template.
 */
export async function minifyTemplates(code, fileName) {
  return minifyHTMLLiterals(code, { fileName, minifyOptions });
}

async function minifyFile(path) {
  const code = await readFile(path, 'utf8');
  const result = await minifyTemplates(code, basename(path));
  if (!result) return 0; // no html`` or css`` in this module
  await writeFile(path, result.code);
  const mapPath = `${path}.map`;
  if (existsSync(mapPath) && result.map) {
    const tscMap = JSON.parse(await readFile(mapPath, 'utf8'));
    // The minifier's map leads from the minified file to tsc's output; tsc's leads on to src.
    const composed = remapping(JSON.parse(result.map.toString()), (file) =>
      file === basename(path) ? tscMap : null,
    );
    await writeFile(mapPath, JSON.stringify({ ...composed, file: tscMap.file }));
  }
  return code.length - result.code.length;
}

/** Minifies every module of `dist/` in place; returns the bytes saved. */
export async function minifyDist(
  distDirectory = fileURLToPath(new URL('../dist/', import.meta.url)),
) {
  let saved = 0;
  for await (const path of javaScriptFiles(distDirectory)) saved += await minifyFile(path);
  return saved;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const saved = await minifyDist();
  console.log(`minify-literals: ${saved} bytes of template whitespace removed from dist`);
}
