import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXPORT_HEADER, escapeFormula, exportEventsCsv, unescapeFormula } from "./export-csv";
import { isHistoryCsv, parseHistoryCsv } from "./import-csv";
import { formatProblem } from "./import-result";
import { historyDocument, type HistoryEvent } from "./schema";

const EXAMPLES = "/work/shared/examples";
const roundTrip = (events: HistoryEvent[]) => parseHistoryCsv(Buffer.from(exportEventsCsv(events), "utf8"));

describe("exportEventsCsv", () => {
  it("has a stable column order derived from the schema", () => {
    expect(EXPORT_HEADER.join(",")).toBe(
      "id,type,date,source,note,monthlyIncome,employment,employer,identityVerified,bankCardLinked,phoneVerified," +
        "incomeProofOnFile,scope,kind,text,lender,action,limit,product,balance,count,amount,loanId,termMonths,dueDate,daysPastDue,score",
    );
  });

  it("writes a BOM, CRLF rows, empty cells for absent fields, and quotes cells that need it", () => {
    const csv = exportEventsCsv([{ id: "b1", type: "borrow", date: "2025-01-10", amount: 5000, note: 'a, "b"\nc' }]);
    const lines = csv.split("\r\n");
    expect(csv.startsWith("\ufeffid,type,date,")).toBe(true);
    expect(lines[1]).toBe('b1,borrow,2025-01-10,,"a, ""b""\nc",,,,,,,,,,,,,,,,,5000,,,,,');
    expect(exportEventsCsv([], { bom: false })).toBe(EXPORT_HEADER.join(",") + "\r\n");
  });

  it.each([
    ["=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"],
    ["+1", "'+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["'quoted", "''quoted"],
    ["plain = fine", "plain = fine"],
  ])("escapes %j against formula injection", (text, cell) => {
    expect(escapeFormula(text)).toBe(cell);
    expect(unescapeFormula(cell)).toBe(text);
    const csv = exportEventsCsv([{ type: "notice", date: "2025-01-01", scope: "platform", kind: "other", text }], { bom: false });
    // The schema trims text fields, so "\tx" comes back as "x" there (the note round trip keeps it).
    expect(parseHistoryCsv(csv).events[0]).toMatchObject({ text: text.trim() });
  });
});

describe("export → import round trip", () => {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith(".json"));

  it.each(files)("gives identical events for %s", (file) => {
    const doc = historyDocument.parse(JSON.parse(readFileSync(path.join(EXAMPLES, file), "utf8")));
    expect(doc.events.length).toBeGreaterThan(0);
    const back = roundTrip(doc.events);
    expect(back.problems).toEqual([]);
    expect(back.events).toEqual(doc.events);
  });

  it("keeps notes with commas, quotes, CRLF and newlines, and text starting with =, -, ' or a tab", () => {
    const events = historyDocument.parse({
      format: "credit-health-history",
      version: 1,
      events: [
        { id: "-1", type: "borrow", date: "2025-01-10", amount: 5000.5, note: 'first, "big"\r\nsecond line\nthird' },
        { id: "=cmd|' /C calc'!A0", type: "inquiry", date: "2025-01-11T23:30:00+08:00", lender: "-Bank", product: "@card" },
        { type: "notice", date: "2025-01-12", scope: "personal", kind: "security", text: "'already quoted", note: "\tindented" },
        { type: "profile", date: "2025-01-13", identityVerified: false, monthlyIncome: 0, employer: "+86 Co", note: "  spaces  " },
        { type: "activity", date: "2025-01-14", count: 3, kind: "login" },
      ],
    }).events;
    const back = roundTrip(events);
    expect(back.problems).toEqual([]);
    expect(back.events).toEqual(events);
  });

  it("round-trips arbitrary note text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), fc.string({ minLength: 1, maxLength: 30 }), (note, text) => {
      const event = { type: "notice" as const, date: "2025-01-01", scope: "platform" as const, kind: "other" as const, text, note };
      const valid = historyDocument.safeParse({ format: "credit-health-history", version: 1, events: [event] });
      if (!valid.success) return; // e.g. a blank text: not an event we could have exported
      const expected = { ...valid.data.events[0]! };
      if (expected.note === "") delete expected.note; // documented: an empty note exports as no note
      expect(roundTrip([valid.data.events[0]!]).events).toEqual([expected]);
    }), { numRuns: 300 });
  });
});

describe("parseHistoryCsv", () => {
  it("is recognised by its header, with or without BOM", () => {
    expect(isHistoryCsv(exportEventsCsv([]))).toBe(true);
    expect(isHistoryCsv(Buffer.from(exportEventsCsv([], { bom: false })))).toBe(true);
    expect(isHistoryCsv("date,amount\n")).toBe(false);
    expect(parseHistoryCsv("date,amount\n").problems[0]!.message).toMatch(/not a Credit Health CSV export/);
  });

  it("reads an older export with fewer columns and rejects unknown ones", () => {
    expect(parseHistoryCsv("id,type,date,source,note,limit\nl1,limit,2025-01-01,,,30000\n").events).toEqual([
      { id: "l1", type: "limit", date: "2025-01-01", limit: 30000 },
    ]);
    expect(parseHistoryCsv("id,type,date,source,note,limt\n").problems.map(formatProblem)).toEqual(["line 1: unknown column(s): limt"]);
  });

  it("gives line-numbered problems for bad cells and fields foreign to the type", () => {
    const csv = [
      "id,type,date,source,note,amount,identityVerified,balance",
      "a,borrow,2025-01-01,,,abc,,",
      "b,profile,2025-01-01,,,,yes,",
      "c,borrow,2025-01-01,,,5,,7",
      "d,borrow,2025-02-30,,,5,,",
    ].join("\n");
    const r = parseHistoryCsv(csv);
    expect(r.ok).toBe(false);
    expect(r.problems.map(formatProblem)).toEqual([
      'line 2: amount "abc" is not a number',
      'line 3: identityVerified "yes" is not true or false',
      expect.stringMatching(/^line 4: .*balance/),
      expect.stringMatching(/^line 5: date: must be a real date/),
    ]);
  });

  it("never throws on random text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => {
      expect(Array.isArray(parseHistoryCsv(EXPORT_HEADER.join(",") + "\n" + s).problems)).toBe(true);
    }), { numRuns: 300 });
  });
});
