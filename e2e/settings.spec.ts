import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectDashboard, signIn, signUp, uniqueEmail } from "./helpers";

const PASSWORD = "a-long-test-passphrase-1";
const NEW_PASSWORD = "another-long-passphrase-2";

/** A second browser (its own cookie jar) signed in as the same borrower: "the old session elsewhere". */
async function otherBrowser(browser: Browser, email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await signIn(page, email, password);
  await expectDashboard(page);
  return page;
}

async function newBorrower(page: Page): Promise<string> {
  const email = uniqueEmail("settings");
  await signUp(page, { email, password: PASSWORD });
  await expectDashboard(page);
  return email;
}

test("changing the password signs out the other browser and keeps this one signed in", async ({ page, browser }) => {
  const email = await newBorrower(page);
  const elsewhere = await otherBrowser(browser, email, PASSWORD);

  await page.goto("/settings/security");
  const form = page.getByTestId("change-password");
  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByLabel("New password").fill("password1");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("This password is on lists of common passwords")).toBeVisible();

  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByLabel("New password").fill(NEW_PASSWORD);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password has been changed.")).toBeVisible();

  await elsewhere.goto("/dashboard");
  await expect(elsewhere).toHaveURL(/\/sign-in/);
  await page.goto("/dashboard");
  await expectDashboard(page);

  // The old password no longer works, the new one does.
  await signIn(elsewhere, email, PASSWORD);
  await expect(elsewhere.getByText("The email or password is incorrect.")).toBeVisible();
  await signIn(elsewhere, email, NEW_PASSWORD);
  await expectDashboard(elsewhere);
  await elsewhere.context().close();
});

test("sign out everywhere ends the other browser's session only", async ({ page, browser }) => {
  const email = await newBorrower(page);
  const elsewhere = await otherBrowser(browser, email, PASSWORD);

  await page.goto("/settings/security");
  await page.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(page.getByText("All other sessions have ended.")).toBeVisible();

  await elsewhere.goto("/settings");
  await expect(elsewhere).toHaveURL(/\/sign-in/);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await elsewhere.context().close();
});

test("the activity log shows the sign-in and the password change", async ({ page }) => {
  await newBorrower(page);
  await page.goto("/settings");
  await page.getByRole("link", { name: /Activity log/ }).click();
  await expect(page).toHaveURL(/\/settings\/activity$/);
  const log = page.getByTestId("activity-log");
  await expect(log.getByRole("row").filter({ hasText: "Signed in" })).toHaveCount(1);
  await expect(log.locator("time").first()).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
});

test("deleting the account needs the password, erases it and signs out; signing in again fails", async ({ page }) => {
  const email = await newBorrower(page);
  await page.goto("/settings/privacy");
  await expect(page.getByTestId("consent-purpose")).toContainText("credit limit");
  await expect(page.getByRole("link", { name: "Download JSON" })).toHaveAttribute("href", "/api/app/export/json");

  const form = page.getByTestId("delete-account");
  await form.getByLabel("Your password").fill("not-the-password");
  await form.getByRole("button", { name: "Delete my account and all my data" }).click();
  await expect(form.getByText("The current password is incorrect.")).toBeVisible();

  await form.getByLabel("Your password").fill(PASSWORD);
  await form.getByRole("button", { name: "Delete my account and all my data" }).click();
  await expect(page).toHaveURL(/\/sign-in\?deleted=1$/);
  await expect(page.getByText("Your account and all its data have been deleted.")).toBeVisible();

  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, email, PASSWORD);
  await expect(page.getByText("The email or password is incorrect.")).toBeVisible();
});
