import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "@/lib/history/schema";
import { errorMessageKey } from "./error-keys";
import { EVENT_FORM_FIELDS, eventToForm, formToCandidate, validateEvent } from "./form-fields";

describe("event form fields from the schema", () => {
  it("has a form for every event type, date first", () => {
    for (const type of EVENT_TYPES) expect(EVENT_FORM_FIELDS[type][0]).toMatchObject({ name: "date", kind: "date", required: true });
    expect(EVENT_FORM_FIELDS.notice.map((f) => [f.name, f.kind, f.required])).toEqual([
      ["date", "date", true],
      ["scope", "enum", true],
      ["kind", "enum", true],
      ["text", "longText", true],
      ["note", "longText", false],
    ]);
    expect(EVENT_FORM_FIELDS.profile.find((f) => f.name === "employment")?.options).toContain("self-employed");
  });

  it.each([
    ["borrow", { date: "2025-01-02", amount: "1,234.50", loanId: " L1 " }, { type: "borrow", date: "2025-01-02", amount: 1234.5, loanId: "L1" }],
    ["profile", { date: "2025-01-02", identityVerified: "false", employment: "" }, { type: "profile", date: "2025-01-02", identityVerified: false }],
    ["activity", { date: "2025-01-02", count: "" }, { type: "activity", date: "2025-01-02" }],
  ] as const)("turns a %s form into a valid event and back", (type, values, expected) => {
    const candidate = formToCandidate(type, values);
    expect(candidate).toEqual(expected);
    const res = validateEvent(candidate);
    if (!res.ok) throw new Error(JSON.stringify(res.errors));
    expect(formToCandidate(type, eventToForm(res.event))).toEqual(expected);
  });

  it.each([
    ["borrow", { date: "2025-01-02", amount: "abc" }, "amount", "number"],
    ["borrow", { date: "2025-01-02", amount: "-5" }, "amount", "nonNegative"],
    ["borrow", { date: "2025-01-02", amount: "0" }, "amount", "positive"],
    ["borrow", { date: "2025-01-02", amount: "1.234" }, "amount", "decimals"],
    ["borrow", { date: "", amount: "1" }, "date", "date"],
    ["borrow", { date: "2025-01-02", amount: "1", termMonths: "0" }, "termMonths", "min"],
    ["notice", { date: "2025-01-02", scope: "platform", kind: "policy", text: "  " }, "text", "required"],
    ["overdue", { date: "2025-01-02", amount: "1", dueDate: "2025-01-01", daysPastDue: "1.5" }, "daysPastDue", "whole"],
    ["account", { date: "2025-01-02", lender: "x" }, "action", "choose"],
  ] as const)("%s: a bad %o gives %s the %s message", (type, values, field, key) => {
    const res = validateEvent(formToCandidate(type, values));
    if (res.ok) throw new Error("expected errors");
    expect(errorMessageKey(res.errors[field]!).key).toBe(key);
  });
});
