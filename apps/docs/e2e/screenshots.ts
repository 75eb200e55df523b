/**
 * Whether a screenshot shows a page at all: a blank page (one colour), a page that never
 * rendered its content (a few flat areas) or a broken capture (not a PNG, no pixels) fails.
 */
import { PNG } from 'pngjs';

export interface ScreenshotStats {
  width: number;
  height: number;
  /** Colours told apart at 4 bits a channel (text, borders and accents give dozens). */
  distinctColors: number;
  /**
   * The share of pixels not in the most common colour (the background), told apart at 5 bits a
   * channel (the page's grey and its cards' white differ).
   */
  foreground: number;
}

/** Below these a page is blank or lost its content (a rendered billing page is far above). */
export const minimums = { distinctColors: 48, foreground: 0.08 } as const;

export function screenshotStats(png: Buffer): ScreenshotStats {
  const { width, height, data } = PNG.sync.read(png);
  // Counted in typed arrays, not a Map: a full-page screenshot has millions of pixels.
  const coarse = new Uint8Array(1 << 12);
  const fine = new Uint32Array(1 << 15);
  for (let offset = 0; offset < data.length; offset += 4) {
    const [red, green, blue] = [data[offset]!, data[offset + 1]!, data[offset + 2]!];
    coarse[((red >> 4) << 8) | ((green >> 4) << 4) | (blue >> 4)] = 1;
    fine[((red >> 3) << 10) | ((green >> 3) << 5) | (blue >> 3)]! += 1;
  }
  const pixels = width * height;
  let background = 0;
  for (const count of fine) if (count > background) background = count;
  return {
    width,
    height,
    distinctColors: coarse.reduce((sum, seen) => sum + seen, 0),
    foreground: pixels === 0 ? 0 : 1 - background / pixels,
  };
}

/** What is wrong with the screenshot (empty when it shows a page), and its figures. */
export function checkScreenshot(png: Buffer): { problems: string[]; stats: ScreenshotStats } {
  const stats = screenshotStats(png);
  const problems: string[] = [];
  if (stats.width === 0 || stats.height === 0) problems.push('no pixels');
  if (stats.distinctColors < minimums.distinctColors) {
    problems.push(`only ${stats.distinctColors} distinct colours`);
  }
  if (stats.foreground < minimums.foreground) {
    problems.push(`only ${(stats.foreground * 100).toFixed(1)} % of the pixels off the background`);
  }
  return { problems, stats };
}
