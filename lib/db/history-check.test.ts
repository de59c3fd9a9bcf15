import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarDay } from "@/lib/days";
import { parseHistory } from "@/lib/history/parse";
import { EVENT_TYPES, historyEvent } from "@/lib/history/schema";
import { acceptHistory, checkedMembers } from "./history-check";

const NOW = new Date("2026-01-10T00:00:00Z");

// Values near every rule's edges, valid and not, so generated documents hit each branch of both.
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom("", " ", "\t", "  pad  ", "ok", "中文 ", "a\u0000b", "\uD800", "x\uDC00", "\uD83D\uDE00", "x".repeat(100), "x".repeat(101), "x".repeat(200), ` ${"x".repeat(200)} `, "x".repeat(201), "x".repeat(2000), "x".repeat(2001)),
);
const num = fc.oneof(
  fc.integer({ min: -5, max: 1_000 }),
  fc.double({ noDefaultInfinity: false }),
  fc.constantFrom(0, -0, -1, 0.001, 1.005, 12.34, 0.1 + 0.2, 1e12, 1e12 - 0.01, 2 ** 53, 2 ** 31, -(2 ** 31) - 1, 100_000, 100_001, 120, 121, 349, 350, 950, 951, NaN, Infinity, -Infinity),
);
const date = fc.oneof(
  fc.constantFrom("2025-01-01", "2025-02-29", "2024-02-29", "2025-13-01", "2025-1-1", "20250101", " 2025-01-01", "2026-01-11", "2026-01-12", "2099-01-01"),
  fc.constantFrom("2025-01-01T23:30:00+00:00", "2025-01-01T10:00:00Z", "2025-01-01T10:00:00.123456789+08:00", "2025-01-01T24:00:00Z", "2025-01-01T10:00:00", "2026-01-10T20:00:00-05:00", "2025-01-01T10:60:00Z"),
  fc.date({ min: new Date("1990-01-01"), max: new Date("2027-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
);
const anyValue = fc.oneof(text, num, date, fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}));
const enumValue = fc.constantFrom("employed", "retired", "platform", "personal", "policy", "other", "opened", "closed", "login", "payment", "nope");

/** A value for `key`: usually of the kind the key wants, sometimes anything. */
function valueFor(key: string): fc.Arbitrary<unknown> {
  const kind =
    key === "date" || key === "dueDate" ? date
    : /^(monthlyIncome|limit|balance|amount|count|termMonths|daysPastDue|score)$/.test(key) ? num
    : /^(identityVerified|bankCardLinked|phoneVerified|incomeProofOnFile)$/.test(key) ? fc.boolean()
    : /^(employment|scope|kind|action)$/.test(key) ? enumValue
    : text;
  return fc.oneof({ weight: 6, arbitrary: kind }, { weight: 1, arbitrary: anyValue });
}

const SHAPES = new Map(historyEvent.options.map((o) => [o.shape.type.value as string, Object.keys(o.shape).filter((k) => k !== "type")]));

const event = fc.constantFrom(...EVENT_TYPES, "bogus").chain((type) => {
  const keys = SHAPES.get(type) ?? ["date"];
  const members = Object.fromEntries(keys.map((k) => [k, valueFor(k)]));
  return fc.record({ ...members, extra: anyValue }, { requiredKeys: [] }).chain((e) =>
    fc.record({ useType: fc.boolean(), keepExtra: fc.nat(20) }).map(({ useType, keepExtra }) => {
      const out: Record<string, unknown> = { ...e };
      if (keepExtra !== 0) delete out.extra;
      if (useType || keepExtra > 1) out.type = type;
      return out;
    }),
  );
});
// Mostly valid events (each kind's valid values), so most documents pass and the outputs are compared.
const REQUIRED: Record<string, string[]> = { notice: ["scope", "kind", "text"], account: ["lender", "action"], inquiry: ["lender"], asset: ["balance"], borrow: ["amount"], repayment: ["amount"], overdue: ["amount", "dueDate", "daysPastDue"], score: ["score"], limit: ["limit"] };
const good: Record<string, fc.Arbitrary<unknown>> = {
  text: fc.constantFrom("ok", " pad ", "中文", "x".repeat(100), "\u3000y ", 'q"\\\n'),
  amount: fc.oneof(fc.integer({ min: 1, max: 10 ** 9 }), fc.constantFrom(0.5, 12.34, 0.1 + 0.2, 999_999_999_999.99)),
  date: fc.oneof(fc.constantFrom("2025-01-01", "2024-02-29", "2025-06-30T23:59:59+08:00", "2026-01-10", "2026-01-11"), fc.date({ min: new Date("1990-01-01"), max: new Date("2026-01-09"), noInvalidDate: true }).map((d) => d.toISOString())),
  int: fc.integer({ min: 1, max: 120 }),
  score: fc.integer({ min: 350, max: 950 }),
};
function goodFor(type: string, key: string): fc.Arbitrary<unknown> {
  if (key === "date") return good.date!;
  if (key === "dueDate") return fc.constantFrom("2025-01-01", "2025-12-31");
  if (key === "score") return good.score!;
  if (/^(monthlyIncome|limit|balance|amount)$/.test(key)) return good.amount!;
  if (/^(count|termMonths|daysPastDue)$/.test(key)) return good.int!;
  if (/^(identityVerified|bankCardLinked|phoneVerified|incomeProofOnFile)$/.test(key)) return fc.boolean();
  if (key === "employment") return fc.constantFrom("employed", "student");
  if (key === "scope") return fc.constantFrom("platform", "personal");
  if (key === "action") return fc.constantFrom("opened", "closed");
  if (key === "kind") return type === "notice" ? fc.constantFrom("policy", "other") : type === "activity" ? fc.constantFrom("login", "other") : good.text!;
  return good.text!;
}
const goodEvent = fc.constantFrom(...EVENT_TYPES).chain((type) => {
  const keys = SHAPES.get(type)!;
  const members = Object.fromEntries(keys.map((k) => [k, goodFor(type, k)]));
  return fc.record(members, { requiredKeys: ["date", ...(REQUIRED[type] ?? [])] }).map((e) => ({ ...e, type }));
});
const ids = fc.constantFrom("a", "b", " a", "c");
const borrower = fc.oneof(
  fc.constant(undefined),
  fc.record(
    { currency: fc.constantFrom("CNY", "usd", "EUR", "CN"), product: text, scoreScale: fc.oneof(fc.record({ min: num, max: num }), fc.constant({ min: 350, max: 950 }), fc.constant({ min: 0, max: 1000 })) },
    { requiredKeys: [] },
  ),
);
const documents = fc
  .record({
    format: fc.constantFrom(...Array<string>(15).fill("credit-health-history"), "other"),
    version: fc.constantFrom(...Array<number>(15).fill(1), 2),
    borrower: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: borrower }),
    events: fc.array(fc.tuple(fc.oneof({ weight: 12, arbitrary: goodEvent }, { weight: 1, arbitrary: event }), fc.option(ids, { nil: undefined, freq: 8 })), { maxLength: 8 }),
  })
  .map(({ borrower: b, events, ...doc }) => ({
    ...doc,
    ...(b === undefined ? {} : { borrower: b }),
    events: events.map(([e, id]) => (id !== undefined && typeof (e as Record<string, unknown>).id === "string" ? { ...e, id } : e)),
  }));

