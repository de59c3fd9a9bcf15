/**
 * The one XML layer of the XLSX reader: a strict, streaming scanner for the XML a workbook's parts
 * are written in, fed a part's inflated text in 1 MB pieces. It finds each tag with `indexOf` and
 * cuts out only what a handler reads. The general-purpose parsers tried here spend their time on
 * every character or on an object per tag: on the 100,000-row WeChat bill's 43 MB sheet, exceljs
 * took ~5.4 s, saxen ~2.7 s and htmlparser2's Tokenizer ~1.5 s, where this scanner takes a fraction
 * of that; the XLSX goal (20,000 rows/s) is out of reach otherwise.
 *
 * Strict where damage shows: every tag must be well formed and every close tag match its open
 * tag; a part that ends inside a tag, a comment, a CDATA section or an element is refused.
 * Names are stripped of their prefix (some writers emit `x:row`); text and attribute values are
 * decoded here (XML's own entities: a workbook has no DTD to define others).
 */
export class XmlError extends Error {}

/** The attributes of the tag being opened, read only while its `open` handler runs. */
export type Attrs = {
  /** The value of one attribute, decoded; undefined when absent. */
  get(name: string): string | undefined;
  /** Every attribute as [name, decoded value], in document order. */
  entries(): [string, string][];
};

