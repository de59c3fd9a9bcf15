import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { expectDashboard, signUp, uniqueEmail } from "./helpers";

/*
 * Issue 16 in the app: a borrower whose limit fell 300 days ago and has not risen since reads why
 * (the growth card), when it might come back (the drop's outlook), the plain-language health card,
 * the growth steps on /recovery and when each blocker clears on the what-if page. Phone width, in
 * Chinese and English; screenshots in e2e/screenshots/growth-*.png; axe on every page.
 */

const DAY = 86_400_000;
const today = Date.now() + 8 * 3600_000; // Shanghai calendar day
const day = (offset: number) => new Date(today + offset * DAY).toISOString().slice(0, 10);
const DROP = day(-300);

/** Applications 330–315 days ago, the cut 300 days ago, then a flat 20,000 with weekly use and no draws. */
function history() {
  const events: Record<string, unknown>[] = [];
  let n = 0;
  const add = (e: Record<string, unknown>) => events.push({ id: `g${++n}`, ...e });
  add({ type: "profile", date: day(-400), monthlyIncome: 15000, employment: "employed", employer: "杭州示例有限公司", identityVerified: true, bankCardLinked: true, phoneVerified: true });
  add({ type: "limit", date: day(-400), limit: 30000 });
  for (const o of [-330, -325, -320, -315]) add({ type: "inquiry", date: day(o), lender: `银行${o}` });
  for (let o = -395, k = 0; o < -260; o += 30, k++) {
    add({ type: "borrow", date: day(o), amount: 3000, loanId: `L${k}` });
    add({ type: "repayment", date: day(o + 28), amount: 3000, loanId: `L${k}`, dueDate: day(o + 30) });
  }
  add({ type: "limit", date: DROP, limit: 20000 });
  for (let o = -290; o <= 0; o += 30) add({ type: "limit", date: day(o), limit: 20000 });
  for (let o = -398; o <= 0; o += 7) add({ type: "activity", date: day(o), kind: "payment" });
  return { format: "credit-health-history", version: 1, borrower: { currency: "CNY", product: "Jiebei" }, events };
}

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function importHistory(page: Page) {
  await page.goto("/data/import");
  await page.locator("#import-file").setInputFiles({ name: "flat-limit.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(history())) });
  await page.getByTestId("import-confirm").click();
  await expect(page.getByTestId("import-done")).toBeVisible();
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/growth-${name}.png`, fullPage: true });
}

test.describe.configure({ mode: "serial" });
test.use({ viewport: { width: 390, height: 844 } });

test("a flat limit in Chinese: why it has not risen, when it may come back, plain health signs", async ({ page }) => {
  await signUp(page, { email: uniqueEmail("growth"), password: "a-calm-password-42" });
  await expectDashboard(page);
  await importHistory(page);
  await page.goto("/dashboard");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  const card = page.getByTestId("growth-card");
  await expect(card.getByRole("heading", { name: "为什么我的额度一直不涨？" })).toBeVisible();
  await expect(card).toContainText("您的额度自");
  await expect(card).toContainText("20,000元");
  await expect(card.locator('[data-blocker="LINE_UNUSED"]')).toContainText("天未使用额度");
  await expect(card.locator('[data-blocker="LOW_PLATFORM_ASSETS"]')).toContainText("不会自行消除");
  await expect(card).toContainText("按计划适度使用额度并按期还款");
  expect(await card.innerText()).not.toMatch(/[A-Za-z]{3,}/);
  const health = page.getByTestId("health-card");
  await expect(health.locator('[data-grade="fine"]')).toContainText("良好");
  await expectAccessible(page);
  await shoot(page, "dashboard-zh-phone");

  await page.goto(`/drops/${DROP}`);
  const outlook = page.getByTestId("drop-outlook");
  await expect(outlook.getByRole("heading", { name: "额度可能什么时候恢复？" })).toBeVisible();
  await expect(outlook.getByTestId("outlook-text")).toContainText("您的各项信号自");
  await expect(outlook.getByTestId("outlook-text")).toContainText("因此原因被降的额度通常在");
  await expect(outlook).toContainText("由平台决定");
  await expect(outlook).toContainText("依据");
  await expectAccessible(page);
  await shoot(page, "drop-outlook-zh-phone");

  await page.goto("/recovery");
  const steps = page.getByTestId("growth-steps");
  await expect(steps.getByRole("heading", { name: "额度为何一直不涨" })).toBeVisible();
  await expect(steps.locator('[data-step="USE_LINE_MODESTLY"]')).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "recovery-zh-phone");

  await page.goto("/what-if?keepUsingAccount=on&horizon=180");
  const clears = page.getByTestId("growth-clears");
  await expect(clears.locator('[data-blocker="LINE_UNUSED"]')).toContainText("需要行动");
  await expectAccessible(page);
  await shoot(page, "what-if-zh-phone");
});

test("the same borrower in English: the outlook names its basis and the lender's decision", async ({ page }) => {
  await signUp(page, { email: uniqueEmail("growth-en"), password: "a-calm-password-42" });
  await expectDashboard(page);
  await importHistory(page);
  await page.goto("/dashboard");
  await expect(page.getByTestId("growth-card")).toContainText("Why hasn't my limit risen?");
  await expect(page.getByTestId("growth-card")).toContainText("¥20,000");
  await page.goto(`/drops/${DROP}`);
  const text = page.getByTestId("drop-outlook");
  await expect(text).toContainText(/Your signals are clear from \d{1,2} \w+ \d{4}; limits cut for this reason usually come back between/);
  await expect(text).toContainText("The lender decides");
  await shoot(page, "drop-outlook-en-phone");
});
