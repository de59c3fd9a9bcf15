import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateHistory } from "@/lib/core/testing/generate";
import type { HistoryEvent } from "@/lib/history/schema";
import { canonicalJson, eventValue, exportedEvent, loadedEvent, rowMaker, toEventRows } from "./history-rows";

const repay: HistoryEvent = { type: "repayment", date: "2025-02-10", amount: 100 };

describe("toEventRows", () => {
  it("derives the same id whatever the key order", () => {
    const reordered = { amount: 100, date: "2025-02-10", type: "repayment" } as HistoryEvent;
    expect(toEventRows([repay])[0]!.eventId).toBe(toEventRows([reordered])[0]!.eventId);
    expect(canonicalJson(reordered)).toBe(canonicalJson(repay));
  });

  it("numbers equal id-less repeats within one document", () => {
    const [a, b, c] = toEventRows([repay, { ...repay }, { ...repay, amount: 101 }]).map((r) => r.eventId);
    expect(b).toBe(`${a}-2`);
    expect(c).not.toBe(a);
    expect(c).not.toMatch(/-\d+$/);
  });

  it("ignores source in derived ids but not in the content hash", () => {
    const [plain] = toEventRows([repay]);
    const [viaImport] = toEventRows([repay], { source: "import:alipay" });
    expect(viaImport!.eventId).toBe(plain!.eventId);
    expect(viaImport!.hash).not.toBe(plain!.hash);
    expect(viaImport!.payload).toEqual({ ...repay, source: "import:alipay" });
  });

  it("keeps a given id and source, and fills the derived columns", () => {
    const [row] = toEventRows([{ id: "l1", type: "limit", date: "2025-01-01T20:00:00Z", limit: 0, source: "manual" }], { source: "api" });
    expect(row).toMatchObject({ eventId: "l1", idDerived: false, type: "limit", day: "2025-01-02", value: 0 });
    expect(row!.payload.source).toBe("manual");
  });

  it.each([
    [{ type: "score", date: "2025-01-01", score: 700 }, 700],
    [{ type: "asset", date: "2025-01-01", balance: 12.5 }, 12.5],
    [{ type: "account", date: "2025-01-01", lender: "X", action: "opened" }, null],
    [{ type: "inquiry", date: "2025-01-01", lender: "X" }, null],
  ] as [HistoryEvent, number | null][])("value of %j is %j", (event, value) => expect(eventValue(event)).toBe(value));
});

describe("export and load mapping", () => {
  it("leaves derived ids out of exports but gives them to the core", () => {
    const row = { eventId: "h_abc", idDerived: true, payload: repay };
    expect(exportedEvent(row)).toEqual(repay);
    expect(loadedEvent(row)).toEqual({ ...repay, id: "h_abc" });
    expect(exportedEvent({ eventId: "r1", idDerived: false, payload: { ...repay, id: "r1" } })).toEqual({ ...repay, id: "r1" });
  });
});

describe("canonicalJson", () => {
  // The first implementation, kept as the oracle: every stored hash was computed with it, so the
  // faster one must give the same text for every value or re-imports would count as updates.
  const reference = (value: unknown): string => {
    if (Array.isArray(value)) return `[${value.map(reference).join(",")}]`;
    if (value !== null && typeof value === "object") {
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(",")}}`;
    }
    return JSON.stringify(value);
  };

  it.each([
    [{ b: 1, a: [3, { z: null, y: "x\n\"" }], c: undefined, Á: true, "": 0, B: -0.5 }],
    [[1, "two", [], {}, null, [undefined]]],
    [{ type: "repayment", date: "2025-02-10", amount: 100, source: "import:alipay", note: "还款 ✓" }],
    ["plain"],
    [12.5],
    [null],
  ])("gives the first implementation's text for %j", (value) => expect(canonicalJson(value)).toBe(reference(value)));
});

describe("rowMaker", () => {
  const history = generateHistory({ years: 3, seed: 5 });
  /** Generated events, some without ids (repeats among them), with notes and sources that need escaping. */
  const documents = fc.array(
    fc.record({
      at: fc.nat(history.events.length - 1),
      dropId: fc.boolean(),
      note: fc.option(fc.oneof(fc.string(), fc.constantFrom('q"\\\n\t', "中文", "\u2028", "")), { nil: undefined }),
      source: fc.option(fc.constantFrom("bank", "", "x\"y"), { nil: undefined }),
      repeat: fc.nat(3),
    }),
    { maxLength: 30 },
  ).map((picks) =>
    picks.flatMap(({ at, dropId, note, source, repeat }) => {
      const e: Record<string, unknown> = { ...history.events[at]! };
      if (dropId) delete e.id;
      if (note !== undefined) e.note = note;
      if (source !== undefined) e.source = source;
      const one = e as HistoryEvent;
      return dropId ? Array.from({ length: repeat + 1 }, () => ({ ...one })) : [one];
    }),
  );

  it("gives toEventRows's ids and hashes, and the canonical JSON of its payload", () => {
    fc.assert(
      fc.property(documents, fc.option(fc.constantFrom("import:csv", ""), { nil: undefined }), (events, source) => {
        const make = rowMaker({ source });
        const made = events.map(make);
        const rows = toEventRows(events, { source });
        expect(made.map((r) => [r.eventId, r.idDerived, r.hash])).toEqual(rows.map((r) => [r.eventId, r.idDerived, r.hash]));
        expect(made.map((r) => r.json)).toEqual(rows.map((r) => canonicalJson(r.payload)));
      }),
      { numRuns: 500 },
    );
  });
});
