import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { expectDashboard, signUp, uniqueEmail } from "./helpers";

// A phone. Signing up uses the English labels of the shared helper; each test then switches to Chinese.
test.use({ viewport: { width: 390, height: 844 } });

const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const history = (events: object[]) => Buffer.from(JSON.stringify({ format: "credit-health-history", version: 1, events }));

/** The language switcher, as a borrower uses it: it also stores the choice for e-mails and the calendar. */
async function toChinese(page: Page) {
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("button", { name: "中文" })).toHaveAttribute("aria-pressed", "true");
}

async function importFile(page: Page, name: string, buffer: Buffer) {
  await page.goto("/data/import");
  await page.locator("#import-file").setInputFiles({ name, mimeType: "application/json", buffer });
  await page.getByTestId("import-confirm").click();
  await expect(page.getByTestId("import-done")).toBeVisible();
}

test("an import that adds a new warning sign shows a notification, and the bell opens it", async ({ page }) => {
  await signUp(page, { email: uniqueEmail("notify"), password: "a-calm-password-42" });
  await expectDashboard(page);
  await toChinese(page);

  // First import: one credit application in the last 30 days, no warning about applications.
  await importFile(
    page,
    "first.json",
    history([
      { id: "p1", type: "profile", date: day(-60), monthlyIncome: 12000, employment: "employed", identityVerified: true, bankCardLinked: true, phoneVerified: true },
      { id: "l1", type: "limit", date: day(-60), limit: 20000 },
      { id: "q1", type: "inquiry", date: day(-25), lender: "招商银行" },
    ]),
  );
  await page.goto("/notifications");
  await expect(page.locator('[data-kind="NEW_SIGNAL"]')).toHaveCount(0);

  // Second import: two more applications, three within 30 days, the burst that has preceded cuts.
  await importFile(page, "second.json", history([{ id: "q2", type: "inquiry", date: day(-12), lender: "平安银行" }, { id: "q3", type: "inquiry", date: day(-3), lender: "中信银行" }]));

  // The alert is made just after the import's answer: the bell shows it on the next page.
  const bell = page.getByTestId("notification-bell");
  await expect(async () => {
    await page.goto("/dashboard");
    await expect(bell).toHaveAccessibleName(/^通知，\d+条未读$/, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await page.screenshot({ path: "test-results/e2e/notifications-bell.png" });

  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  const alert = page.locator('[data-kind="NEW_SIGNAL"]');
  await expect(alert).toHaveCount(1);
  await expect(alert.getByRole("heading")).toHaveText("新的预警信号：30天内信贷申请次数");
  await expect(alert).toContainText("新");
  await page.screenshot({ path: "test-results/e2e/notifications-list.png", fullPage: true });
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // "去处理" goes where it is acted on and marks it read.
  await alert.getByRole("button", { name: "去处理" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/notifications");
  await expect(page.locator('[data-kind="NEW_SIGNAL"]')).not.toContainText("新的预警信号：30天内信贷申请次数新");
  await expect(page.locator('[data-kind="NEW_SIGNAL"]').getByText("新", { exact: true })).toHaveCount(0);
});

test("the calendar link is shown once with a subscribe button, and turning it off makes the feed a 404", async ({ page, request }) => {
  await signUp(page, { email: uniqueEmail("calendar"), password: "a-calm-password-42" });
  await expectDashboard(page);
  await toChinese(page);
  await page.goto("/settings/calendar");
  await page.getByRole("button", { name: "生成日历链接" }).click();
  const url = (await page.getByTestId("calendar-url").textContent())!.trim();
  expect(url).toMatch(/\/api\/calendar\/cal_[A-Za-z0-9_-]{43}\.ics$/);
  await expect(page.getByRole("link", { name: "添加到日历" })).toHaveAttribute("href", url.replace(/^https?:\/\//, "webcal://"));
  await page.screenshot({ path: "test-results/e2e/notifications-calendar.png", fullPage: true });
  const feed = await request.get(url);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain("X-WR-CALNAME:信用健康提醒");

  await page.getByRole("button", { name: "停用日历链接" }).click();
  await expect(page.getByText("日历链接已停用")).toBeVisible();
  expect((await request.get(url)).status()).toBe(404);

  // The per-kind settings, as a borrower reads them on a phone.
  await page.goto("/settings/notifications");
  await expect(page.getByRole("heading", { name: "通知", level: 1 })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "分期即将到期：应用内" })).toBeChecked();
  await page.getByRole("checkbox", { name: "分期即将到期：应用内" }).uncheck();
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "分期即将到期：应用内" })).not.toBeChecked();
  await page.screenshot({ path: "test-results/e2e/notifications-settings.png", fullPage: true });
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
});
