import { readFileSync } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import fc from "fast-check";
import { expect, it } from "vitest";
import { describeDatabases } from "@/lib/db/test-db";
import { exportEventsCsv } from "@/lib/history/export-csv";
import { generateAlipayBill } from "@/lib/history/testing/alipay-generator";
import { renderJdCsv, renderWechatXlsx, zipOne } from "@/lib/history/testing/bill-files";
import { generateJdRows, generateWechatRows } from "@/lib/history/testing/bill-rows";
import { exportHistory, importHistory } from "./history";
import { commitImport, previewImport } from "./imports";

const FIXTURE = readFileSync(path.resolve(import.meta.dirname, "../../../shared/fixtures/alipay-bill-sample.csv"));
const utf8 = (s: string) => new TextEncoder().encode(s);
const DOC = { format: "credit-health-history", version: 1 } as const;

let seq = 0;

describeDatabases("import service", (ctx) => {
  const newUser = async () => (await ctx().prisma.user.create({ data: { email: `imp${++seq}-${Date.now()}@example.com`, passwordHash: "x" } })).id;

  it("previews the Alipay bill (GBK) without storing, then imports it once; a re-import adds nothing", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    const preview = await previewImport(prisma, { userId, bytes: FIXTURE });
    expect(preview).toMatchObject({
      kind: "preview",
      format: "alipay",
      ok: true,
      rowsTotal: 9,
      byType: { borrow: 2, repayment: 2, activity: 4 },
      skippedTotal: 1,
      skippedByReason: { "交易状态 交易关闭": 1 },
      dateRange: { from: "2025-01-05", to: "2025-03-02" },
      fresh: 8,
      changed: 0,
      known: 0,
      problemCount: 0,
    });
    expect(await prisma.event.count({ where: { userId } })).toBe(0);

    expect(await commitImport(prisma, { userId, bytes: FIXTURE, fileName: "bill.csv" })).toMatchObject({ added: 8, updated: 0, unchanged: 0 });
    expect(await previewImport(prisma, { userId, bytes: FIXTURE })).toMatchObject({ fresh: 0, changed: 0, known: 8 });
    expect(await commitImport(prisma, { userId, bytes: FIXTURE })).toMatchObject({ added: 0, updated: 0, unchanged: 8 });
    expect(await prisma.event.count({ where: { userId } })).toBe(8);
    expect(await prisma.auditLog.count({ where: { userId, action: "import" } })).toBe(2);
  });

  it("accepts the same bill re-saved as UTF-8 with a BOM and recognises its events as known", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    await commitImport(prisma, { userId, bytes: FIXTURE });
    const resaved = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(iconv.decode(FIXTURE, "gbk"), "utf8")]);
    expect(await previewImport(prisma, { userId, bytes: resaved })).toMatchObject({ format: "alipay", fresh: 0, known: 8 });
  });

  it("counts new, changed and known events of a history JSON file", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    await importHistory(prisma, { userId, document: { ...DOC, events: [{ id: "a", type: "limit", date: "2025-01-01", limit: 1000 }, { id: "b", type: "score", date: "2025-01-01", score: 700 }] } });
    const file = { ...DOC, events: [{ id: "a", type: "limit", date: "2025-01-01", limit: 1000 }, { id: "b", type: "score", date: "2025-01-01", score: 701 }, { id: "c", type: "limit", date: "2025-02-01", limit: 900 }] };
    expect(await previewImport(prisma, { userId, bytes: utf8(JSON.stringify(file)) })).toMatchObject({ format: "history-json", ok: true, fresh: 1, changed: 1, known: 1 });
  });

  it("keeps the borrower's own score scale when a JSON file has no borrower block", async () => {
    const { prisma } = ctx();
    const userId = (await prisma.user.create({ data: { email: `imp${++seq}-${Date.now()}@example.com`, passwordHash: "x", scoreMin: 300, scoreMax: 850 } })).id;
    const file = { ...DOC, events: [{ id: "s", type: "score", date: "2025-01-01", score: 320 }] };
    expect(await commitImport(prisma, { userId, bytes: utf8(JSON.stringify(file)) })).toMatchObject({ added: 1 });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ scoreMin: 300, scoreMax: 850 });
  });

  it("reports problems by JSON path and by CSV line, and stores nothing from a file with any problem", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    const json = { ...DOC, events: [{ id: "ok", type: "limit", date: "2025-01-01", limit: 1 }, { id: "bad", type: "borrow", date: "2025-01-02", amount: -5 }] };
    const p = await previewImport(prisma, { userId, bytes: utf8(JSON.stringify(json)) });
    expect(p).toMatchObject({ kind: "preview", ok: false, problems: [expect.stringMatching(/^events\[1\]\.amount: /)] });
    await expect(commitImport(prisma, { userId, bytes: utf8(JSON.stringify(json)) })).rejects.toMatchObject({ code: "validation_failed" });

    const csv = exportEventsCsv([{ id: "x", type: "limit", date: "2025-01-01", limit: 5 }]) + "y,borrow,2025-01-02,,,,,,,,,,,,,,,,abc\r\n";
    const c = await previewImport(prisma, { userId, bytes: utf8(csv) });
    expect(c).toMatchObject({ kind: "preview", format: "history-csv", ok: false });
    if (c.kind !== "preview") throw new Error("expected a preview");
    expect(c.problems[0]).toMatch(/^line 3: /);
    await expect(commitImport(prisma, { userId, bytes: utf8(csv) })).rejects.toMatchObject({ code: "validation_failed" });
    expect(await prisma.event.count({ where: { userId } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { userId, action: "import" } })).toBe(0);
  });

  it("asks for a mapping for an unknown CSV, remembers it after the import, and reuses it for the next file with that header", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    const file1 = utf8("日期,金额,类型,流水号\n2025-01-03,500.00,借款,T1\n2025-01-09,100,还款,T2\n");
    const first = await previewImport(prisma, { userId, bytes: file1 });
    expect(first).toMatchObject({ kind: "needs-mapping", suggestion: { columns: { date: "日期", amount: "金额", type: "类型", id: "流水号" } } });
    const mapping = { columns: { date: "日期", amount: "金额", type: "类型", id: "流水号" }, typeValues: { 借款: "borrow", 还款: "repayment" } } as const;
    expect(await previewImport(prisma, { userId, bytes: file1, mapping })).toMatchObject({ kind: "preview", ok: true, fresh: 2, mappingRemembered: false });
    await commitImport(prisma, { userId, bytes: file1, mapping });

    // The same columns, padded: the same header hash, so the saved mapping applies.
    const file2 = utf8(" 日期 ,金额,类型,流水号\n2025-02-01,700,借款,T3\n2025-01-03,500.00,借款,T1\n");
    expect(await previewImport(prisma, { userId, bytes: file2 })).toMatchObject({ kind: "preview", ok: true, fresh: 1, known: 1, mappingRemembered: true });
    expect(await commitImport(prisma, { userId, bytes: file2 })).toMatchObject({ added: 1, unchanged: 1 });
    expect(await prisma.csvMapping.count({ where: { userId } })).toBe(1);
  });

  it("refuses a damaged zip and an empty file with a message", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    expect(await previewImport(prisma, { userId, bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]) })).toMatchObject({ kind: "refused", message: expect.stringContaining("zip") });
    expect(await previewImport(prisma, { userId, bytes: new Uint8Array() })).toMatchObject({ kind: "refused" });
  });

  it("export (JSON and CSV) then import into a new account gives identical data", async () => {
    const { prisma } = ctx();
    const source = await newUser();
    await commitImport(prisma, { userId: source, bytes: FIXTURE });
    await importHistory(prisma, { userId: source, document: {
      ...DOC,
      borrower: { currency: "CNY", product: "Jiebei", scoreScale: { min: 350, max: 950 } },
      events: [
        { id: "p", type: "profile", date: "2025-01-01", monthlyIncome: 12000.5, employment: "employed", identityVerified: true },
        { type: "notice", date: "2025-01-02", scope: "platform", kind: "policy", text: "=cut limits" },
        { id: "s", type: "score", date: "2025-01-03", score: 690 },
      ],
    } });
    const exported = await exportHistory(prisma, { userId: source });
    for (const bytes of [utf8(JSON.stringify(exported)), utf8(exportEventsCsv(exported))]) {
      const target = await newUser();
      expect(await commitImport(prisma, { userId: target, bytes })).toMatchObject({ added: exported.events.length, updated: 0 });
      expect(await exportHistory(prisma, { userId: target })).toEqual(exported);
    }
  });

  it("imports an encrypted Alipay zip with its password, once: the same bill again (zipped or not) adds nothing", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    const bill = generateAlipayBill(80, { seed: 9 });
    const zip = await zipOne("支付宝交易明细.csv", bill.bytes, { password: "204816", encryption: "aes" });
    expect(await previewImport(prisma, { userId, bytes: zip, lang: "zh" })).toMatchObject({ kind: "needs-password", wrong: false, looksLike: "alipay", formatName: "支付宝账单" });
    await expect(commitImport(prisma, { userId, bytes: zip, password: "111111" })).rejects.toMatchObject({ code: "bad_request" });
    const preview = await previewImport(prisma, { userId, bytes: zip, password: "204816" });
    expect(preview).toMatchObject({ kind: "preview", format: "alipay", packaging: { zip: true, encrypted: true }, ok: true, known: 0 });
    if (preview.kind !== "preview") throw new Error("expected a preview");
    expect(await prisma.event.count({ where: { userId } })).toBe(0);
    const first = await commitImport(prisma, { userId, bytes: zip, password: "204816" });
    expect(first).toMatchObject({ added: preview.events, updated: 0, format: "alipay" });
    expect(await commitImport(prisma, { userId, bytes: zip, password: "204816" })).toMatchObject({ added: 0, updated: 0, unchanged: preview.events });
    expect(await previewImport(prisma, { userId, bytes: bill.bytes })).toMatchObject({ fresh: 0, changed: 0, known: preview.events });
    expect(await prisma.event.count({ where: { userId } })).toBe(preview.events);
  });

  it("imports a WeChat XLSX and a JD CSV with the lenders they name, and a re-import adds nothing", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    const wechat = await renderWechatXlsx(generateWechatRows(150, { seed: 2 }).rows);
    const jd = renderJdCsv(generateJdRows(150, { seed: 2 }).rows);
    for (const [bytes, format, lenders] of [[wechat, "wechat", ["Weilidai", "中国银行", "招商银行"]], [jd, "jd", ["Baitiao", "Jintiao"]]] as const) {
      const p = await previewImport(prisma, { userId, bytes });
      expect(p).toMatchObject({ kind: "preview", format, ok: true, lenders });
      if (p.kind !== "preview") throw new Error("expected a preview");
      expect(p.recognisedRows + p.mergedRows + p.skippedTotal).toBe(p.rowsTotal);
      expect(await commitImport(prisma, { userId, bytes })).toMatchObject({ added: p.events, lenders });
      expect(await commitImport(prisma, { userId, bytes })).toMatchObject({ added: 0, updated: 0, unchanged: p.events });
    }
    const accounts = await prisma.event.findMany({ where: { userId, type: "account" }, select: { payload: true } });
    expect(accounts.map((a) => (a.payload as { lender: string }).lender).sort()).toEqual(["Baitiao", "Jintiao", "Weilidai", "中国银行", "招商银行"]);
    expect(await prisma.auditLog.count({ where: { userId, action: "import" } })).toBe(4);
  });

  it("stores nothing from random bytes or a broken zip, whatever the password: a clear error every time", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    const zip = await zipOne("微信支付账单.csv", Buffer.from("x"), { password: "p", encryption: "aes" });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 512 }), fc.integer({ min: 1, max: zip.length - 1 }).map((n) => zip.subarray(0, n))), fc.option(fc.string(), { nil: undefined }), async (bytes, password) => {
        const err = await commitImport(prisma, { userId, bytes, password: password || undefined }).then(
          () => null,
          (e: unknown) => e,
        );
        // Random bytes may happen to be a one-column CSV, which needs a mapping first: still an error.
        expect(err).toMatchObject({ code: expect.stringMatching(/^(validation_failed|bad_request)$/), message: expect.any(String) });
      }),
      { numRuns: 15 },
    );
    expect(await prisma.event.count({ where: { userId } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { userId } })).toBe(0);
  });

  it("a file name with a NUL is cleaned for the activity log: the import and its audit row commit together", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    expect(await commitImport(prisma, { userId, bytes: FIXTURE, fileName: "bill\u0000\ud800.csv" })).toMatchObject({ added: 8 });
    const audit = await prisma.auditLog.findMany({ where: { userId, action: "import" } });
    expect(audit.map((a) => (a.detail as { fileName: string }).fileName)).toEqual(["bill\ufffd.csv"]);
  });

  it("a mapping that cannot be stored (a NUL in a type value) is a validation error, and nothing is saved", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    const file = utf8("日期,金额,类型\n2025-01-03,500.00,借款\n2025-01-09,100,还款\n");
    const mapping = { columns: { date: "日期", amount: "金额", type: "类型" }, typeValues: { 借款: "borrow", 还款: "repayment", "x\u0000": "skip" } } as const;
    await expect(commitImport(prisma, { userId, bytes: file, mapping })).rejects.toMatchObject({ code: "validation_failed", problems: [expect.stringMatching(/typeValues/)] });
    expect([await prisma.event.count({ where: { userId } }), await prisma.csvMapping.count({ where: { userId } }), await prisma.auditLog.count({ where: { userId } })]).toEqual([0, 0, 0]);
  });

  it("when a write after the events fails, the events roll back with it", async () => {
    const { prisma } = ctx();
    const userId = await newUser();
    const doc = { ...DOC, events: [{ id: "a", type: "limit", date: "2025-01-01", limit: 1000 }] };
    const failing = async () => {
      throw new Error("the audit row could not be written");
    };
    await expect(importHistory(prisma, { userId, document: doc, alsoInTransaction: failing })).rejects.toThrow("audit row");
    expect(await prisma.event.count({ where: { userId } })).toBe(0);
  });
});
