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
  /** The share of pixels not exactly the most common colour (the background). */
  foreground: number;
}

/** Below these a page is blank or lost its content (a rendered billing page is far above). */
export const minimums = { distinctColors: 48, foreground: 0.08 } as const;

export function screenshotStats(png: Buffer): ScreenshotStats {
  const { width, height, data } = PNG.sync.read(png);
  const exact = new Map<number, number>();
  const coarse = new Set<number>();
  for (let offset = 0; offset < data.length; offset += 4) {
    const [red, green, blue] = [data[offset]!, data[offset + 1]!, data[offset + 2]!];
    const color = (red << 16) | (green << 8) | blue;
    exact.set(color, (exact.get(color) ?? 0) + 1);
    coarse.add(((red >> 4) << 8) | ((green >> 4) << 4) | (blue >> 4));
  }
  const pixels = width * height;
  const background = Math.max(0, ...exact.values());
  return {
    width,
    height,
    distinctColors: coarse.size,
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
