/**
 * Bad input, part 1: the pure parsers and importers (no database). Whatever bytes or values a
 * borrower or a client sends, each answers with a result or a problem list and never throws,
 * because a throw in these becomes a 500 in the import routes and the sync API.
 */
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { historyArb } from "@/lib/core/testing/arbitraries";
import { parseAlipayBill } from "@/lib/history/alipay";
import { applyMapping, inspectCsv } from "@/lib/history/csv-generic";
import { CSV_TYPES, type CsvMappingInput } from "@/lib/history/csv-mapping";
import { detectImportFormat } from "@/lib/history/detect-import";
import { parseHistoryCsv } from "@/lib/history/import-csv";
import { parseHistory, parseHistoryJson } from "@/lib/history/parse";
import type { Borrower } from "@/lib/history/schema";
import { generateAlipayBill } from "@/lib/history/testing/alipay-generator";
import { readImportFile } from "@/lib/import/read-file";

const borrower: Borrower = { currency: "CNY", product: "Jiebei", scoreScale: { min: 350, max: 950 } };
const NOW = new Date("2026-01-01T00:00:00Z");
const RUNS = { numRuns: 200 };

/** Numbers a client could put anywhere a number goes, including ones JSON cannot carry exactly. */
const nastyNumber = fc.oneof(
  // Beyond the database's 32-bit integers too (score scales are stored in int columns).
  fc.constantFrom(-1, -0, 0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 1e-320, 0.1 + 0.2, 2 ** 53, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1, 3e9),
  fc.double(),
  fc.integer(),
);
/** Text PostgreSQL cannot store (text and jsonb refuse NUL; jsonb refuses a lone surrogate). */
const unstorableText = fc.oneof(
  fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom("\u0000", "\ud800", "\udbff", "\udc00", "\udfff"), fc.string({ maxLength: 8 })).map((p) => p.join("")),
  fc.constantFrom("\u0000", "a\u0000", "\ud83d", "\ude00x", "\ude00\ud83d"),
);
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyNumber,
  fc.string(),
  fc.string({ unit: "binary" }),
  unstorableText,
  fc.constantFrom(null, true, [], {}, "", "2025-02-30", "9999-12-31", "0000-01-01", "NaN", "1e999", "__proto__"),
);

/** Replaces one field of one event, or of the document itself, with a nasty value (or deletes it). */
const mutatedDocument = fc
  .tuple(historyArb(20), fc.nat(), fc.nat(), nastyValue, fc.boolean())
  .map(([doc, i, k, value, remove]) => {
    const copy = JSON.parse(JSON.stringify(doc)) as Record<string, unknown> & { events: Record<string, unknown>[] };
    const target: Record<string, unknown> = copy.events.length ? copy.events[i % copy.events.length]! : copy;
    const keys = Object.keys(target);
    const key = keys[k % keys.length]!;
    if (remove) delete target[key];
    else target[key] = value;
    return copy;
  });

function deepArray(depth: number): string {
  return "[".repeat(depth) + "]".repeat(depth);
}

function expectProblems(result: { ok: boolean; problems?: string[] }) {
  if (!result.ok) {
    expect(result.problems!.length).toBeGreaterThan(0);
    for (const p of result.problems!) expect(typeof p).toBe("string");
  }
}

