import { describe, expect, it } from "vitest";
import type { HistoryEvent } from "@/lib/history/schema";
import { canonicalJson, sha256, toEventRows } from "./history-rows";
import { BATCH_ROWS, COPY_COLUMNS, prepareHistory, type PrepareOptions, type PreparedHistory, type RowBatch } from "./prepared-history";

const DOC = { format: "credit-health-history", version: 1 } as const;
const doc = (n: number) => ({ ...DOC, events: Array.from({ length: n }, (_, i) => ({ id: `e${i}`, type: "limit", date: "2025-01-02", limit: 1000 + i })) });
const bytes = (s: string) => new TextEncoder().encode(s);
const opts = (o: Partial<PrepareOptions> = {}): PrepareOptions => ({ userId: "u1", ...o });

/** The prepared rows with their batches joined: ids, hashes and COPY text in row order. */
function ok(result: ReturnType<typeof prepareHistory>) {
  if (!result.ok) throw new Error(`expected a prepared document, got ${result.code}: ${result.message}`);
  return joined(result.prepared);
}

function joined(p: PreparedHistory) {
  const batches = [...(p.batches as Iterable<RowBatch>)];
  const decoder = new TextDecoder();
  return {
    ...p,
    batches,
    ids: batches.map((b) => b.ids).join("\u0000"),
    hashes: batches.map((b) => b.hashes).join(""),
    copy: batches.map((b) => decoder.decode(b.text)).join(""),
  };
}

/** COPY text format back to values: the inverse of the escaping the database applies. */
const unescape = (v: string) => (v === "\\N" ? null : v.replace(/\\(.)/g, (_, c: string) => ({ n: "\n", r: "\r", t: "\t", "\\": "\\" })[c] ?? c));

