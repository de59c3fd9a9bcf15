import { describe, expect, it } from "vitest";
import type { ImportPreview, PreviewReady } from "@/lib/data/imports";
import { importReducer, initialImportState, MAX_FILE_BYTES, type ImportState } from "./import-state";

const ready = { kind: "preview", format: "csv", csv: { headers: ["日期"], sampleRows: [], columnValues: {} }, mapping: { columns: { date: "日期" } }, unmappedTypeValues: ["x"] } as unknown as PreviewReady;
const run = (actions: Parameters<typeof importReducer>[1][], from: ImportState = initialImportState) => actions.reduce(importReducer, from);

describe("the import flow's reducer", () => {
  it("goes file → busy → password → (wrong password) → preview → done", () => {
    let s = run([{ type: "chose", name: "bill.zip", size: 10 }, { type: "sending", label: "reading" }]);
    expect(s.step).toMatchObject({ name: "busy", label: "uploading", percent: 0 });
    s = run([{ type: "progress", percent: 40 }, { type: "uploaded", label: "reading" }], s);
    expect(s.step).toMatchObject({ name: "busy", label: "reading", percent: 100 });
    const ask: ImportPreview = { kind: "needs-password", wrong: false, message: "m", looksLike: "alipay", formatName: "支付宝账单" };
    s = run([{ type: "answered", preview: ask }], s);
    expect(s.step).toEqual({ name: "password", wrong: false, message: "m", formatName: "支付宝账单" });
    s = run([{ type: "sending", label: "reading" }, { type: "answered", preview: { ...ask, wrong: true } }], s);
    expect(s.step).toMatchObject({ name: "password", wrong: true });
    s = run([{ type: "sending", label: "reading" }, { type: "answered", preview: ready }], s);
    expect(s.step).toEqual({ name: "preview", preview: ready });
    s = run([{ type: "sending", label: "importing" }, { type: "imported", outcome: { added: 1, updated: 0, unchanged: 0, format: "csv", events: 1, lenders: [] } }], s);
    expect(s.step).toMatchObject({ name: "done" });
    expect(s.fileName).toBe("bill.zip");
  });

  it("returns to the step the borrower was on when a request fails, with the error", () => {
    const onPreview = run([{ type: "answered", preview: ready }]);
    const s = run([{ type: "sending", label: "importing" }, { type: "failed", message: "nope", problems: ["line 2: x"] }], onPreview);
    expect(s.step).toEqual(onPreview.step);
    expect(s.error).toEqual({ message: "nope", problems: ["line 2: x"] });
    expect(run([{ type: "sending", label: "reading" }], s).error).toBeNull();
  });

  it("refuses a file over 20 MB before any upload, and reopens the mapping from a CSV preview", () => {
    expect(run([{ type: "chose", name: "big.csv", size: MAX_FILE_BYTES + 1 }])).toMatchObject({ step: { name: "idle" }, fileName: null, error: { tooLarge: MAX_FILE_BYTES + 1 } });
    const s = run([{ type: "answered", preview: ready }, { type: "editMapping" }]);
    expect(s.step).toMatchObject({ name: "mapping", headers: ["日期"], initial: { columns: { date: "日期" } }, extra: ["x"] });
    expect(run([{ type: "answered", preview: { kind: "refused", message: "no" } }]).step).toEqual({ name: "refused", message: "no" });
  });
});
