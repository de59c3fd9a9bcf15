/**
 * Pure pieces that turn decoded pixels into PaddleOCR's input tensors and its detection output
 * back into a text mask. Float32Array from the start: the engine library built each tensor as
 * three plain JS arrays of doubles, spread into a fourth, then copied (about 5x the tensor's size
 * on the JS heap for every image and every line).
 */

/** Both sides of the detection input must be multiples of this (the model downsamples by 32). */
export const BASE = 32;

export const ceilTo = (n: number, base = BASE): number => Math.max(base, Math.ceil(n / base) * base);

/**
 * The model's input layout for one block of rows: planes B, G, R (the order PaddleOCR was trained
 * on), values 0–1, `width` columns. Rows and columns past the image repeat its last row and
 * column, so padding up to a multiple of 32 adds no edge that could read as text.
 */
export function toPlanes(rgb: Uint8Array, image: { width: number; height: number }, rows: { from: number; to: number }, width: number): Float32Array {
  const height = rows.to - rows.from;
  const plane = width * height;
  const out = new Float32Array(3 * plane);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(rows.from + y, image.height - 1);
    for (let x = 0; x < width; x++) {
      const s = (sy * image.width + Math.min(x, image.width - 1)) * 3;
      const d = y * width + x;
      out[d] = rgb[s + 2]! / 255;
      out[plane + d] = rgb[s + 1]! / 255;
      out[2 * plane + d] = rgb[s]! / 255;
    }
  }
  return out;
}

export type Band = {
  /** Rows given to the model (multiples of 32 apart). */
  from: number;
  to: number;
  /** Rows of its output kept: the model sees `margin` rows of context beyond them on each side. */
  keepFrom: number;
  keepTo: number;
};

/**
 * Cuts a tall image (height a multiple of 32) into horizontal bands of `band` rows, each read
 * with `margin` rows of context above and below. Detection's memory grows with the pixels it
 * sees at once (about 300 MB for a whole 736×1568 image, about 150 MB for 736×512 rows), so a band
 * at a time bounds it whatever the screenshot's length; the margins keep a line that crosses a band's
 * edge whole, because its output is taken from the band that holds it with context.
 */
export function bands(height: number, band: number, margin: number): Band[] {
  if (height % BASE || band % BASE || margin % BASE || band <= 0) throw new Error("bands: sizes must be multiples of 32");
  const out: Band[] = [];
  for (let keepFrom = 0; keepFrom < height; keepFrom += band) {
    const keepTo = Math.min(height, keepFrom + band);
    out.push({ from: Math.max(0, keepFrom - margin), to: Math.min(height, keepTo + margin), keepFrom, keepTo });
  }
  return out;
}

/**
 * Writes a band's text probabilities into the whole image's mask: 255 where the model thinks
 * there is text (above `threshold`, PaddleOCR's 0.03 as the engine library uses it), else 0.
 */
export function markText(mask: Uint8Array, probabilities: Float32Array, width: number, band: Band, threshold = 0.03): void {
  for (let y = band.keepFrom; y < band.keepTo; y++) {
    const src = (y - band.from) * width;
    const dst = y * width;
    for (let x = 0; x < width; x++) mask[dst + x] = probabilities[src + x]! > threshold ? 255 : 0;
  }
}