describe("prepareHistory", () => {
  it("gives ids, hashes and COPY lines in line order, every event once", () => {
    const p = ok(prepareHistory(doc(5), opts({ source: "api:test" })));
    expect(p.total).toBe(5);
    expect(p.borrower).toEqual({ currency: "CNY", product: "Jiebei", scoreScale: { min: 350, max: 950 } });
    expect(p.ids.split("\u0000")).toEqual(["e0", "e1", "e2", "e3", "e4"]);
    const lines = p.copy.split("\n").slice(0, -1).map((l) => l.split("\t"));
    expect(lines.map((f) => f[2])).toEqual(["e0", "e1", "e2", "e3", "e4"]);
    expect(lines.every((f) => (JSON.parse(unescape(f[7]!)!) as { source?: string }).source === "api:test")).toBe(true);
    expect(p.hashes).toBe(lines.map((f) => f[8]).join(""));
    expect(new Set(lines.map((f) => f[0])).size).toBe(5);
  });

  it("hashes exactly as toEventRows does (stored hashes must not change), derived ids included", () => {
    const repay = { type: "repayment", date: "2025-02-10", amount: 100 } as const;
    const events: HistoryEvent[] = [repay, { ...repay }, { id: "x", type: "score", date: "2025-01-01", score: 700, note: "b" }];
    const input = { ...DOC, events };
    const p = ok(prepareHistory(input, opts({ source: "import:csv" })));
    const rows = toEventRows(input.events, { source: "import:csv" });
    expect(p.ids.split("\u0000")).toEqual(rows.map((r) => r.eventId));
    expect(p.hashes).toBe(rows.map((r) => r.hash).join(""));
    expect(rows[2]!.hash).toBe(sha256(canonicalJson({ ...input.events[2], source: "import:csv" })));
  });

  it("writes COPY lines with every column, escaped, that read back to the row", () => {
    const tricky = { id: "a\tb\\c\nd", type: "activity", date: "2025-03-01T23:30:00+00:00", count: 2, note: 'line\nbreak "q" \\ tab\t' };
    const at = new Date("2026-01-02T03:04:05.000Z");
    const p = ok(prepareHistory({ ...DOC, events: [tricky, { id: "s", type: "score", date: "2025-01-01", score: 700 }] }, opts({ userId: "user\\1", writtenAt: at })));
    const lines = p.copy!.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");
    const fields = lines[0]!.split("\t").map(unescape);
    expect(fields).toHaveLength(COPY_COLUMNS.split(",").length);
    const [id, userId, eventId, idDerived, type, day, value, payload, hash, createdAt, updatedAt] = fields;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect([userId, eventId, idDerived, type, day, value]).toEqual(["user\\1", tricky.id, "f", "activity", "2025-03-02", null]);
    expect(JSON.parse(payload!)).toEqual(tricky);
    expect(hash).toBe(p.hashes.slice(0, 64));
    expect([createdAt, updatedAt]).toEqual([at.toISOString(), at.toISOString()]);
    expect(lines[1]!.split("\t")[6]).toBe("700");
  });

  it("returns every validation problem by JSON path instead of throwing", () => {
    const bad = doc(3);
    (bad.events[1] as Record<string, unknown>).limit = -5;
    (bad.events[2] as Record<string, unknown>).date = "2025-02-30";
    const result = prepareHistory(bad, opts());
    expect(result).toMatchObject({ ok: false, code: "validation_failed" });
    if (result.ok) return;
    expect(result.problems).toEqual([expect.stringMatching(/^events\[1\]\.limit: /), expect.stringMatching(/^events\[2\]\.date: /)]);
  });

  it("refuses events after the given clock", () => {
    const result = prepareHistory(doc(1), opts({ now: new Date("2024-12-01T00:00:00Z") }));
    expect(result).toMatchObject({ ok: false, code: "validation_failed", problems: [expect.stringContaining("events[0].date: is in the future")] });
  });

  it("reads the body's bytes: bad UTF-8, an empty body and bad JSON each get their own message", () => {
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array([0xff, 0xfe, 0x00]), /not valid UTF-8/],
      [bytes("  \n"), /empty/],
      [bytes("{nope"), /not valid JSON/],
    ];
    for (const [input, message] of cases) expect(prepareHistory(input, opts())).toMatchObject({ ok: false, code: "invalid_json", message: expect.stringMatching(message) });
    expect(ok(prepareHistory(bytes(JSON.stringify(doc(3))), opts())).total).toBe(3);
  });

  it("orders rows by type (the schema's order), then day, then document order, in batches of BATCH_ROWS", () => {
    const events = [
      { id: "s2", type: "score", date: "2025-01-03", score: 700 },
      { id: "l1", type: "limit", date: "2025-01-01", limit: 5 },
      { id: "s1", type: "score", date: "2025-01-02T10:00:00+00:00", score: 701 },
      { id: "s0", type: "score", date: "2025-01-03", score: 702 },
      { id: "p", type: "profile", date: "2025-01-09" },
    ];
    expect(ok(prepareHistory({ ...DOC, events }, opts())).ids.split("\u0000")).toEqual(["p", "s1", "s2", "s0", "l1"]);
    const big = ok(prepareHistory(doc(BATCH_ROWS + 3), opts()));
    expect(big.batches.map((b) => b.rows)).toEqual([BATCH_ROWS, 3]);
    expect(big.batches.map((b) => b.ids.split("\u0000").length)).toEqual([BATCH_ROWS, 3]);
    expect(big.batches.map((b) => b.hashes.length)).toEqual([64 * BATCH_ROWS, 64 * 3]);
    // Ascending ids: the primary key takes the rows at its end.
    const ids = big.copy.split("\n").slice(0, -1).map((l) => l.split("\t")[0]!);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("numbers id-less repeats in document order whatever the row order", () => {
    const repay = { type: "repayment", date: "2025-02-10", amount: 100 } as const;
    const events: HistoryEvent[] = [{ ...repay, note: "x" }, repay, { id: "l", type: "limit", date: "2025-01-01", limit: 1 }, { ...repay }, { ...repay, date: "2025-01-01" }, { ...repay }];
    const p = ok(prepareHistory({ ...DOC, events }, opts()));
    const byId = new Map(toEventRows(events).map((r) => [r.eventId, r.hash]));
    const ids = p.ids.split("\u0000");
    expect(new Set(ids)).toEqual(new Set(byId.keys()));
    ids.forEach((id, i) => expect(p.hashes.slice(i * 64, i * 64 + 64)).toBe(byId.get(id)));
  });

  it("prepares an empty document", () => {
    const p = ok(prepareHistory({ ...DOC, events: [] }, opts()));
    expect([p.total, p.ids, p.hashes, p.copy]).toEqual([0, "", "", ""]);
  });
});
