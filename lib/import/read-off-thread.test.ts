import { afterAll, describe, expect, it } from "vitest";
import { generateAlipayBill } from "@/lib/history/testing/alipay-generator";
import { renderWechatXlsx, zipOne } from "@/lib/history/testing/bill-files";
import { generateWechatRows } from "@/lib/history/testing/bill-rows";
import { closePool, poolStats } from "@/lib/workers/pool";
import { readImportFile, type ReadOptions } from "./read-file";
import { readImportFileOffThread } from "./read-off-thread";
import { packRead, packSkipped, unpackRead, unpackSkipped } from "./compact-read";

afterAll(closePool);

const NOW = new Date("2026-01-01T00:00:00Z");
const options = (o: Partial<ReadOptions> = {}): ReadOptions => ({ borrower: { currency: "CNY", product: "Jiebei", scoreScale: { min: 350, max: 950 } }, now: NOW, ...o });

/** Runs `read` and tells how many tasks the pool completed meanwhile. */
async function inPool<T>(read: () => Promise<T>): Promise<{ result: T; tasks: number }> {
  const before = poolStats().completed;
  const result = await read();
  return { result, tasks: poolStats().completed - before };
}

describe("readImportFile in the worker pool", () => {
  it("parses a large bill on a worker thread, with exactly the in-process result, and leaves the caller's bytes intact", async () => {
    // A Buffer, as an upload arrives: Buffer#slice shares memory, so this also proves a real copy moved.
    const xlsx = Buffer.from(await renderWechatXlsx(generateWechatRows(5_000, { seed: 9 }).rows));
    const copy = new Uint8Array(xlsx);
    const { result, tasks } = await inPool(() => readImportFileOffThread(xlsx, options({ borrower: { currency: "CNY", product: "Weilidai", scoreScale: { min: 350, max: 950 } } })));
    expect(tasks).toBe(1);
    expect(poolStats().threads).toBeGreaterThan(0);
    expect(result.kind === "parsed" && result.document!.events.length).toBeGreaterThan(100);
    expect(result).toEqual(await readImportFile(copy, options({ borrower: { currency: "CNY", product: "Weilidai", scoreScale: { min: 350, max: 950 } } })));
    expect(xlsx.buffer.byteLength).toBeGreaterThan(0); // not detached: the upload can be read again
    expect(new Uint8Array(xlsx)).toEqual(copy);
  });

  it("brings refusals and password requests back intact, in the page's language", async () => {
    const zip = await zipOne("支付宝交易明细.csv", generateAlipayBill(50, { seed: 2, encoding: "gbk" }).bytes, { password: "482913", encryption: "aes" });
    for (const [bytes, o] of [
      [zip, options({ lang: "zh", password: "000000" })],
      [zip, options({ lang: "en" })],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), options({ lang: "zh" })],
      [new TextEncoder().encode("a;b\n1;2\n"), options({ lang: "zh" })],
    ] as const) {
      const { result, tasks } = await inPool(() => readImportFileOffThread(bytes, o));
      expect(tasks).toBe(1);
      expect(result).toEqual(await readImportFile(bytes, o));
    }
    const wrong = await readImportFileOffThread(zip, options({ lang: "zh", password: "000000" }));
    expect(wrong).toMatchObject({ kind: "needs-password", wrong: true, looksLike: "alipay", message: expect.stringContaining("支付宝") });
  });
});

describe("the task's compact result", () => {
  it("packs skipped rows as lines and a table of reasons, and unpacks to the same rows", () => {
    const skipped = [
      { line: 20, reason: "当前状态为已全额退款" },
      { line: 21, reason: "与您的信用额度无关" },
      { line: 25, reason: "当前状态为已全额退款" },
    ];
    const packed = packSkipped(skipped);
    expect(packed.reasons).toEqual(["当前状态为已全额退款", "与您的信用额度无关"]);
    expect([...packed.lines]).toEqual([20, 21, 25]);
    expect(unpackSkipped(packed)).toEqual(skipped);
  });

  it("round-trips a parsed file and leaves other results as they are", async () => {
    const r = await readImportFile(generateAlipayBill(300, { seed: 4, encoding: "gbk" }).bytes, options());
    expect(r.kind).toBe("parsed");
    expect(unpackRead(structuredClone(packRead(r)))).toEqual(r);
    const refused = { kind: "refused" as const, message: "x" };
    expect(unpackRead(packRead(refused))).toEqual(refused);
  });
});
