import { describe, expect, it } from "vitest";
import type { Reason } from "@/lib/core";
import { headlineKey } from "./reason-headline";

const reason = (code: Reason["code"], figures: Reason["evidence"]["figures"]): Reason => ({ code, rank: 1, weight: 1, confidence: "high", evidence: { eventIds: [], figures } });

describe("headlineKey", () => {
  it("uses the short headline when its figures were measured", () => {
    expect(headlineKey(reason("FREQUENT_SMALL_BORROWING", { smallDraws90d: 14 }))).toEqual({ key: "FREQUENT_SMALL_BORROWING", values: { smallDraws90d: 14 } });
  });
  it.each([
    ["a reason without a headline", reason("INCOMPLETE_PROFILE", { incomeMissing: 1 })],
    ["a policy reason from a notice, not from other borrowers", reason("POLICY_TIGHTENING", { noticeDate: "2025-03-01" })],
    ["missing figures", reason("CREDIT_INQUIRIES", {})],
  ])("falls back to the reason's name for %s", (_label, r) => expect(headlineKey(r)).toBeNull());
});