describe("history-v1 parser under bad input", () => {
  it("never throws on any JSON value, and every refusal lists string problems", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectProblems(parseHistory(value, { now: NOW }));
      }),
      RUNS,
    );
  });

  it("accepts no document holding a NUL, a lone surrogate or a score scale beyond 32-bit integers", () => {
    const storable = (v: unknown): boolean =>
      typeof v === "string" ? !/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(v) : Array.isArray(v) ? v.every(storable) : v && typeof v === "object" ? Object.entries(v).every(([k, x]) => storable(k) && storable(x)) : true;
    const scale = fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 3e9, 1e15).map((n) => ({ min: Math.min(0, n), max: Math.max(1000, n) }));
    fc.assert(
      fc.property(fc.oneof(mutatedDocument, fc.tuple(historyArb(5), scale).map(([doc, s]) => ({ ...doc, borrower: { ...doc.borrower, scoreScale: s } }))), (doc) => {
        const result = parseHistory(doc, { now: NOW });
        if (result.ok) {
          expect(storable(result.document)).toBe(true);
          expect(Math.abs(result.document.borrower.scoreScale.max)).toBeLessThan(2 ** 31);
          expect(Math.abs(result.document.borrower.scoreScale.min)).toBeLessThanOrEqual(2 ** 31);
        } else expect(result.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it("refuses unstorable text in an event's id, note or source, naming the field", () => {
    fc.assert(
      fc.property(historyArb(10), fc.nat(), fc.constantFrom("id", "note", "source"), unstorableText, (doc, i, field, text) => {
        fc.pre(doc.events.length > 0);
        const copy = JSON.parse(JSON.stringify(doc)) as { events: Record<string, unknown>[] };
        const at = i % copy.events.length;
        copy.events[at]![field] = text;
        const result = parseHistory(copy, { now: NOW });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problems).toContainEqual(expect.stringMatching(new RegExp(`^events\\[${at}\\]\\.${field}: must not contain`)));
      }),
      RUNS,
    );
  });

  it("never throws on arbitrary text or on arbitrary bytes read as text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b).toString("latin1"))), (text) => {
        expectProblems(parseHistoryJson(text, { now: NOW }));
      }),
      RUNS,
    );
  });

  it("accepts a valid document only if every number in it is in range: mutations are refused or still valid", () => {
    fc.assert(
      fc.property(mutatedDocument, (doc) => {
        const result = parseHistory(doc, { now: NOW });
        expectProblems(result);
        if (result.ok) {
          // What is accepted is storable: finite numbers and a real day on every event.
          for (const e of result.document.events) {
            for (const v of Object.values(e)) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
            expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}/);
          }
        }
      }),
      RUNS,
    );
  });

  it("refuses 100,000-deep arrays anywhere in the document with a problem, not a stack overflow", () => {
    const deep = deepArray(100_000);
    const head = `"format":"credit-health-history","version":1`;
    const b = JSON.stringify(borrower);
    for (const text of [
      deep,
      `{${head},"borrower":${deep},"events":[]}`,
      `{${head},"borrower":${b},"events":${deep}}`,
      `{${head},"borrower":${b},"events":[{"type":"borrow","date":"2025-01-01","amount":${deep}}]}`,
      `{${head},"borrower":${b},"events":[{"type":"activity","date":"2025-01-01","kind":"login","note":${deep}}]}`,
    ]) {
      const result = parseHistoryJson(text, { now: NOW });
      expect(result.ok).toBe(false);
      expectProblems(result);
    }
  });
});

describe("file importers under bad input", () => {
  const mappingArb: fc.Arbitrary<CsvMappingInput> = fc.record({
    columns: fc.record({ date: fc.string({ minLength: 1, maxLength: 8 }), amount: fc.option(fc.string({ minLength: 1, maxLength: 8 }), { nil: undefined }) }),
    fixedType: fc.constantFrom(...CSV_TYPES),
  });
  /** Text in the shapes the importers sniff for, so fuzzing reaches past format detection. */
  const csvLikeText = fc
    .array(fc.array(fc.oneof(fc.string(), nastyNumber.map(String), fc.constantFrom("2025-01-10", "交易时间", "金额", "借呗", "\"", "=1+1")), { maxLength: 6 }), { maxLength: 20 })
    .map((rows) => ["日期,类型,金额", ...rows.map((r) => r.join(","))].join("\r\n"));
  const encoded = fc.tuple(csvLikeText, fc.constantFrom("utf8", "gbk", "utf16le", "utf16be", "latin1")).map(([text, enc]) => iconv.encode(text, enc));
  const anyBytes = fc.oneof(fc.uint8Array({ maxLength: 2048 }), encoded);

  it("readImportFile never throws on random bytes or on CSV-like text in any encoding, with or without a mapping", async () => {
    await fc.assert(
      fc.asyncProperty(anyBytes, fc.option(mappingArb, { nil: undefined }), async (bytes, mapping) => {
        const r = await readImportFile(bytes, { borrower, mapping, now: NOW });
        expect(["refused", "needs-mapping", "parsed"]).toContain(r.kind);
        if (r.kind === "parsed" && r.document === null) expect(r.problems.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it("each importer on its own never throws on random bytes", () => {
    fc.assert(
      fc.property(anyBytes, mappingArb, (bytes, mapping) => {
        detectImportFormat(bytes);
        inspectCsv(bytes);
        parseHistoryCsv(bytes);
        const alipay = parseAlipayBill(bytes);
        if (!alipay.ok) expect(alipay.problems.length).toBeGreaterThan(0);
        const csv = applyMapping(bytes, mapping);
        if (!csv.ok) expect(csv.problems.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it("a real Alipay bill with corrupted bytes, or in the wrong encoding, gives problems or fewer events, never a throw", async () => {
    const { bytes } = generateAlipayBill(60, { seed: 7 });
    const clean = parseAlipayBill(bytes);
    expect(clean.ok).toBe(true);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 30 }), async (flips) => {
        const copy = Buffer.from(bytes);
        for (const [at, byte] of flips) copy[at % copy.length] = byte;
        const r = parseAlipayBill(copy);
        if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
        await readImportFile(copy, { borrower, now: NOW });
      }),
      { numRuns: 100 },
    );
    // GBK bytes declared as UTF-16, and a UTF-8 export re-encoded as if it were GBK.
    for (const wrong of [iconv.encode(iconv.decode(bytes, "gbk"), "utf16le"), iconv.encode(bytes.toString("latin1"), "gbk")]) {
      const r = await readImportFile(wrong, { borrower, now: NOW });
      expect(["refused", "needs-mapping", "parsed"]).toContain(r.kind);
    }
  });
});
