import { expect, type Page } from "@playwright/test";

/** A fresh address per test, so runs never collide with each other or with the demo seed. */
export function uniqueEmail(prefix = "borrower"): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

export async function signUp(page: Page, options: { email: string; password: string; name?: string; consent?: boolean }) {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(options.email);
  await page.getByLabel("Password").fill(options.password);
  if (options.name) await page.getByLabel("Name").fill(options.name);
  if (options.consent ?? true) await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
}

/** "Try the demo" on the landing page: a fresh private demo borrower, signed in on this page's context. */
export async function startDemo(page: Page) {
  await page.goto("/");
  await page.getByRole("button", { name: "Try the demo" }).click();
  await expectDashboard(page);
}

export async function expectDashboard(page: Page) {
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
}
