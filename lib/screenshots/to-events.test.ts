import { expect, test } from "vitest";
import { toEventRows } from "@/lib/db/history-rows";
import { screenshotEvents } from "./to-events";

test("limits of another product are left out, scores kept, repeats merged", () => {
  const { events, otherProduct } = screenshotEvents(
    [
      { type: "limit", product: "Jiebei", value: 30000, date: "2026-09-03" },
      { type: "limit", product: "Jiebei", value: 30000, date: "2026-09-03" },
      { type: "limit", product: "Huabei", value: 8000, date: "2026-09-03" },
      { type: "score", product: "Sesame", value: 712, date: "2026-10-18" },
    ],
    "Jiebei",
  );
  expect(otherProduct).toBe(1);
  expect(events).toEqual([
    { type: "limit", date: "2026-09-03", limit: 30000, source: "import:screenshot" },
    { type: "score", date: "2026-10-18", score: 712, source: "import:screenshot" },
  ]);
});

test("ids come from the content: the same screenshot read twice gives the same ids", () => {
  const obs = [{ type: "limit" as const, product: "Jiebei" as const, value: 12000, date: "2026-10-18" }];
  const a = toEventRows(screenshotEvents(obs, "Jiebei").events);
  const b = toEventRows(screenshotEvents(obs, "Jiebei").events);
  expect(a[0]!.eventId).toBe(b[0]!.eventId);
  expect(a[0]!.idDerived).toBe(true);
});
