import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { renderWechatXlsx, zipFiles } from "./testing/bill-files";
import { generateWechatRows } from "./testing/bill-rows";
import { cellText, readFirstSheet } from "./xlsx";

describe("readFirstSheet: exceljs, bounded", () => {
  it("reads the first sheet's rows as text with their row numbers, blank rows dropped", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("账单");
    ws.addRow(["a"]);
    ws.addRow([]);
    ws.addRow([new Date(Date.UTC(2025, 0, 3, 9, 8, 7)), 28.16, { richText: [{ text: "招商" }, { text: "银行" }] }, { formula: "1+1", result: 2 }]);
    wb.addWorksheet("second").addRow(["not read"]);
    const r = await readFirstSheet(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(r).toEqual({ ok: true, rows: [{ line: 1, cells: ["a"] }, { line: 3, cells: ["2025-01-03 09:08:07", "28.16", "招商银行", "2"] }] });
  });

  it("refuses a sheet beyond the row cap, the time box or the unpacked size, and a damaged one, with a code", async () => {
    const xlsx = await renderWechatXlsx(generateWechatRows(300).rows);
    expect(await readFirstSheet(xlsx, { maxRows: 100 })).toEqual({ ok: false, code: "too-many-rows" });
    expect(await readFirstSheet(xlsx, { timeBoxMs: -1 })).toEqual({ ok: false, code: "too-slow" });
    expect(await readFirstSheet(xlsx, { maxBytes: 10_000 })).toEqual({ ok: false, code: "too-large" });
    const broken = await zipFiles({ "[Content_Types].xml": "<x/>", "xl/workbook.xml": "<workbook>", "xl/worksheets/sheet1.xml": "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>99</v></c></row>" });
    const r = await readFirstSheet(broken);
    expect(r.ok === false || r.rows.length <= 1).toBe(true);
    expect(await readFirstSheet(await zipFiles({ "a.txt": "x" }))).toEqual({ ok: false, code: "not-xlsx" });
  });

  it("prints cells as a CSV of the sheet would hold them", () => {
    expect(cellText(null)).toBe("");
    expect(cellText({ error: "#N/A" } as ExcelJS.CellErrorValue)).toBe("");
    expect(cellText({ text: "link", hyperlink: "https://example.com" })).toBe("link");
  });
});
