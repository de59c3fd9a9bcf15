import { expect, test } from "@playwright/test";

test("the language switcher turns the UI into Chinese and back, and the choice sticks", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: "Create account" })).toBeVisible();

  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("额度降了？弄清原因，一步步恢复。");
  await expect(page.getByRole("button", { name: "中文" })).toHaveAttribute("aria-pressed", "true");

  // The cookie carries the choice to the next page.
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("登录");
  await expect(page.getByLabel("电子邮箱")).toBeVisible();

  await page.getByRole("button", { name: "EN" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
});

test.describe("a Chinese browser", () => {
  test.use({ locale: "zh-CN" });

  test("gets Chinese by default from Accept-Language", async ({ page }) => {
    await page.goto("/sign-up");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("注册账户");
  });
});
