import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderWechatXlsx, zipFiles } from "./testing/bill-files";
import { generateWechatRows } from "./testing/bill-rows";
import { readFirstSheet, type SheetRead } from "./xlsx";
import { isDateFormat, serialText } from "./xlsx/cells";
import { readSharedStrings, TooManyStrings } from "./xlsx/parts";
import { columnOf } from "./xlsx/sheet";
import { decodeXml } from "./xlsx/xml";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A workbook written by hand, part by part, for what the writers in the wild do differently. */
function workbook(parts: { sheets?: Record<string, string>; order?: string[]; sst?: string; styles?: string; date1904?: boolean; extra?: Record<string, string> }) {
  const sheets = parts.sheets ?? {};
  const order = parts.order ?? Object.keys(sheets);
  const files: Record<string, string> = {
    "[Content_Types].xml": "<Types/>",
    "xl/workbook.xml": `<workbook ${NS}>${parts.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>${order.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${n}"/>`).join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<Relationships>${order.map((n) => `<Relationship Id="rId${n}" Target="worksheets/${n}.xml" Type="worksheet"/>`).join("")}</Relationships>`,
    ...(parts.sst ? { "xl/sharedStrings.xml": `<sst ${NS}>${parts.sst}</sst>` } : {}),
    ...(parts.styles ? { "xl/styles.xml": `<styleSheet ${NS}>${parts.styles}</styleSheet>` } : {}),
    ...parts.extra,
  };
  // The zip holds the sheets in reverse, so the first sheet is found by the workbook's order.
  for (const n of Object.keys(sheets).reverse()) files[`xl/worksheets/${n}.xml`] = `<worksheet ${NS}><sheetData>${sheets[n]}</sheetData></worksheet>`;
  return zipFiles(files);
}

const rows = (r: SheetRead) => (r.ok ? r.rows : r.code);

describe("readFirstSheet: the XML scanner over zip.js, bounded", () => {
  it("reads the first sheet's rows as text with their row numbers, blank rows dropped (an exceljs-written file)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("账单");
    ws.addRow(["a"]);
    ws.addRow([]);
    ws.addRow([new Date(Date.UTC(2025, 0, 3, 9, 8, 7)), 28.16, { richText: [{ text: "招商" }, { text: "银行" }] }, { formula: "1+1", result: 2 }, true]);
    wb.addWorksheet("second").addRow(["not read"]);
    const r = await readFirstSheet(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(r).toEqual({ ok: true, rows: [{ line: 1, cells: ["a"] }, { line: 3, cells: ["2025-01-03 09:08:07", "28.16", "招商银行", "2", "true"] }] });
  });

  it("takes the first sheet by the workbook's order, shared strings plain and rich without their phonetic guide, inline strings", async () => {
    const xlsx = await workbook({
      order: ["bill", "other"],
      sheets: {
        other: '<row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row>',
        bill: [
          '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c></row>',
          '<row r="3"><c r="A3" t="inlineStr"><is><r><t>微信</t></r><r><t xml:space="preserve"> 支付 </t></r></is></c><c r="C3" t="str"><f>A3</f><v>x&amp;y</v></c></row>',
        ].join(""),
      },
      sst: '<si><t>交易单号</t></si><si><r><t>招商</t></r><r><rPr><b/></rPr><t>银行</t></r></si><si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si>',
    });
    expect(rows(await readFirstSheet(xlsx))).toEqual([
      { line: 2, cells: ["交易单号", "招商银行", "漢字"] },
      { line: 3, cells: ["微信 支付 ", "", "x&y"] },
    ]);
  });

  it("keeps each cell in its column when cells or rows carry no reference, and cuts rows at the column cap", async () => {
    const xlsx = await workbook({
      sheets: { s: '<row><c><v>1</v></c><c r="D1"><v>4</v></c><c><v>5</v></c></row><row><c r="AP2"><v>42</v></c><c r="A2" t="b"><v>0</v></c></row>' },
    });
    expect(rows(await readFirstSheet(xlsx))).toEqual([
      { line: 1, cells: ["1", "", "", "4", "5"] },
      { line: 2, cells: ["false"] },
    ]);
    expect([columnOf("A1"), columnOf("Z9"), columnOf("AA10"), columnOf("XFD1"), columnOf("XFE1"), columnOf("12"), columnOf(undefined)]).toEqual([1, 26, 27, 16_384, null, null, null]);
  });

  it("writes date cells as the wall-clock time a CSV export shows, by built-in or custom format, in both date systems", async () => {
    const styles = '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot; hh:mm"/><numFmt numFmtId="165" formatCode="&quot;¥&quot;#,##0.00"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="22"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>';
    const row = '<row r="1"><c r="A1" s="1"><v>45660.380636574</v></c><c r="B1" s="2"><v>45660.5</v></c><c r="C1" s="3"><v>28.16</v></c><c r="D1" t="d"><v>2025-01-03T09:08:07.000Z</v></c><c r="E1" t="e"><v>#N/A</v></c></row>';
    expect(rows(await readFirstSheet(await workbook({ sheets: { s: row }, styles })))).toEqual([{ line: 1, cells: ["2025-01-03 09:08:07", "2025-01-03 12:00:00", "28.16", "2025-01-03 09:08:07", ""] }]);
    const in1904 = await workbook({ sheets: { s: '<row r="1"><c r="A1" s="1"><v>44198.5</v></c></row>' }, styles, date1904: true });
    expect(rows(await readFirstSheet(in1904))).toEqual([{ line: 1, cells: ["2025-01-03 12:00:00"] }]);
    expect([isDateFormat(14, undefined), isDateFormat(2, undefined), isDateFormat(200, "General"), isDateFormat(200, '0.00 "days"'), isDateFormat(200, "[Red]0.00"), isDateFormat(200, "hh:mm:ss")]).toEqual([true, false, false, false, false, true]);
    expect(serialText(1, false)).toBe("1899-12-31 00:00:00");
  });

  it("decodes entities in text and attributes, astral references included, and reads prefixed element names", async () => {
    expect(decodeXml("a&lt;b&gt;&amp;&quot;&apos;&#128512;&#x4E2D;&#0;&bogus;")).toBe("a<b>&\"'😀中&#0;&bogus;");
    const prefixed = await zipFiles({
      "xl/workbook.xml": `<x:workbook xmlns:x="${NS.slice(7, 61)}" xmlns:r="r"><x:sheets><x:sheet name="a" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      "xl/_rels/workbook.xml.rels": '<Relationships><Relationship Id="rId1" Target="/xl/worksheets/sheet1.xml"/></Relationships>',
      "xl/worksheets/sheet1.xml": '<x:worksheet xmlns:x="u"><x:sheetData><x:row r="7"><x:c r="B7" t="inlineStr"><x:is><x:t>tab\there, "quoted", comma</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>',
    });
    expect(rows(await readFirstSheet(prefixed))).toEqual([{ line: 7, cells: ["", 'tab\there, "quoted", comma'] }]);
  });

  it("keeps Chinese text whole however the parts were compressed (exceljs's stream reader split characters across pieces)", async () => {
    const bill = generateWechatRows(3_000, { seed: 5 }).rows;
    const r = await readFirstSheet(await renderWechatXlsx(bill));
    if (!r.ok) throw new Error(r.code);
    const text = r.rows.flatMap((x) => x.cells).join("");
    expect(text).not.toContain("\ufffd");
    expect(r.rows.at(-1)!.cells[1]).toBe(bill.at(-1)!.type);
  });

  it("refuses a sheet beyond the row cap, the time box or the unpacked size, and a damaged one, with a code", async () => {
    const xlsx = await renderWechatXlsx(generateWechatRows(300).rows);
    expect(await readFirstSheet(xlsx, { maxRows: 100 })).toEqual({ ok: false, code: "too-many-rows" });
    expect(await readFirstSheet(xlsx, { timeBoxMs: -1 })).toEqual({ ok: false, code: "too-slow" });
    expect(await readFirstSheet(xlsx, { maxBytes: 10_000 })).toEqual({ ok: false, code: "too-large" });
    const broken = await zipFiles({ "[Content_Types].xml": "<x/>", "xl/workbook.xml": "<workbook>", "xl/worksheets/sheet1.xml": '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row>' });
    expect(await readFirstSheet(broken)).toEqual({ ok: false, code: "corrupt" });
    const cutShort = await workbook({ sheets: { s: '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v>' } });
    expect(await readFirstSheet(cutShort)).toEqual({ ok: false, code: "corrupt" });
    expect(await readFirstSheet(await workbook({ sheets: {} }))).toEqual({ ok: false, code: "corrupt" });
    // One 6 MB token (no cell holds more than 32,767 characters): refused, not re-read piece by piece.
    const endless = await workbook({ sheets: { s: `<row r="1"><c r="A1" t="inlineStr"><is><t>${"x".repeat(6 << 20)}</t></is></c></row>` } });
    expect(await readFirstSheet(endless)).toEqual({ ok: false, code: "corrupt" });
    expect(await readFirstSheet(await zipFiles({ "a.txt": "x" }))).toEqual({ ok: false, code: "not-xlsx" });
  });

  it("refuses a part whose bytes do not match its CRC, and one that inflates past what its header declared", async () => {
    const good = await workbook({ sheets: { s: `<row r="1"><c r="A1" t="inlineStr"><is><t>${"账单".repeat(2_000)}</t></is></c></row>` } });
    const sig = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset).getUint32(at, true);
    const patch = (mutate: (view: DataView, at: number, central: boolean) => void) => {
      const b = new Uint8Array(good);
      const view = new DataView(b.buffer);
      for (let i = 0; i + 4 <= b.length; i++) {
        if (sig(b, i) === 0x04034b50) mutate(view, i, false);
        if (sig(b, i) === 0x02014b50) mutate(view, i, true);
      }
      return b;
    };
    // CRC field: local header +14, central directory +16.
    const badCrc = patch((v, at, central) => v.setUint32(at + (central ? 16 : 14), 0x12345678, true));
    expect(await readFirstSheet(badCrc)).toEqual({ ok: false, code: "corrupt" });
    // Uncompressed size: local header +22, central directory +24; claim less than the data holds.
    const lying = patch((v, at, central) => v.setUint32(at + (central ? 24 : 22), 10, true));
    expect(await readFirstSheet(lying)).toEqual({ ok: false, code: "too-large" });
  });

  it("bounds the shared strings by their count", () => {
    const sst = new TextEncoder().encode("<sst><si><t>a</t></si><si><t>b</t></si><si><t>c</t></si></sst>");
    expect(readSharedStrings(sst, 3)).toEqual(["a", "b", "c"]);
    expect(() => readSharedStrings(sst, 2)).toThrow(TooManyStrings);
  });

  it("answers any sheet, styles or shared-strings XML, however broken, with rows or a code, never a throw", async () => {
    const piece = fc.oneof(
      fc.constantFrom("<row>", '<row r="2">', "</row>", '<c r="B2" t="s">', '<c t="inlineStr">', '<c s="1">', "</c>", "<v>", "</v>", "<is><t>", "</t></is>", "<![CDATA[", "]]>", "<!--", "-->", "&amp;", "&#x1F600;", "&#99999999;", "<", ">", '"'),
      fc.string({ maxLength: 12 }),
    );
    const xml = fc.array(piece, { maxLength: 40 }).map((p) => p.join(""));
    await fc.assert(
      fc.asyncProperty(xml, xml, xml, async (sheet, sst, styles) => {
        const r = await readFirstSheet(await workbook({ sheets: { s: sheet }, sst, styles }));
        expect(r.ok ? Array.isArray(r.rows) : typeof r.code).toBe(r.ok ? true : "string");
      }),
      { numRuns: 150 },
    );
  });
});
