/**
 * Turns the bytes of an uploaded text file into a string, guessing the encoding the way the
 * files we meet are actually written: UTF-8 with a BOM (re-saved by Excel or WPS), plain UTF-8,
 * or GBK (the Alipay export and most Chinese bank/Excel CSVs). Server-side: uses Buffer.
 */
import iconv from "iconv-lite";

export const TEXT_ENCODINGS = ["utf-8-bom", "utf-8", "utf-16le", "utf-16be", "gbk"] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export type DecodedText = { text: string; encoding: TextEncoding };

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// `fatal: true` makes the decoder throw on the first invalid sequence, which is what tells
// UTF-8 apart from GBK: GBK text is practically never valid UTF-8 (two-byte GBK pairs start
// with 0x81–0xFE, which UTF-8 only allows in specific lead/continuation patterns).
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const gb18030 = new TextDecoder("gb18030");

/**
 * Detects the encoding (unless `forced`) and decodes. Never throws: bytes that are neither
 * valid UTF-8 nor meaningful GBK still decode (with replacement characters) and the caller's
 * header checks report the file as unrecognised.
 */
export function decodeBytes(bytes: Uint8Array, forced?: TextEncoding): DecodedText {
  const buf = toBuffer(bytes);
  const encoding = forced ?? detectEncoding(buf);
  switch (encoding) {
    case "utf-8-bom":
      return { encoding, text: buf.subarray(hasUtf8Bom(buf) ? 3 : 0).toString("utf8") };
    case "utf-8":
      return { encoding, text: buf.toString("utf8") };
    case "utf-16le":
    case "utf-16be": {
      const text = iconv.decode(buf, encoding); // iconv-lite strips the BOM by default
      return { encoding, text };
    }
    case "gbk":
      // GB18030 is a strict superset of GBK, so a file saved by a newer Windows still decodes.
      // Node's own decoder (ICU) is ~3x faster than iconv-lite's on a 10 MB bill.
      return { encoding, text: gb18030.decode(buf) };
  }
}

function hasUtf8Bom(buf: Buffer): boolean {
  return buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
}

export function detectEncoding(buf: Buffer): TextEncoding {
  if (hasUtf8Bom(buf)) return "utf-8-bom";
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return "utf-16le";
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return "utf-16be";
  try {
    strictUtf8.decode(buf);
    return "utf-8";
  } catch {
    return "gbk";
  }
}
