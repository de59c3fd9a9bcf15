/**
 * The one XML layer of the XLSX reader: saxen (a small, fast, streaming SAX parser) fed a part's
 * inflated bytes in pieces, with names stripped of their prefix (some writers emit `x:row`) and
 * text and attributes decoded here, because saxen leaves entities to the caller.
 */
import { Parser } from "saxen";

export class XmlError extends Error {}

export type XmlHandlers = {
  open?: (name: string, attrs: () => Record<string, string>, selfClosing: boolean) => void;
  close?: (name: string) => void;
  /** Text and CDATA, already decoded. */
  text?: (text: string) => void;
};

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function entity(_: string, dec?: string, hex?: string, name?: string): string {
  if (name) return NAMED[name]!;
  const cp = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
  // A reference to no character (or a lone surrogate) stays as written rather than breaking text.
  return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : _;
}

/** XML's five named entities and numeric references (astral ones included, as saxen's own decoder does not). */
export function decodeXml(s: string): string {
  return s.includes("&") ? s.replace(ENTITY, entity) : s;
}

/** Thrown from a handler to end a parse early. */
export class StopParse extends Error {}

const PIECE_BYTES = 1 << 20;
/**
 * No token of a real part comes near this (a cell holds at most 32,767 characters). saxen keeps an
 * unfinished token and reads it again with each new piece, so a crafted part holding one endless
 * text, tag or CDATA would cost time quadratic in its size: past this much input without a single
 * event, the part is refused as damaged instead.
 */
const MAX_PENDING_CHARS = 4 << 20;

/**
 * Parses one part from its bytes, fed to saxen in 1 MB pieces, so neither the whole part as a
 * string nor its rows are ever held (a sheet's XML is ~4× the CSV of the same rows). Throws
 * XmlError on malformed XML; a handler may throw StopParse to end early, or an error of its own
 * to abort.
 */
export function parseXml(bytes: Uint8Array, h: XmlHandlers): void {
  const p = new Parser();
  let events = 0;
  p.on("error", (err) => {
    throw new XmlError(err.message);
  });
  const noop = () => {};
  const open = h.open ?? noop;
  const close = h.close ?? noop;
  const text = h.text ?? noop;
  // Hot: called for every tag of a sheet (millions), so names are cut only when prefixed.
  p.on("openTag", (name, attrs, _d, selfClosing) => {
    events++;
    const i = name.indexOf(":");
    open(i === -1 ? name : name.slice(i + 1), attrs, selfClosing);
  });
  p.on("closeTag", (name) => {
    events++;
    const i = name.indexOf(":");
    close(i === -1 ? name : name.slice(i + 1));
  });
  p.on("text", (raw) => {
    events++;
    text(raw.indexOf("&") === -1 ? raw : decodeXml(raw));
  });
  p.on("cdata", (raw) => {
    events++;
    text(raw);
  });
  const decoder = new TextDecoder("utf-8");
  let pending = 0;
  try {
    for (let at = 0; at < bytes.length; at += PIECE_BYTES) {
      const piece = decoder.decode(bytes.subarray(at, at + PIECE_BYTES), { stream: true });
      const before = events;
      p.write(piece);
      pending = events === before ? pending + piece.length : 0;
      if (pending > MAX_PENDING_CHARS) throw new XmlError("a token longer than any part holds");
    }
    p.write(decoder.decode());
    const err = p.end();
    if (err) throw new XmlError(err.message);
  } catch (err) {
    if (err instanceof StopParse) return;
    throw err;
  }
}

/** An attribute value, decoded. */
export function attr(attrs: Record<string, string>, name: string): string | undefined {
  const v = attrs[name];
  return v === undefined ? undefined : decodeXml(v);
}
