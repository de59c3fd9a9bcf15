import { describe, expect, test } from "vitest";
import { assess, explain, REASON_CODES, STEP_CODES, type Reason } from "@/lib/core";
import { at, cleanRecord, doc, ev } from "@/lib/core/testing/build";
import { reasonText, signalText, stepText, withText } from "./core-text";
import en from "@/messages/en/core.json";
import zh from "@/messages/zh-CN/core.json";

const LOCALES = ["en", "zh-CN"] as const;
const unfilled = /[{}]|core\./;
const CNY = { currency: "CNY" };

describe("core message catalogues", () => {
  test("both locales hold the same keys", () => {
    const keys = (o: unknown, p = ""): string[] =>
      typeof o === "object" && o ? Object.entries(o).flatMap(([k, v]) => keys(v, `${p}${k}.`)) : [p];
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  test.each(LOCALES)("every reason and step code has a %s message", (locale) => {
    for (const code of REASON_CODES) expect(Object.keys(en.core.reasons)).toContain(code);
    for (const code of STEP_CODES) expect(stepText({ code, reasonCodes: [] }, locale)).not.toMatch(unfilled);
  });

  test.each(LOCALES)("reasons render with their evidence figures filled in (%s)", (locale) => {
    const events = [
      ...cleanRecord(),
      ev({ type: "overdue", at: -7, amount: 3000, dueDate: at(-37), daysPastDue: 30 }),
      ...Array.from({ length: 7 }, (_, i) => ev({ type: "inquiry", at: -25 + 3 * i, lender: `L${i}` })),
      ev({ type: "profile", at: -20, monthlyIncome: 5000, employer: "Other Co" }),
      ev({ type: "profile", at: -3, bankCardLinked: false, phoneVerified: false }),
      ev({ type: "score", at: -2, score: 600 }),
      ev({ type: "notice", at: -2, scope: "platform", kind: "policy", text: "x" }),
    ];
    const out = withText(explain(doc(events)), locale, { currency: "CNY" });
    const reasons = out.drops[0]!.reasons as (Reason & { text: string })[];
    expect(reasons.length).toBeGreaterThan(3);
    for (const r of reasons) expect(r.text).not.toMatch(unfilled);
    const inquiries = reasons.find((r) => r.code === "CREDIT_INQUIRIES");
    if (inquiries) expect(inquiries.text).toContain(String(inquiries.evidence.figures.inquiries180d));
  });

  test("an incomplete profile lists what is missing in the reader's language", () => {
    const reason: Reason = {
      code: "INCOMPLETE_PROFILE",
      rank: 1,
      weight: 1,
      confidence: "high",
      evidence: { eventIds: [], figures: { missingItems: 2, identityMissing: 0, bankCardMissing: 1, phoneMissing: 1, incomeMissing: 0 } },
    };
    expect(reasonText(reason, "en", CNY)).toBe("Your profile is incomplete: no bank card linked, phone not verified.");
    expect(reasonText(reason, "zh-CN", CNY)).toBe("您的资料不完整：未绑定银行卡、手机号未验证。");
  });

  test("signals read as how close they are", () => {
    const events = [...cleanRecord(), ev({ type: "inquiry", at: -20, lender: "A" }), ev({ type: "inquiry", at: -10, lender: "B" })];
    const near = assess(doc(events), at(-1)).near.find((s) => s.metric === "inquiries30d")!;
    expect(signalText(near, "en")).toBe("Credit applications within 30 days: 2 — 1 more reaches the level that has preceded cuts (3).");
    expect(signalText(near, "zh-CN")).toContain("再增加1就达到");
  });
});
