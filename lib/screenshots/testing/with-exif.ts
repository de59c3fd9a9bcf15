import { createRequire } from "node:module";
import type SharpType from "sharp";

const sharp = createRequire(createRequire(import.meta.url).resolve("@gutenye/ocr-node"))("sharp") as typeof SharpType;

/** The image as a JPEG whose EXIF says it was taken at `dateTimeOriginal` ("2026:08:30 21:14:05"). */
export async function jpegWithExif(image: Uint8Array, dateTimeOriginal: string): Promise<Uint8Array> {
  // IFD2 is sharp's name for the Exif sub-IFD, where DateTimeOriginal lives.
  const out = await sharp(image).jpeg({ quality: 85 }).withMetadata({ exif: { IFD2: { DateTimeOriginal: dateTimeOriginal } } }).toBuffer();
  return new Uint8Array(out);
}
