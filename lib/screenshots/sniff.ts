/**
 * What an uploaded file is, from its first bytes (a name or a browser's type can say anything).
 * Pure, so the browser refuses early and the server decides again.
 */
export type ImageKind = "png" | "jpeg" | "webp" | "heic" | "unknown";

export const MAX_SCREENSHOT_BYTES = 10 * 1024 * 1024;
export const MAX_SCREENSHOTS = 30;

export function sniffImage(head: Uint8Array): ImageKind {
  const b = (i: number) => head[i] ?? -1;
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (b(0) === 0x89 && ascii(1, 4) === "PNG" && b(4) === 0x0d && b(5) === 0x0a) return "png";
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return "jpeg";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  // ISO-BMFF: "ftyp" at 4, then a brand of the HEIF family (iPhone photos and screenshots).
  if (ascii(4, 8) === "ftyp" && /^(heic|heix|hevc|hevx|heim|heis|mif1|msf1|avif)$/.test(ascii(8, 12))) return "heic";
  return "unknown";
}
