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

const localName = (name: string) => {
  const i = name.indexOf(":");
  return i === -1 ? name : name.slice(i + 1);
};

/** Thrown from a handler to end a parse early (saxen's stop() only takes effect between tokens). */
export class StopParse extends Error {}

/** A part's bytes as text (UTF-8, as every part an XLSX writer makes; a BOM is dropped). */
export function partText(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes);
}

/**
 * Parses one whole part. Throws XmlError on malformed XML; a handler may throw StopParse to end
 * early, or an error of its own to abort. Whole, not streamed in pieces: saxen buffers an
 * unfinished token by re-reading it with each new piece, which a crafted part (one 100 MB text or
 * CDATA) would make quadratic; one pass over one string is linear whatever the input.
 */
export function parseXml(xml: string, h: XmlHandlers): void {
  const p = new Parser();
  p.on("error", (err) => {
    throw new XmlError(err.message);
  });
  if (h.open) {
    const open = h.open;
    p.on("openTag", (name, attrs, _d, selfClosing) => open(localName(name), attrs, selfClosing));
  }
  if (h.close) {
    const close = h.close;
    p.on("closeTag", (name) => close(localName(name)));
  }
  if (h.text) {
    const text = h.text;
    p.on("text", (raw) => text(decodeXml(raw)));
    p.on("cdata", (raw) => text(raw));
  }
  try {
    const err = p.parse(xml);
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
