import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { expectDashboard, startDemo } from "./helpers";

/*
 * The borrower's journey on the demo borrower: chart with drop markers → a drop's reasons →
 * UPDATE_INCOME through the profile form, and the explanation recomputed → the appeal letter in
 * both languages. Every page is checked with axe (no serious or critical violations) and
 * photographed at phone and desktop widths into e2e/screenshots/.
 */

const INCOME_DROP = "2026-10-15"; // the demo's drop after a new job with lower pay
const WIDTHS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 900 },
] as const;

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function shoot(page: Page, name: string) {
  for (const w of WIDTHS) {
    await page.setViewportSize({ width: w.width, height: w.height });
    await page.waitForTimeout(300); // the chart re-measures its container
    await page.screenshot({ path: `e2e/screenshots/experience-${name}-${w.name}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe.configure({ mode: "serial" });

test("dashboard: chart with drop markers, ranges, overlays and the health card", async ({ page }) => {
  await startDemo(page);
  await expectDashboard(page);
  const chart = page.getByTestId("dashboard-overview");
  await expect(chart.getByText("Limit and score over time")).toBeVisible();
  // The chart is drawn on the server (an SVG); Recharts only joins when the borrower reaches for it.
  await expect(chart.getByTestId("timeline").locator("svg").first()).toBeVisible();
  // Markers are links on the chart and in the list below it.
  await expect(chart.getByRole("link", { name: /Limit drop on/ }).first()).toBeVisible();
  // Ranges are links (the range lives in the URL, so it works before JavaScript too).
  await chart.getByRole("link", { name: "All", exact: true }).click();
  await expect(page).toHaveURL(/range=all/);
  await expect(chart.getByRole("link", { name: "All", exact: true })).toHaveAttribute("aria-current", "true");
  await expect(chart.getByRole("link", { name: /→/ })).toHaveCount(5);
  await page.getByText("Repayments", { exact: true }).click();
  await expect(page).toHaveURL(/show=[a-z,]*repayment/);
  await expect(page.getByRole("checkbox", { name: "Repayments" })).toBeChecked();
  await expectAccessible(page);
  // From the keyboard, "Explore the values" brings the interactive chart (Recharts: tooltips, arrow
  // keys) into the same box and focuses it; pointing at the chart does the same (a11y.spec.ts).
  await chart.getByRole("button", { name: "Explore the values" }).focus();
  await page.keyboard.press("Enter");
  await expect(chart.locator(".recharts-surface").first()).toBeFocused();
  await expect(chart.getByRole("link", { name: /Limit drop on/ }).first()).toBeVisible();
  await expect(page.getByText("Your credit health")).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "dashboard");
});

test("without JavaScript the chart is complete: ranges, overlays and markers are links and forms", async ({ page, browser }) => {
  await startDemo(page);
  await expectDashboard(page);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const noJs = await context.newPage();
  await noJs.goto("/dashboard");
  const chart = noJs.getByTestId("dashboard-overview");
  await expect(chart.getByTestId("timeline").locator("svg").first()).toBeVisible();
  await chart.getByRole("link", { name: "All", exact: true }).click();
  await expect(noJs).toHaveURL(/range=all/);
  await expect(chart.getByRole("link", { name: "All", exact: true })).toHaveAttribute("aria-current", "true");
  await noJs.getByText("Repayments", { exact: true }).click();
  await chart.getByRole("button", { name: "Apply" }).click();
  await expect(noJs).toHaveURL(/range=all&show=&show=borrow&show=repayment&show=inquiry/);
  await expect(noJs.getByRole("checkbox", { name: "Repayments" })).toBeChecked();
  await chart.getByRole("link", { name: /Limit drop on Oct 15, 2026/ }).click();
  await expect(noJs).toHaveURL(new RegExp(`/drops/${INCOME_DROP}$`));
  await context.close();
});

test("a drop's reasons, UPDATE_INCOME through the profile form, and the explanation changes", async ({ page }) => {
  await startDemo(page);
  await expectDashboard(page);
  // The marker in the chart itself is the link (keyboard: Tab to it, Enter).
  await page.getByTestId("dashboard-overview").getByRole("link", { name: /Limit drop on Oct 15, 2026/ }).click();
  await expect(page).toHaveURL(new RegExp(`/drops/${INCOME_DROP}$`));
  await expect(page.getByTestId("drop-headline")).toContainText("Your limit fell from ¥12,000 to ¥9,000");
  await expect(page.getByTestId("drop-headline")).toContainText("Main reason:");
  const reasons = page.getByTestId("reason-list");
  await expect(reasons).toContainText("Income went down");
  await expect(reasons).toContainText("confidence");
  await expectAccessible(page);
  await shoot(page, "drop");

  // The step's button opens the profile form; saving writes a profile event and re-explains.
  const step = page.locator('[data-step="UPDATE_INCOME"]');
  await step.getByRole("link", { name: "Update income" }).click();
  await expect(page).toHaveURL(/\/profile\?drop=/);
  await expectAccessible(page);
  await page.getByLabel("Monthly income (¥)").fill("18000");
  await page.getByLabel("True since").fill("2026-10-14");
  await page.getByRole("button", { name: "Save and explain again" }).click();
  await expect(page).toHaveURL(new RegExp(`/drops/${INCOME_DROP}\\?updated=1`));
  await expect(page.getByTestId("explanation-changed")).toContainText("No longer a reason: Income went down");
  await expect(page.getByTestId("reason-list")).not.toContainText("Income went down");

  // Done with a date: progress and the next check date follow.
  const remaining = page.locator("[data-step]").first();
  await remaining.getByRole("button", { name: "Mark done" }).click();
  await expect(remaining.getByRole("button", { name: "Undo" })).toBeVisible();
  await expect(page.getByTestId("next-check")).toContainText("Next check of your limit");
});

test("unknown drop dates are 404", async ({ page }) => {
  await startDemo(page);
  await expectDashboard(page);
  const res = await page.goto("/drops/2026-10-16");
  expect(res?.status()).toBe(404);
});

test("the appeal letter in Chinese and English, saved and filed", async ({ page }) => {
  await startDemo(page);
  await expectDashboard(page);
  await page.goto(`/drops/${INCOME_DROP}/appeal?lang=en`);
  const body = page.getByTestId("appeal-body");
  await expect(body).toHaveValue(/Dear Alipay Jiebei Customer Service/);
  await expect(body).toHaveValue(/from ¥12,000 to ¥9,000/);
  await expectAccessible(page);
  await shoot(page, "appeal-en");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download .txt" }).click();
  expect((await download).suggestedFilename()).toBe(`appeal-${INCOME_DROP}-en.txt`);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await page.getByLabel("Filed with").fill("Alipay customer service 95188");
  await page.getByRole("button", { name: "Save filing" }).click();
  await expect(page.getByText("Filing saved.")).toBeVisible();

  await page.getByRole("link", { name: "中文" }).click();
  await expect(page.getByTestId("appeal-body")).toHaveValue(/尊敬的支付宝借呗客服/);
  await expect(page.getByTestId("appeal-body")).toHaveValue(/从¥12,000降至¥9,000/);
  await shoot(page, "appeal-zh");
});

test("recovery page lists every drop's steps", async ({ page }) => {
  await startDemo(page);
  await expectDashboard(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Recovery" }).click();
  await expect(page.getByTestId("recovery-checklist")).toHaveCount(5);
  await expectAccessible(page);
  await shoot(page, "recovery");
});
