import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { renderAlipayBill, type AlipayRowFields } from "@/lib/history/testing/alipay-generator";
import { expectDashboard, signUp, uniqueEmail } from "./helpers";

/*
 * The first visit of a Jiebei borrower on a phone whose limit just fell: from the first screen
 * after sign-up to the explanation, counting every tap and every typed value. Screenshots of each
 * step at 390 px go to e2e/screenshots/ (git-ignored) for a person to look at.
 */

const SHOTS = path.resolve(import.meta.dirname, "screenshots");
const PASSWORD = "a-calm-password-42";
const MAX_TAPS = 3;
const MAX_TYPED = 3;

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

/** Today in Asia/Shanghai, the history's zone (the form's default day). */
const todayShanghai = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

async function expectNoSeriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function shot(page: Page, name: string) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** The borrower's own input, counted: a tap is a touch on the screen, a typed value one field's text. */
function counter(page: Page) {
  const counts = { taps: 0, typed: 0 };
  return {
    counts,
    tap: async (target: Locator) => {
      counts.taps += 1;
      await target.tap();
    },
    /** Types into the field the last tap focused, as a phone keyboard does. */
    type: async (text: string) => {
      counts.typed += 1;
      await page.keyboard.type(text);
    },
  };
}

/** Signs up (English forms, as the shared helper does), then switches the UI to `locale`. */
async function newBorrower(page: Page, locale: "en" | "zh-CN", prefix: string) {
  await signUp(page, { email: uniqueEmail(prefix), password: PASSWORD });
  await expectDashboard(page);
  if (locale === "zh-CN") {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: page.url() }]);
    await page.goto("/dashboard");
  }
}

const TEXT = {
  en: { previous: "What was your limit before?", current: "What is it now?", save: "Save and see why", record: "Record my limit", down: "¥0, down ¥30,000 on" },
  "zh-CN": { previous: "之前的额度是多少？", current: "现在的额度是多少？", save: "保存并查看原因", record: "记录额度", down: "下降¥30,000" },
} as const;

for (const locale of ["en", "zh-CN"] as const) {
  test.describe(`first visit (${locale}, 390 px)`, () => {
    test("a new account records ¥30,000 → ¥0 today from the first screen and reads the explanation", async ({ page }) => {
      // Five pages, seven axe passes (two in dark mode): more than the default minute on a busy 2-core machine.
      test.setTimeout(150_000);
      const text = TEXT[locale];
      await newBorrower(page, locale, `first-${locale}`);
      const today = todayShanghai();

      // The first screen leads with the form; the day is already today.
      const form = page.getByTestId("limit-change-form");
      await expect(form).toBeInViewport();
      await expect(form.getByLabel(text.previous)).toBeInViewport();
      await expect(form.locator('input[name="date"]')).toHaveValue(today);
      await expect(page.getByText(/coming soon|即将上线/)).toHaveCount(0);
      await shot(page, `first-visit-${locale}-1-first-screen`);
      await expectNoSeriousViolations(page);

      const { counts, tap, type } = counter(page);
      await tap(form.getByLabel(text.previous));
      await type("30000");
      await tap(form.getByLabel(text.current));
      await type("0");
      await shot(page, `first-visit-${locale}-2-filled`);
      await tap(form.getByRole("button", { name: text.save }));

      // Landed on the drop's explanation, with what is still missing as next steps.
      await expect(page).toHaveURL(new RegExp(`/drops/${today}\\?recorded=1$`));
      const headline = page.getByTestId("drop-headline");
      await expect(headline).toContainText("¥30,000");
      await expect(headline).toContainText("¥0");
      const steps = page.getByTestId("next-steps");
      await expect(steps.locator("[data-step]")).toHaveCount(3);
      expect(counts.taps).toBeLessThanOrEqual(MAX_TAPS);
      expect(counts.typed).toBeLessThanOrEqual(MAX_TYPED);
      await writeFile(path.join(os.tmpdir(), `first-visit-${locale}-counts.json`), JSON.stringify(counts));
      console.info(`[first visit ${locale}] from the first screen to the explanation: ${counts.taps} taps, ${counts.typed} typed values`);
      await shot(page, `first-visit-${locale}-3-explanation`);
      await expectNoSeriousViolations(page);

      // The dashboard now leads with the number and its change; the chart follows; cards are links.
      await page.goto("/dashboard");
      await expect(page.getByTestId("limit-headline")).toContainText(text.down);
      await expect(page.getByTestId("dashboard-overview")).toBeVisible();
      await shot(page, `first-visit-${locale}-4-dashboard`);
      await expectNoSeriousViolations(page);
      await page.getByTestId("drop").first().getByRole("link").tap();
      await expect(page).toHaveURL(new RegExp(`/drops/${today}$`));

      // "Record my limit" is one tap away from any page, and offers the limit on file as "before".
      await page.goto("/settings");
      const record = page.getByTestId("record-limit");
      await expect(record).toBeInViewport();
      await expect(record).toHaveText(new RegExp(text.record));
      await record.tap();
      await expect(page).toHaveURL(/\/limit-change$/);
      // The limit in force before today (the form's day): today's ¥0 is what may be corrected.
      await expect(page.getByTestId("limit-change-form").getByLabel(text.previous)).toHaveValue("30000");
      await shot(page, `first-visit-${locale}-5-record-page`);
      await expectNoSeriousViolations(page);

      // Dark mode meets the contrast rules too (the Chinese run only: one pass is enough for the colours).
      if (locale === "zh-CN") {
        await page.emulateMedia({ colorScheme: "dark" });
        await expectNoSeriousViolations(page);
        await page.goto("/dashboard");
        await expectNoSeriousViolations(page);
        await page.goto(`/drops/${today}?recorded=1`);
        await expectNoSeriousViolations(page);
        await shot(page, `first-visit-${locale}-7-explanation-dark`);
      }
    });
  });
}