export type XmlHandlers = {
  open?: (name: string, attrs: Attrs, selfClosing: boolean) => void;
  /** Also called right after `open` for a self-closing tag. */
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

/** XML's five named entities and numeric references (astral ones included). */
export function decodeXml(s: string): string {
  return s.includes("&") ? s.replace(ENTITY, entity) : s;
}

/** Thrown from a handler to end a parse early. */
export class StopParse extends Error {}

const PIECE_BYTES = 1 << 20;
/**
 * No text, tag or CDATA section of a real part comes near this (a cell holds at most 32,767
 * characters): a longer one is refused as damaged rather than gathered without end.
 */
const MAX_TOKEN_CHARS = 4 << 20;

const GT = 62;
const SLASH = 47;
const EQ = 61;
const QUOT = 34;
const APOS = 39;

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;
/** Where a name ends: white space, `/`, `>` or `=`. */
const endsName = (c: number) => c <= 32 || c === SLASH || c === GT || c === EQ;
/** XML's name start characters, loosely: a letter, `_`, `:` or anything past ASCII. */
const startsName = (c: number) => ((c | 0x20) >= 97 && (c | 0x20) <= 122) || c === 95 || c === 58 || c > 127;

const stripPrefix = (name: string) => {
  const i = name.length > 2 ? name.indexOf(":") : -1;
  return i === -1 ? name : name.slice(i + 1);
};

/** One-character names (a sheet's `c`, `v` and its `r`, `t`, `s`) are most names: shared, not cut. */
const ONE_CHAR: string[] = [];

/** Thrown inside the scanner when a token runs past the text at hand: wait for the next piece. */
const MORE = Symbol("more");

/**
 * Parses one part from its bytes, decoded and scanned 1 MB at a time, so neither the whole part as
 * a string nor its rows are ever held (a sheet's XML is ~4× the CSV of the same rows). Throws
 * XmlError on malformed XML; a handler may throw StopParse to end early, or an error of its own
 * to abort. `pieceBytes` is for tests: the result must not depend on where pieces end.
 */
export function parseXml(bytes: Uint8Array, h: XmlHandlers, pieceBytes = PIECE_BYTES): void {
  const noop = () => {};
  const open = h.open ?? noop;
  const close = h.close ?? noop;
  const onText = h.text;

  let buf = "";
  let pos = 0;
  let text = "";
  const stack: string[] = [];
  let elements = 0;
  // Reused for every tag: its first `count` entries are the current tag's.
  const names: string[] = [];
  const values: string[] = [];
  let count = 0;
  const attrs: Attrs = {
    get(name) {
      for (let i = 0; i < count; i++) if (names[i] === name) return decodeXml(values[i]!);
      return undefined;
    },
    entries: () => names.slice(0, count).map((n, i) => [n, decodeXml(values[i]!)]),
  };

  const addText = (raw: string) => {
    if (!onText || raw === "") return;
    if (text.length + raw.length > MAX_TOKEN_CHARS) throw new XmlError("a text longer than any part holds");
    text += raw;
  };
  const flushText = () => {
    if (text === "") return;
    const t = text;
    text = "";
    onText!(decodeXml(t));
  };
  /** Where the name starting at `i` ends (MORE if the text at hand ends first). */
  const nameEnd = (i: number): number => {
    while (i < buf.length && !endsName(buf.charCodeAt(i))) i++;
    if (i === buf.length) throw MORE;
    return i;
  };
  const nameAt = (start: number, end: number): string => {
    if (end - start === 1) {
      const c = buf.charCodeAt(start);
      if (c < 128) return (ONE_CHAR[c] ??= String.fromCharCode(c));
    }
    return buf.slice(start, end);
  };
  const skipSpace = (i: number): number => {
    while (i < buf.length && isSpace(buf.charCodeAt(i))) i++;
    if (i === buf.length) throw MORE;
    return i;
  };
  /** Index just past `close`, searched from `from` (MORE if not in the text at hand). */
  const past = (close: string, from: number): number => {
    const at = buf.indexOf(close, from);
    if (at === -1) throw MORE;
    return at + close.length;
  };

  /** `<name attr="v" …>` or `…/>` at `lt`; returns the index after it. */
  const openTag = (lt: number): number => {
    if (!startsName(buf.charCodeAt(lt + 1))) throw new XmlError(`invalid tag at <${buf.slice(lt + 1, lt + 20)}`);
    const nEnd = nameEnd(lt + 1);
    const name = nameAt(lt + 1, nEnd);
    count = 0;
    let i = nEnd;
    for (;;) {
      i = skipSpace(i);
      const c = buf.charCodeAt(i);
      if (c === GT || c === SLASH) {
        const selfClosing = c === SLASH;
        if (selfClosing) {
          if (i + 1 === buf.length) throw MORE;
          if (buf.charCodeAt(i + 1) !== GT) throw new XmlError(`a stray / in <${name}>`);
        }
        const local = stripPrefix(name);
        elements++;
        if (!selfClosing) stack.push(name);
        open(local, attrs, selfClosing);
        if (selfClosing) close(local);
        return i + (selfClosing ? 2 : 1);
      }
      if (i > nEnd && !isSpace(buf.charCodeAt(i - 1))) throw new XmlError(`attributes without space between them in <${name}>`);
      if (!startsName(c)) throw new XmlError(`invalid attribute in <${name}>`);
      const aEnd = nameEnd(i);
      const attrName = nameAt(i, aEnd);
      i = skipSpace(aEnd);
      if (buf.charCodeAt(i) !== EQ) throw new XmlError(`attribute ${attrName} of <${name}> has no value`);
      i = skipSpace(i + 1);
      const quote = buf.charCodeAt(i);
      if (quote !== QUOT && quote !== APOS) throw new XmlError(`attribute ${attrName} of <${name}> is not quoted`);
      const end = buf.indexOf(quote === QUOT ? '"' : "'", i + 1);
      if (end === -1) throw MORE;
      const value = buf.slice(i + 1, end);
      if (value.includes("<")) throw new XmlError(`a < in attribute ${attrName} of <${name}>`);
      names[count] = attrName;
      values[count++] = value;
      i = end + 1;
    }
  };

  /** `</name>` at `lt`; returns the index after it. */
  const closeTag = (lt: number): number => {
    const top = stack.at(-1);
    if (top === undefined) throw new XmlError("a close tag with no element open");
    const nEnd = lt + 2 + top.length;
    if (nEnd >= buf.length) throw MORE;
    if (!buf.startsWith(top, lt + 2) || !endsName(buf.charCodeAt(nEnd))) {
      throw new XmlError(`closing tag mismatch: </${buf.slice(lt + 2, Math.min(nEnd, lt + 42))}> for <${top}>`);
    }
    const gt = skipSpace(nEnd);
    if (buf.charCodeAt(gt) !== GT) throw new XmlError(`a malformed close tag </${top}>`);
    stack.pop();
    close(stripPrefix(top));
    return gt + 1;
  };

  /** `<!--…-->`, `<![CDATA[…]]>`, `<!DOCTYPE …>` or `<?…?>` at `lt`; returns the index after it. */
  const markup = (lt: number): number => {
    if (buf.charCodeAt(lt + 1) === 63) return past("?>", lt + 2); // ?
    if (buf.length - lt < 4) throw MORE;
    if (buf.startsWith("<!--", lt)) return past("-->", lt + 4);
    if (buf.length - lt < 9) throw MORE;
    if (buf.startsWith("<![CDATA[", lt)) {
      const end = past("]]>", lt + 9);
      // CDATA is literal: escaped so that decoding the text it joins leaves it as written.
      addText(buf.slice(lt + 9, end - 3).replaceAll("&", "&amp;"));
      return end;
    }
    if (buf.startsWith("<!DOCTYPE", lt) && stack.length === 0) return past(">", lt + 9);
    throw new XmlError(`unexpected markup <${buf.slice(lt + 1, lt + 12)}`);
  };

  /** Reads every whole token in `buf` from `pos`; stops at one the text at hand cuts short. */
  const scan = () => {
    for (;;) {
      const lt = buf.indexOf("<", pos);
      if (lt === -1) {
        addText(buf.slice(pos));
        pos = buf.length;
        return;
      }
      if (lt > pos && onText) addText(buf.slice(pos, lt));
      pos = lt;
      if (lt + 1 === buf.length) return;
      const c = buf.charCodeAt(lt + 1);
      try {
        if (c === SLASH) {
          flushText();
          pos = closeTag(lt);
        } else if (c === 33 || c === 63) {
          pos = markup(lt);
        } else {
          flushText();
          pos = openTag(lt);
        }
      } catch (err) {
        if (err === MORE) return;
        throw err;
      }
    }
  };

  const decoder = new TextDecoder("utf-8");
  try {
    for (let at = 0; at < bytes.length; at += pieceBytes) {
      const piece = decoder.decode(bytes.subarray(at, at + pieceBytes), { stream: true });
      buf = pos < buf.length ? buf.slice(pos) + piece : piece;
      pos = 0;
      scan();
      if (buf.length - pos > MAX_TOKEN_CHARS) throw new XmlError("a token longer than any part holds");
    }
    const rest = decoder.decode();
    if (rest) {
      buf = buf.slice(pos) + rest;
      pos = 0;
      scan();
    }
    if (pos < buf.length) throw new XmlError("unexpected end of file inside a tag");
    flushText();
    if (elements === 0) throw new XmlError("no element");
    if (stack.length > 0) throw new XmlError(`unexpected end of file inside <${stack.at(-1)!.slice(0, 40)}>`);
  } catch (err) {
    if (err instanceof StopParse) return;
    throw err;
  }
}
