/** The screenshot check itself: blank and flat images fail, a rendered page passes. */
import { PNG } from 'pngjs';
import { expect, test } from 'vitest';
import { checkScreenshot } from './screenshots.js';

/** A PNG of `width` × `height` whose pixel (x, y) has the colour `paint` gives. */
function png(
  width: number,
  height: number,
  paint: (x: number, y: number) => [number, number, number],
): Buffer {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = (y * width + x) * 4;
      const [red, green, blue] = paint(x, y);
      image.data.set([red, green, blue, 255], offset);
    }
  }
  return PNG.sync.write(image);
}

test('a blank page fails', () => {
  const { problems } = checkScreenshot(png(200, 100, () => [255, 255, 255]));
  expect(problems).toEqual([
    'only 1 distinct colours',
    'only 0.0 % of the pixels off the background',
  ]);
});

test('a page of a few flat boxes (content that never rendered) fails', () => {
  const boxes = checkScreenshot(
    png(200, 100, (x) => (x < 150 ? [243, 244, 247] : x < 180 ? [255, 255, 255] : [79, 70, 229])),
  );
  // The page grey and the card white are one colour at 4 bits a channel; the accent another.
  expect(boxes.problems).toEqual(['only 2 distinct colours']);
});

test('a page with text and colour passes', () => {
  // A background with "text": many shades spread over a fifth of the pixels.
  const page = checkScreenshot(
    png(200, 100, (x, y) =>
      (x + y) % 5 === 0 ? [(x * 7) % 256, (y * 11) % 256, (x * y) % 256] : [243, 244, 247],
    ),
  );
  expect(page.problems).toEqual([]);
  expect(page.stats.foreground).toBeGreaterThan(0.15);
});

test('a file that is not a PNG is a broken capture', () => {
  expect(() => checkScreenshot(Buffer.from('<html>not an image</html>'))).toThrow();
});