// The synthetic bill of shared/fixtures/alipay-bill-sample.csv, generated here (made-up data).
const BILL_ROWS: AlipayRowFields[] = [
  ["2025-01-05 09:12:01", "信用借还", "蚂蚁借呗", "/", "借呗借款", "不计收支", "5000.00", "/", "交易成功", "2025010522001100000000000001", "/"],
  ["2025-01-06 12:30:44", "餐饮美食", "某某餐厅", "/", "午餐", "支出", "36.40", "余额宝", "交易成功", "2025010622001100000000000002", "M20250106001"],
  ["2025-01-20 18:02:10", "日用百货", "某某超市", "/", "日用品", "支出", "176.00", "花呗", "交易成功", "2025012022001100000000000003", "M20250120001"],
  ["2025-02-05 08:00:00", "信用借还", "蚂蚁借呗", "/", "借呗还款-本金", "不计收支", "5000.00", "余额宝", "交易成功", "2025020522001100000000000004", "/"],
  ["2025-02-10 10:00:00", "转账红包", "李四", "li***@example.com", "转账", "收入", "8000.00", "/", "交易成功", "2025021022001100000000000005", "/"],
  ["2025-02-14 20:11:09", "信用借还", "蚂蚁借呗", "/", "借呗借款", "不计收支", "6000.00", "/", "交易成功", "2025021422001100000000000006", "/"],
  ["2025-02-15 09:40:00", "交通出行", "某某出行", "/", "打车", "支出", "2300.00", "借呗", "交易关闭", "2025021522001100000000000007", "M20250215001"],
  ["2025-03-01 11:11:11", "信用借还", "蚂蚁借呗", "/", "借呗还款-本金", "不计收支", "200.00", "余额宝", "交易成功", "2025030122001100000000000008", "/"],
  ["2025-03-02 07:45:00", "充值缴费", "国家电网", "/", "电费", "支出", "100.00", "余额宝", "交易成功", "2025030222001100000000000009", "/"],
].map(([time, category, counterparty, account, description, direction, amount, payment, status, orderNo, merchantOrderNo]) => ({
  time: time!, category: category!, counterparty: counterparty!, account: account!, description: description!, direction: direction!,
  amount: amount!, payment: payment!, status: status!, orderNo: orderNo!, merchantOrderNo: merchantOrderNo!, remark: "",
}));

for (const locale of ["en", "zh-CN"] as const) {
  test(`an imported Alipay bill shows its borrowings on the dashboard and asks for the limit (${locale}, 390 px)`, async ({ page }) => {
    const bill = path.join(await mkdtemp(path.join(os.tmpdir(), "first-visit-")), "alipay-bill-sample.csv");
    await writeFile(bill, renderAlipayBill(BILL_ROWS));
    await newBorrower(page, locale, `bill-${locale}`);

    await page.goto("/data/import");
    await page.locator("#import-file").setInputFiles(bill);
    await expect(page.getByTestId("preview-new")).toHaveText("8");
    await page.getByTestId("import-confirm").click();
    await expect(page.getByTestId("import-done")).toBeVisible();

    await page.goto("/dashboard");
    const learned = page.getByTestId("imported-summary");
    await expect(learned).toBeVisible();
    await expect(learned.getByTestId("learned-borrow")).toContainText("2");
    await expect(learned.getByTestId("learned-borrow")).toContainText("¥11,000");
    await expect(learned.getByTestId("learned-repayment")).toContainText("¥5,200");
    await expect(learned.getByTestId("learned-activity")).toContainText("4");
    await expect(learned.getByTestId("learned-range")).toContainText("2025");
    // The one thing a bill lacks, asked for with the same form; nothing says "coming soon".
    const prompt = page.getByTestId("limit-prompt");
    await expect(prompt.getByTestId("limit-change-form")).toBeVisible();
    await expect(page.getByText(/coming soon|即将上线/)).toHaveCount(0);
    await shot(page, `first-visit-${locale}-6-imported-bill`);
    await expectNoSeriousViolations(page);

    // With the bill in, the drop page no longer asks for one.
    const form = prompt.getByTestId("limit-change-form");
    await form.getByLabel(TEXT[locale].previous).fill("30000");
    await form.getByLabel(TEXT[locale].current).fill("0");
    await form.getByRole("button", { name: TEXT[locale].save }).tap();
    await expect(page).toHaveURL(/\/drops\/\d{4}-\d{2}-\d{2}\?recorded=1$/);
    await expect(page.getByTestId("next-steps").locator("[data-step]")).toHaveCount(2);
    await expect(page.locator('[data-step="bill"]')).toHaveCount(0);
  });
}
