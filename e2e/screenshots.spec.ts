import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser } from "@playwright/test";
import { mockPageHtml, type MockPage } from "../lib/screenshots/testing/mock-pages";
import { expectDashboard, signUp, uniqueEmail } from "./helpers";

/** A phone screenshot of a mock page, rendered now by this test's Chromium (390 px at 2x). */
async function shot(browser: Browser, page: MockPage, type: "png" | "jpeg" = "png"): Promise<Buffer> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  try {
    const tab = await ctx.newPage();
    await tab.setContent(mockPageHtml(page));
    return await tab.screenshot({ type });
  } finally {
    await ctx.close();
  }
}

test("three screenshots: preview, one value corrected, confirm, and the drop with its explanation on the dashboard", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const files = [
    { name: "jiebei-before.png", mimeType: "image/png", buffer: await shot(browser, { kind: "jiebei", limit: "30,000.00", available: "30,000.00", dateLine: "额度更新于2026年09月03日" }) },
    { name: "jiebei-after.jpg", mimeType: "image/jpeg", buffer: await shot(browser, { kind: "jiebei", theme: "dark", limit: "12,000.00", available: "12,000.00", dateLine: "2026.10.18" }, "jpeg") },
    { name: "yuebao.png", mimeType: "image/png", buffer: await shot(browser, { kind: "yuebao" }) },
  ];

  await signUp(page, { email: uniqueEmail("screens"), password: "a-calm-password-42" });
  await expectDashboard(page);
  await page.getByRole("link", { name: "Read limits from screenshots" }).click();
  await expect(page).toHaveURL(/\/data\/screenshots$/);
  await expect(page.getByTestId("screenshot-privacy")).toContainText("neither the images nor their text are stored or logged");

  await page.locator("#screenshot-files").setInputFiles(files);
  const cards = page.getByTestId("screenshot-card");
  await expect(cards).toHaveCount(3);
  // OCR takes seconds a screenshot on a busy machine.
  await expect(cards.nth(0)).toHaveAttribute("data-status", "read", { timeout: 90_000 });
  await expect(cards.nth(1)).toHaveAttribute("data-status", "read", { timeout: 90_000 });
  await expect(cards.nth(2)).toHaveAttribute("data-status", "refused", { timeout: 90_000 });

  const before = cards.nth(0);
  await expect(before.getByRole("img", { name: "Screenshot jiebei-before.png" })).toBeVisible();
  await expect(before.getByLabel("Product")).toHaveValue("Jiebei");
  await expect(before.getByLabel("Value").nth(1)).toHaveValue("30000");
  await expect(before.getByLabel("Date").nth(1)).toHaveValue("2026-09-03");
  await expect(before).toContainText("date printed on the page");
  await expect(before).toContainText("Shown only: the total limit is saved");
  await before.getByText(/Text read from the image/).click();
  await expect(before).toContainText("总额度 30,000.00");

  await expect(cards.nth(2)).toContainText("This is a savings page");
  await expect(cards.nth(2).getByTestId("draft")).toHaveCount(0);

  // The borrower corrects the after-cut limit (as if the engine had misread it).
  const after = cards.nth(1);
  await expect(after.getByLabel("Value").nth(1)).toHaveValue("12000");
  await after.getByLabel("Value").nth(1).fill("10,000");
  await expect(after.getByLabel("Date").nth(1)).toHaveValue("2026-10-18");

  await page.getByRole("button", { name: "Save 2 values" }).click();
  await expect(page.getByText("Saved: 2 new and 0 already known.")).toBeVisible();
  await page.getByRole("link", { name: "See the dashboard" }).click();
  await expectDashboard(page);

  const drop = page.getByTestId("drop").first();
  await expect(drop).toContainText("¥30,000 → ¥10,000");
  await expect(drop).toContainText("−¥20,000 (67%)");
  await expect(drop.locator("li").first()).toBeVisible();

  // The same screenshots again add nothing.
  await page.goto("/data/screenshots");
  await page.locator("#screenshot-files").setInputFiles(files.slice(0, 1));
  await expect(page.getByTestId("screenshot-card").first()).toHaveAttribute("data-status", "read", { timeout: 90_000 });
  await page.getByRole("button", { name: "Save 1 value" }).click();
  await expect(page.getByText("Saved: 0 new and 1 already known.")).toBeVisible();

  // The activity log says what happened, and nothing of the images.
  await page.goto("/settings/activity");
  await expect(page.getByText("3 screenshots read, 2 observations saved")).toBeVisible();
});

test("at phone width in Chinese: a HEIC file is refused with how to send a JPEG; no serious accessibility violation", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await signUp(page, { email: uniqueEmail("screens-zh"), password: "a-calm-password-42" });
  await expectDashboard(page);
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: page.url() }]);
  await page.goto("/data/screenshots");
  const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypheic"), Buffer.alloc(32)]);
  const sesame = await shot(browser, { kind: "sesame", score: 712, dateLine: "评估时间 2026.10.18" });
  await page.locator("#screenshot-files").setInputFiles([
    { name: "IMG_0001.HEIC", mimeType: "image/heic", buffer: heic },
    { name: "sesame.png", mimeType: "image/png", buffer: sesame },
  ]);
  const cards = page.getByTestId("screenshot-card");
  await expect(cards.nth(0)).toHaveAttribute("data-status", "refused");
  await expect(cards.nth(0)).toContainText("JPEG");
  await expect(cards.nth(1)).toHaveAttribute("data-status", "read", { timeout: 90_000 });
  await expect(cards.nth(1).getByRole("textbox", { name: "数值", exact: true })).toHaveValue("712");
  await page.screenshot({ path: "test-results/screenshots-zh-390.png", fullPage: true });
  const serious = async () => (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
  expect(await serious()).toEqual([]);
  // Dark mode, too.
  await page.emulateMedia({ colorScheme: "dark" });
  await cards.nth(1).getByText(/从图片中读到的文字/).click();
  await page.screenshot({ path: "test-results/screenshots-zh-390-dark.png", fullPage: true });
  expect(await serious()).toEqual([]);
});
