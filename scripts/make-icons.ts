/**
 * Draws the installable app's PNG icons (public/icons) from app/icon.svg, the one logo source.
 * Run again after changing the logo: `npx tsx scripts/make-icons.ts`. The PNGs are committed.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type SharpType from "sharp";

const sharp = createRequire(createRequire(import.meta.url).resolve("@gutenye/ocr-node"))("sharp") as typeof SharpType;
const root = path.resolve(import.meta.dirname, "..");
const svg = readFileSync(path.join(root, "app/icon.svg"));
const out = (name: string) => path.join(root, "public/icons", name);

for (const size of [192, 512]) {
  await sharp(svg, { density: (72 * size) / 24 }).resize(size, size).png().toFile(out(`icon-${size}.png`));
}
// Maskable: the launcher crops to its own shape, so the logo sits in the middle 80% on its colour.
const inner = await sharp(svg, { density: (72 * 400) / 24 }).resize(400, 400).png().toBuffer();
await sharp({ create: { width: 512, height: 512, channels: 4, background: "#0d9488" } })
  .composite([{ input: inner, left: 56, top: 56 }])
  .png()
  .toFile(out("maskable-512.png"));
console.log("icons written to public/icons");
