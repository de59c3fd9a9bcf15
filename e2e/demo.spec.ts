import { expect, test } from "@playwright/test";
import { DEMO, expectDashboard, signIn } from "./helpers";

test("the landing page names the demo account, and its dashboard lists the drops", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("demo-credentials")).toContainText(DEMO.email);
  await expect(page.getByTestId("demo-credentials")).toContainText(DEMO.password);

  await signIn(page, DEMO.email, DEMO.password);
  await expectDashboard(page);
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
