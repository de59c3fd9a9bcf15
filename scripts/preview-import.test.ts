import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { generateAlipayBill } from "@/lib/history/testing/alipay-generator";
import { renderWechatCsv, zipOne } from "@/lib/history/testing/bill-files";
import { generateWechatRows } from "@/lib/history/testing/bill-rows";

const ROOT = path.resolve(import.meta.dirname, "..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const dir = mkdtempSync(path.join(tmpdir(), "preview-import-"));

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.join(ROOT, "scripts/preview-import.ts"), ...args], { cwd: ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const zipPath = path.join(dir, "bill.zip");
const wechatPath = path.join(dir, "wechat.csv");
const junkPath = path.join(dir, "junk.bin");
const wechat = generateWechatRows(120, { seed: 21 });

beforeAll(async () => {
  writeFileSync(zipPath, await zipOne("支付宝交易明细.csv", generateAlipayBill(50, { seed: 1 }).bytes, { password: "654321", encryption: "zipcrypto" }));
  writeFileSync(wechatPath, renderWechatCsv(wechat.rows));
  writeFileSync(junkPath, Buffer.from([0, 1, 2, 3, 0, 0, 9]));
});

describe("npm run preview-import", () => {
  test("prints the preview JSON of an encrypted Alipay zip given its password, and of a WeChat CSV with its lenders", async () => {
    const [zip, wx] = await Promise.all([run([zipPath, "--password", "654321"]), run([wechatPath, "--product", "Jiebei"])]);
    expect(zip).toMatchObject({ code: 0, stderr: "" });
    const z = JSON.parse(zip.stdout);
    expect(z).toMatchObject({ format: "alipay", rows: 50 });
    expect(z.recognised + z.merged + z.skipped.length).toBe(50);
    expect(wx.code).toBe(0);
    const w = JSON.parse(wx.stdout);
    expect(w).toMatchObject({ format: "wechat", rows: 120, lenders: wechat.expected.lenders });
    expect(w.events.filter((e: { type: string }) => e.type === "account")).toHaveLength(wechat.expected.lenders.length);
    expect(w.skipped[0]).toEqual({ line: expect.any(Number), reason: "not about your credit line" });
  }, 60_000);

  test("a refused file exits 1 with the message on stderr, a usage error 2", async () => {
    const [noPassword, wrong, junk, usage] = await Promise.all([run([zipPath]), run([zipPath, "--password", "1", "--lang", "zh"]), run([junkPath]), run([])]);
    expect(noPassword).toMatchObject({ code: 1, stdout: "" });
    expect(noPassword.stderr).toMatch(/6-digit code Alipay sent you/);
    expect(wrong).toMatchObject({ code: 1, stdout: "" });
    expect(wrong.stderr).toMatch(/密码不正确/);
    expect(junk).toMatchObject({ code: 1, stdout: "" });
    expect(junk.stderr).toMatch(/not a text file/);
    expect(usage.code).toBe(2);
  }, 60_000);
});
