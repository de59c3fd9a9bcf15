import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { expectDashboard, signUp, startDemo, uniqueEmail } from "./helpers";

/**
 * The shell's own pages (landing, forms with their errors, an empty dashboard) in both languages,
 * the Chinese run in dark mode so both colour schemes meet contrast rules.
 */
async function expectNoSeriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

for (const locale of ["en-US", "zh-CN"] as const) {
  test.describe(`accessibility (${locale})`, () => {
    test.use({ locale, colorScheme: locale === "zh-CN" ? "dark" : "light" });

    test("landing, sign-in and sign-up with field errors", async ({ page }) => {
      await page.goto("/");
      await expectNoSeriousViolations(page);

      await page.goto("/sign-in");
      await page.locator("main form button[type=submit]").click();
      await expect(page.locator("[aria-invalid=true]").first()).toBeFocused();
      await expectNoSeriousViolations(page);

      await page.goto("/sign-up");
      await page.locator("main form button[type=submit]").click();
      await expect(page.locator("#consent-error")).toBeVisible();
      await expectNoSeriousViolations(page);
    });
  });
}

test("an empty dashboard", async ({ page }) => {
  await signUp(page, { email: uniqueEmail("a11y"), password: "a-calm-password-42" });
  await expectDashboard(page);
  await expect(page.getByTestId("empty-history")).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("the demo dashboard in Chinese and dark mode: the server-drawn chart, then the interactive one", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await startDemo(page);
  await expectDashboard(page);
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: page.url() }]);
  await page.goto("/dashboard?range=all");
  const chart = page.getByTestId("timeline");
  await expect(chart.locator("svg").first()).toBeVisible();
  await expect(chart.getByRole("link").first()).toBeVisible();
  await expectNoSeriousViolations(page);
  await chart.hover();
  await expect(chart.locator(".recharts-surface").first()).toBeVisible();
  await expectNoSeriousViolations(page);
});
