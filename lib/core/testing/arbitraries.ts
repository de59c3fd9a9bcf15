/**
 * fast-check arbitraries for valid history-v1 documents: every event type, dates within two years,
 * plain and date-time forms, with and without ids. The property tests also assert each generated
 * document passes the zod schema, so this file cannot drift into generating invalid input.
 */
import fc from "fast-check";
import { DEFAULT_BORROWER, type HistoryDocument, type HistoryEvent } from "@/lib/history/schema";
import { dayNumber, dayString } from "../days";

const START = dayNumber("2020-01-01");
export const SPAN_DAYS = 730;

const money = fc.integer({ min: 1, max: 5_000_000 }).map((c) => c / 100);
const offset = fc.integer({ min: 0, max: SPAN_DAYS - 1 });
const date = fc.oneof(
  { weight: 4, arbitrary: offset.map((o) => dayString(START + o)) },
  // date-times with an offset: their Asia/Shanghai calendar day counts
  { weight: 1, arbitrary: fc.tuple(offset, fc.integer({ min: 0, max: 23 })).map(([o, h]) => `${dayString(START + o)}T${String(h).padStart(2, "0")}:30:00Z`) },
);
const lender = fc.constantFrom("Bank A", "Bank B", "Lender C", "Lender D");

const body: fc.Arbitrary<Omit<HistoryEvent, "id" | "date">> = fc.oneof(
  fc.record(
    {
      type: fc.constant("profile" as const),
      monthlyIncome: money,
      employment: fc.constantFrom("employed", "self-employed", "irregular", "unemployed", "student", "retired" as const),
      employer: fc.constantFrom("A Co", "B Co"),
      identityVerified: fc.boolean(),
      bankCardLinked: fc.boolean(),
      phoneVerified: fc.boolean(),
    },
    { requiredKeys: ["type"] },
  ),
  fc.record({ type: fc.constant("notice" as const), scope: fc.constantFrom("platform", "personal" as const), kind: fc.constantFrom("policy", "maintenance", "security", "other" as const), text: fc.constant("n") }),
  fc.record({ type: fc.constant("account" as const), lender, action: fc.constantFrom("opened", "closed" as const) }),
  fc.record({ type: fc.constant("inquiry" as const), lender }),
  fc.record({ type: fc.constant("activity" as const), kind: fc.constantFrom("login", "payment" as const), count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ type: fc.constant("borrow" as const), amount: money, loanId: fc.constantFrom("L1", "L2", "L3") }, { requiredKeys: ["type", "amount"] }),
  fc.record(
    { type: fc.constant("repayment" as const), amount: money, loanId: fc.constantFrom("L1", "L2", "L3"), dueDate: offset.map((o) => dayString(START + o)) },
    { requiredKeys: ["type", "amount"] },
  ),
  fc.record({ type: fc.constant("overdue" as const), amount: money, dueDate: offset.map((o) => dayString(START + o)), daysPastDue: fc.integer({ min: 1, max: 90 }) }),
  fc.record({ type: fc.constant("score" as const), score: fc.integer({ min: 350, max: 950 }) }),
  fc.record({ type: fc.constant("limit" as const), limit: fc.integer({ min: 0, max: 50 }).map((k) => k * 1000) }),
  fc.record({ type: fc.constant("limit" as const), limit: fc.integer({ min: 0, max: 50 }).map((k) => k * 1000) }),
) as fc.Arbitrary<Omit<HistoryEvent, "id" | "date">>;

/** Events in random order; about two thirds carry unique ids, the rest get derived ones. */
export const eventsArb = (maxLength = 60): fc.Arbitrary<HistoryEvent[]> =>
  fc.array(fc.tuple(body, date, fc.boolean(), fc.boolean()), { maxLength }).map((items) =>
    items.map(([b, d, withId, alsoId], i) => ({ ...b, date: d, ...(withId || alsoId ? { id: `a${i}` } : {}) }) as HistoryEvent),
  );

export const historyArb = (maxLength = 60): fc.Arbitrary<HistoryDocument> =>
  eventsArb(maxLength).map((events) => ({ format: "credit-health-history", version: 1, borrower: { ...DEFAULT_BORROWER }, events }));

export { START as ARB_START_DAY };
