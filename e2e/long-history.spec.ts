import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { MANY_DROPS, manyDropsHistory } from "./fixtures/many-drops";
import { uniqueEmail } from "./helpers";

/*
 * A Chinese borrower on a phone with a long history of drops (issue 14: every page bounded): the
 * chart draws clusters instead of a marker per drop and links to the drop list, the drop list
 * pages 10 at a time keeping the chart's range, and /recovery pages its earlier drops. Counts
 * stay on screen, every drop is reachable, and nothing is in English.
 */

test.use({ locale: "zh-CN", viewport: { width: 390, height: 844 } });
test.describe.configure({ mode: "serial" });

const PASSWORD = "a-calm-password-42";
const email = uniqueEmail("long-history");

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function latinWords(page: Page): Promise<string[]> {
  const text = await page.locator("main").innerText();
  const allowed = new Set(["Jiebei", "Alipay", "WeChat", "JSON", "CSV", "API", "ID"]);
  return (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !allowed.has(w));
}

async function signIn(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("main").getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

test(`a borrower imports a history with ${MANY_DROPS} drops`, async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("checkbox").check();
  await page.getByRole("main").getByRole("button", { name: "注册" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/data/import");
  await page.locator("#import-file").setInputFiles({ name: "history.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(manyDropsHistory())) });
  await page.getByTestId("import-confirm").click();
  await expect(page.getByTestId("import-done")).toBeVisible();
});

test("the chart clusters its markers and the drop list pages through every drop, keeping the range", async ({ page }) => {
  await signIn(page);
  await page.goto("/dashboard?range=all");
  const markers = page.getByTestId("timeline").locator('a[href^="/drops/"]');
  const count = await markers.count();
  expect(count).toBeGreaterThan(1);
  expect(count).toBeLessThanOrEqual(24);
  // Each cluster says how many drops it holds: together, every drop.
  const held = await markers.evaluateAll((as) => as.reduce((n, a) => n + Number(a.getAttribute("data-cluster") ?? 1), 0));
  expect(held).toBe(MANY_DROPS);
  await expect(page.getByTestId("timeline").locator("a[data-cluster]").first()).toHaveAttribute("aria-label", /之间有\d+次额度下降/);
  await page.screenshot({ path: "e2e/screenshots/long-history-chart-zh-phone.png" });

  await page.getByTestId("all-drops-link").click();
  await expect(page).toHaveURL(/\/dashboard\?range=all&drops=all#drops-title$/);
  const pager = page.getByRole("navigation", { name: "降额列表的页码" });
  await expect(page.getByTestId("drop")).toHaveCount(10);
  await expect(page.getByTestId("drops-range")).toHaveText(`这里是最近的第 1–10 次，共 ${MANY_DROPS} 次降额。`);
  await expect(pager).toContainText("第 1 / 7 页");
  await pager.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/\/dashboard\?range=all&drops=all&page=2#drops-title$/);
  await expect(page.getByTestId("drops-range")).toHaveText(`这里是最近的第 11–20 次，共 ${MANY_DROPS} 次降额。`);
  // The chart's range travels with the pages.
  await expect(page.getByRole("list", { name: "时间范围" }).getByRole("link", { name: "全部", exact: true })).toHaveAttribute("aria-current", "true");
  expect(await latinWords(page)).toEqual([]);
  await expectAccessible(page);
  await page.getByTestId("drops-pager").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "e2e/screenshots/long-history-drops-page2-zh-phone.png" });

  await pager.getByRole("link", { name: "最后一页" }).click();
  await expect(page).toHaveURL(/page=7#drops-title$/);
  await expect(page.getByTestId("drop")).toHaveCount(MANY_DROPS - 60);
  await expect(pager).toContainText("第 7 / 7 页");
  await expect(pager.getByRole("link", { name: "下一页" })).toHaveCount(0);
  // The oldest drop is the last card of the last page.
  await expect(page.getByTestId("drop").last().getByRole("link")).toHaveAttribute("href", "/drops/2024-01-06");
  await pager.getByRole("link", { name: "第一页" }).click();
  await expect(page).toHaveURL(/\/dashboard\?range=all&drops=all#drops-title$/);
});

test("recovery leads with the current drop and pages through the earlier ones", async ({ page }) => {
  await signIn(page);
  await page.goto("/recovery");
  await expect(page.getByTestId("current-drop")).toContainText("当前这次降额");
  const history = page.getByTestId("recovery-history");
  await expect(history.locator("summary")).toHaveText(`过往降额（${MANY_DROPS - 1}次）`);
  await history.locator("summary").click();
  await expect(history.getByTestId("history-range")).toHaveText(`由近到远，这里是第 1–8 次，共 ${MANY_DROPS - 1} 次。`);
  await expect(history.getByTestId("recovery-checklist")).toHaveCount(8);
  const pager = page.getByRole("navigation", { name: "过往降额的页码" });
  await expect(pager).toContainText("第 1 / 8 页");
  await pager.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/\/recovery\?page=2#recovery-history$/);
  // A page past the first opens the history by itself: the borrower asked for it.
  await expect(history.getByTestId("history-range")).toBeVisible();
  await expect(history.getByTestId("history-range")).toHaveText(`由近到远，这里是第 9–16 次，共 ${MANY_DROPS - 1} 次。`);
  await expect(history.getByTestId("recovery-checklist")).toHaveCount(8);
  expect(await latinWords(page)).toEqual([]);
  await expectAccessible(page);
  await page.screenshot({ path: "e2e/screenshots/long-history-recovery-page2-zh-phone.png" });
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await page.screenshot({ path: "e2e/screenshots/long-history-recovery-page2-zh-phone-dark.png" });
  await page.emulateMedia({ colorScheme: "light" });

  await pager.getByRole("link", { name: "最后一页" }).click();
  await expect(page).toHaveURL(/\/recovery\?page=8#recovery-history$/);
  await expect(history.getByTestId("history-range")).toHaveText(`由近到远，这里是第 57–63 次，共 ${MANY_DROPS - 1} 次。`);
  await expect(history.getByTestId("recovery-checklist")).toHaveCount(7);
  // Every earlier drop links to its own page, where its steps are in full.
  await history.getByRole("link", { name: "查看原因分析" }).last().click();
  await expect(page).toHaveURL(/\/drops\/2024-01-06$/);
});
