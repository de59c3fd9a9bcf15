import { expect, test } from "@playwright/test";
import { startDemo } from "./helpers";

test("the landing page offers a private demo and shows no shared credentials; its dashboard lists the drops", async ({ page }) => {
  await page.goto("/");
  const main = page.getByRole("main");
  await expect(main.getByRole("button", { name: "Try the demo" })).toBeVisible();
  await expect(main).not.toContainText("@credit-health.local");
  await expect(main).not.toContainText("demo-borrower-2025");

  await startDemo(page);
  await expect(page.getByText("Demo borrower")).toBeVisible();
  const drops = page.getByTestId("drop");
  await expect(drops.first()).toBeVisible();
  expect(await drops.count()).toBeGreaterThan(0);
  // Each drop shows previous -> new limit in yuan and at least one reason.
  await expect(drops.first()).toContainText("→");
  await expect(drops.first()).toContainText("¥");
  await expect(drops.first().locator("[data-reason]").first()).toBeVisible();
  await expect(page.getByTestId("observations").locator("tbody tr").first()).toBeVisible();
});

test("each visitor gets a demo borrower of their own: what one does, the next never sees", async ({ page, browser }) => {
  await startDemo(page);
  await page.goto("/settings/account");
  const first = (await page.getByTestId("account-email").textContent())!.trim();
  expect(first).toMatch(/@demo\.credit-health\.local$/);

  const other = await browser.newContext();
  const visitor = await other.newPage();
  await startDemo(visitor);
  await visitor.goto("/settings/account");
  const second = (await visitor.getByTestId("account-email").textContent())!.trim();
  expect(second).toMatch(/@demo\.credit-health\.local$/);
  expect(second).not.toBe(first);
  await other.close();
});

test("the demo offer in Chinese on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: "http://localhost" }]);
  await page.goto("/");
  await expect(page.getByRole("button", { name: "体验演示" })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/demo-landing-zh-phone.png", fullPage: true });
  await page.getByRole("button", { name: "体验演示" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText("演示账户")).toBeVisible();
});
