import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectDashboard, signUp, uniqueEmail } from "./helpers";

// The synthetic GBK Alipay bill shared by the team (shared/spec/alipay-bill.md), beside the repo.
const BILL = path.resolve(import.meta.dirname, "../../shared/fixtures/alipay-bill-sample.csv");

test("a new borrower imports the Alipay bill: preview first, then the rows are in the table, and a re-import adds nothing", async ({ page }) => {
  await signUp(page, { email: uniqueEmail("import"), password: "a-calm-password-42" });
  await expectDashboard(page);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Data" }).click();
  await expect(page.getByTestId("event-count")).toHaveText("No events");
  await page.getByRole("link", { name: "Import a file" }).click();
  await expect(page).toHaveURL(/\/data\/import$/);

  await page.locator("#import-file").setInputFiles(BILL);
  const preview = page.getByTestId("import-preview");
  await expect(preview).toBeVisible();
  await expect(preview).toContainText("Read as: Alipay bill");
  // 9 rows: 2 draws, 2 repayments, 4 rows of activity on 4 days; one closed transaction skipped.
  await expect(page.getByTestId("preview-rows")).toHaveText("9");
  await expect(page.getByTestId("preview-recognised")).toHaveText("4");
  await expect(page.getByTestId("preview-merged")).toHaveText("4");
  await expect(page.getByTestId("preview-sum")).toHaveText("9 rows = 4 recognised + 4 merged into 4 activity days + 1 skipped.");
  await expect(page.getByTestId("preview-events")).toHaveText("8");
  await expect(page.getByTestId("preview-new")).toHaveText("8");
  await expect(page.getByTestId("preview-skipped")).toHaveText("1");
  await expect(page.getByTestId("preview-range")).toHaveText("2025-01-05 – 2025-03-02");
  await expect(preview).toContainText("交易状态 交易关闭");

  await page.getByTestId("import-confirm").click();
  await expect(page.getByTestId("import-done")).toHaveText("Imported 8 new, 0 updated, 0 already known.");

  await page.getByRole("link", { name: "See your data" }).click();
  await expect(page).toHaveURL(/\/data$/);
  await expect(page.getByTestId("event-count")).toHaveText("8 events");
  const rows = page.getByTestId("event-row");
  await expect(rows).toHaveCount(8);
  await expect(page.locator('[data-testid="event-row"][data-type="borrow"]')).toHaveCount(2);
  await expect(page.locator('[data-testid="event-row"][data-type="repayment"]').first()).toContainText("¥200");

  // The same file again: everything is already known, so there is nothing to import.
  await page.goto("/data/import");
  await page.locator("#import-file").setInputFiles(BILL);
  await expect(page.getByTestId("preview-known")).toHaveText("8");
  await expect(page.getByTestId("preview-new")).toHaveText("0");
  await expect(page.getByTestId("import-confirm")).toHaveCount(0);

  // Filtering by type narrows the table.
  await page.goto("/data?type=borrow");
  await expect(page.getByTestId("event-row")).toHaveCount(2);
});