describe("acceptHistory", () => {
  it("accepts exactly what the zod schema and the clock accept, and returns what zod returns", () => {
    let accepted = 0;
    fc.assert(
      fc.property(documents, (doc) => {
        const fast = acceptHistory(doc, NOW);
        const zod = parseHistory(doc, { now: NOW });
        expect(fast !== null).toBe(zod.ok);
        if (fast && zod.ok) {
          if (doc.events.length) accepted++;
          expect(fast.document).toStrictEqual(zod.document);
          expect(fast.days).toEqual(zod.document.events.map((e) => calendarDay(e.date)));
        }
      }),
      { numRuns: 4000 },
    );
    // The generator must reach valid documents too, or the first half would prove little.
    expect(accepted).toBeGreaterThan(600);
  });

  it("never changes the document it was given (trimmed copies instead)", () => {
    const doc = { format: "credit-health-history", version: 1, events: [{ id: " x ", type: "limit", date: "2025-01-01", limit: 1 }] };
    const copy = structuredClone(doc);
    expect(acceptHistory(doc, NOW)!.document.events[0]!.id).toBe("x");
    expect(doc).toEqual(copy);
  });

  it("leaves unusual input to zod (explicit undefined members, class instances)", () => {
    const base = { format: "credit-health-history", version: 1 } as const;
    expect(acceptHistory({ ...base, events: [{ type: "limit", date: "2025-01-01", limit: 1, note: undefined }] }, NOW)).toBeNull();
    class Limit {
      type = "limit";
      date = "2025-01-01";
      limit = 1;
    }
    expect(acceptHistory({ ...base, events: [new Limit()] }, NOW)).toBeNull();
    expect(parseHistory({ ...base, events: [new Limit()] }, { now: NOW }).ok).toBe(true);
  });

  it("knows every member of every event type the schema declares", () => {
    const schema = Object.fromEntries(historyEvent.options.map((o) => [o.shape.type.value, Object.keys(o.shape).sort()]));
    const known = Object.fromEntries(Object.entries(checkedMembers()).map(([t, keys]) => [t, [...keys].sort()]));
    expect(known).toEqual(schema);
  });
});
