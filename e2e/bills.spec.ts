import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { generateAlipayBill } from "@/lib/history/testing/alipay-generator";
import { renderWechatXlsx, zipOne } from "@/lib/history/testing/bill-files";
import { generateWechatRows } from "@/lib/history/testing/bill-rows";
import { expectDashboard, signUp, uniqueEmail } from "./helpers";

/*
 * Bills as they arrive, on a phone in Chinese: the Alipay bill's encrypted zip with its password,
 * and the WeChat Pay XLSX with the other lenders it names. Fixtures are generated here.
 */

test.use({ viewport: { width: 390, height: 844 } });

async function inChinese(page: Page) {
  await signUp(page, { email: uniqueEmail("bills"), password: "a-calm-password-42" });
  await expectDashboard(page);
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: page.url() }]);
  await page.goto("/data/import");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("导入文件");
}

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const shoot = (page: Page, name: string) => page.screenshot({ path: `e2e/screenshots/bills-${name}-phone-zh.png`, fullPage: true });

test("an encrypted Alipay zip: the page asks for its password, previews and imports", async ({ page }) => {
  const bill = generateAlipayBill(60, { seed: 12 });
  const zip = await zipOne("支付宝交易明细(20240101-20240331).csv", bill.bytes, { password: "730215", encryption: "aes" });
  await inChinese(page);
  await expect(page.locator("#import-file")).toHaveAttribute("accept", /\.zip.*\.xlsx/);

  await page.locator("#import-file").setInputFiles({ name: "支付宝账单.zip", mimeType: "application/zip", buffer: Buffer.from(zip) });
  const form = page.getByTestId("password-form");
  await expect(form.getByRole("heading")).toHaveText("您的支付宝账单需要密码");
  await expect(page.getByTestId("password-hint")).toContainText("6 位数字");
  await shoot(page, "password");

  await form.getByLabel("密码").fill("000000");
  await form.getByRole("button", { name: "打开并预览" }).click();
  await expect(form.getByRole("alert")).toHaveText("密码无法打开此文件，请核对后重试。");
  await expect(page.getByTestId("password-hint")).toContainText("密码不正确");

  await form.getByLabel("密码").fill("730215");
  await form.getByRole("button", { name: "打开并预览" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("识别为：支付宝账单 · 来自带密码的压缩包");
  await expect(page.getByTestId("preview-rows")).toHaveText("60");
  const recognised = Number(await page.getByTestId("preview-recognised").textContent());
  const merged = Number(await page.getByTestId("preview-merged").textContent());
  const skipped = Number(await page.getByTestId("preview-skipped").textContent());
  expect(recognised + merged + skipped).toBe(60);
  expect(recognised).toBe(bill.expected.borrow + bill.expected.repayment);
  expect(skipped).toBe(bill.expected.skipped);
  await expect(page.getByTestId("preview-sum")).toContainText(`共 60 行 = 识别 ${recognised} 行`);
  await expectAccessible(page);
  await shoot(page, "alipay-preview");

  const events = Number(await page.getByTestId("preview-events").textContent());
  await page.getByTestId("import-confirm").click();
  await expect(page.getByTestId("import-done")).toHaveText(`已导入：新增 ${events} 条，更新 0 条，0 条已存在。`);
  await shoot(page, "alipay-done");
});

test("a WeChat Pay XLSX: the preview names the other lenders it found", async ({ page }) => {
  const bill = generateWechatRows(200, { seed: 6 });
  const xlsx = await renderWechatXlsx(bill.rows);
  await inChinese(page);
  await page.locator("#import-file").setInputFiles({ name: "微信支付账单(20240101-20241231).xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(xlsx) });
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("识别为：微信支付账单 · 表格（XLSX）");
  // Stored as the importers name them (Weilidai), shown as a Chinese reader knows them.
  await expect(page.getByTestId("preview-lender")).toHaveText(bill.expected.lenders.map((l) => (l === "Weilidai" ? "微粒贷" : l)));
  await expect(page.getByTestId("preview-skipped-reasons")).toContainText("与您的信用额度无关");
  await expectAccessible(page);
  await shoot(page, "wechat-preview");
  await page.getByTestId("import-confirm").click();
  await expect(page.getByTestId("import-done")).toContainText("已导入");

  // The same file again: everything is known, nothing to import.
  await page.locator("#import-file").setInputFiles({ name: "again.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(xlsx) });
  await expect(page.getByTestId("preview-new")).toHaveText("0");
  await expect(page.getByTestId("import-confirm")).toHaveCount(0);
});

test("an XLSX of no known layout is named a spreadsheet, in Chinese", async ({ page }) => {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("表1").addRow(["日期", "金额"]);
  await inChinese(page);
  await page.locator("#import-file").setInputFiles({ name: "表格.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
  await expect(page.getByTestId("import-refused")).toContainText("这是一个表格文件（XLSX）");
  await shoot(page, "unknown-sheet");
});
