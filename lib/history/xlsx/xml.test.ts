import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseXml, StopParse, XmlError } from "./xml";

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Every event as one line, texts joined as a reader would see them. */
function events(xml: string | Uint8Array, pieceBytes?: number): string[] {
  const out: string[] = [];
  let text = "";
  const flush = () => {
    if (text) out.push(`text ${JSON.stringify(text)}`);
    text = "";
  };
  parseXml(
    typeof xml === "string" ? utf8(xml) : xml,
    {
      open(name, attrs, selfClosing) {
        flush();
        out.push(`open ${name} ${JSON.stringify(attrs.entries())}${selfClosing ? " /" : ""}`);
      },
      close(name) {
        flush();
        out.push(`close ${name}`);
      },
      text(t) {
        text += t;
      },
    },
    pieceBytes,
  );
  flush();
  return out;
}

describe("parseXml: a strict streaming scanner", () => {
  it("reports tags, attributes, text and CDATA, decoded, with prefixes stripped", () => {
    const xml = `<?xml version="1.0"?><!-- a comment --><x:sst a="1" b = 'x &amp; &#x4E2D;' code="[>=100]0"><si><t>A&lt;B</t></si><x:si/><t><![CDATA[<raw> &amp;]]></t></x:sst>`;
    expect(events(xml)).toEqual([
      `open sst [["a","1"],["b","x & 中"],["code","[>=100]0"]]`,
      `open si []`,
      `open t []`,
      `text "A<B"`,
      `close t`,
      `close si`,
      `open si [] /`,
      `close si`,
      `open t []`,
      `text "<raw> &amp;"`,
      `close t`,
      `close sst`,
    ]);
  });

  it("gives the same events wherever the pieces end, Chinese text and entities split included", () => {
    const xml = `<?xml version="1.0"?><r><c r="A1" t="s"><v>12</v></c><c t="inlineStr"><is><t>账单&amp;明细</t></is></c><!-- 注释 --><t><![CDATA[中文]]></t><e a="&quot;q&quot;"/></r>`;
    const whole = events(xml);
    for (const piece of [1, 2, 3, 5, 7, 13, 64]) expect(events(xml, piece)).toEqual(whole);
  });

  it("refuses damaged XML with an XmlError", () => {
    const bad = [
      "",
      "text only",
      "<a><b></a></b>",
      "<a>",
      "<a></a></a>",
      "<a",
      '<a b="1>',
      "<a b=1/>",
      "<a b></a>",
      '<a b="1"c="2"/>',
      "<1a/>",
      "<a/ >",
      '<a b="<"/>',
      "<a><!-- never closed</a>",
      "<a><![CDATA[ never closed</a>",
      "<a><!ELEMENT x></a>",
      "< a/>",
    ];
    for (const xml of bad) expect(() => events(xml), xml).toThrow(XmlError);
  });

  it("refuses a text or token longer than any part holds, without gathering it all", () => {
    expect(() => events(`<a>${"x".repeat(5 << 20)}</a>`)).toThrow(XmlError);
    expect(() => events(`<a b="${"x".repeat(5 << 20)}"/>`)).toThrow(XmlError);
  });

  it("ends early when a handler throws StopParse, and passes other errors on", () => {
    const seen: string[] = [];
    parseXml(utf8("<a><b/><c/><d/></a>"), {
      open(name) {
        seen.push(name);
        if (name === "c") throw new StopParse();
      },
    });
    expect(seen).toEqual(["a", "b", "c"]);
    expect(() => parseXml(utf8("<a/>"), { open: () => { throw new RangeError("mine"); } })).toThrow(RangeError);
  });

  it("answers any input with events or an XmlError, never another error, however it is cut into pieces", () => {
    const piece = fc.oneof(
      fc.constantFrom("<a>", "</a>", "<b x='1'>", "</b>", "<c/>", '<d y="&amp;"/>', "<![CDATA[", "]]>", "<!--", "-->", "<?pi?>", "&lt;", "&#99999999;", "<", ">", '"', "=", "/"),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 1, max: 16 }), (parts, size) => {
        const xml = parts.join("");
        let whole: string[] | XmlError;
        try {
          whole = events(xml);
        } catch (err) {
          expect(err).toBeInstanceOf(XmlError);
          whole = err as XmlError;
        }
        // The verdict does not depend on the piece size either.
        if (whole instanceof XmlError) expect(() => events(xml, size)).toThrow(XmlError);
        else expect(events(xml, size)).toEqual(whole);
      }),
      { numRuns: 400 },
    );
  });
});
