import { expect, test } from "vitest";
import { sniffImage } from "./sniff";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

test.each([
  ["png", bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a, 0, 0])],
  ["jpeg", bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], "JFIF")],
  ["webp", bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 ")],
  ["heic", bytes([0, 0, 0, 0x18], "ftypheic", [0, 0, 0, 0], "mif1")],
  ["heic", bytes([0, 0, 0, 0x18], "ftypmif1")],
  ["unknown", bytes("%PDF-1.7")],
  ["unknown", bytes("GIF89a")],
  ["unknown", bytes()],
])("%s", (kind, head) => {
  expect(sniffImage(head)).toBe(kind);
});
