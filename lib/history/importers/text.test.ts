import { describe, expect, it } from "vitest";
import { refusal } from "./refusals";
import { BILL_IMPORTERS, FORMAT_NAMES } from "./registry";
import { langOf } from "./text";

// As the catalogues' rule: no English in Chinese text except brand names, units and formats.
const ALLOWED = /^(CSV|XLSX|JSON|MB|xls|xlsx|csv|Weilidai|Baitiao|Jintiao)$/;
const latinWords = (s: string) => (s.match(/[A-Za-z]+/g) ?? []).filter((w) => !ALLOWED.test(w));

describe("importer texts", () => {
  it("speak Chinese without English words, and have both languages", () => {
    const zh: string[] = [...Object.values(FORMAT_NAMES).map((n) => n.zh)];
    for (const b of BILL_IMPORTERS) zh.push(b.name.zh, b.howToExport.zh, b.passwordFrom.zh, refusal.wrongPassword("zh", b), refusal.unknownSheet("zh", b), refusal.billWithoutHeader("zh", b));
    zh.push(refusal.empty("zh"), refusal.binary("zh"), refusal.oldExcel("zh"), refusal.passwordNeeded("zh", null), refusal.noTable("zh", []), refusal.zipTooLarge("zh"), refusal.zipCorrupt("zh"), refusal.sheetTooLarge("zh"), refusal.sheetTooSlow("zh"), refusal.sheetCorrupt("zh"), refusal.unknownSheet("zh", null));
    for (const s of zh) expect(latinWords(s), s).toEqual([]);
    for (const b of BILL_IMPORTERS) expect(b.name.en).toMatch(/bill/);
  });

  it("takes the page locale as the importer language", () => {
    expect(langOf("zh-CN")).toBe("zh");
    expect(langOf("en")).toBe("en");
    expect(langOf(undefined)).toBe("en");
  });
});
