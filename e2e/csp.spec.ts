import { expect, test, type Page } from "@playwright/test";
import { startDemo } from "./helpers";

/*
 * The page CSP uses a nonce per response and no 'unsafe-inline' for scripts: the app's own scripts
 * (Next's bootstrap, flight payloads, chunks) carry the nonce and run, so pages hydrate; a script
 * an attacker manages to inject inline has no nonce and is refused.
 */

declare global {
  interface Window {
    __violations?: string[];
    __injected?: boolean;
    __handler?: boolean;
  }
}

/** Records every CSP violation from the first byte of each page (init scripts are not subject to the CSP). */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations!.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

// zod probes once whether `new Function` is allowed (and falls back when not): that refused eval is the CSP working.
const violations = (page: Page) => page.evaluate(() => (window.__violations ?? []).filter((v) => !v.startsWith("script-src eval")));

test("the app's own pages hydrate under the nonce CSP without a single violation", async ({ page }) => {
  await recordViolations(page);
  const response = await page.goto("/sign-up");
  const csp = response!.headers()["content-security-policy"] ?? "";
  const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src"))!;
  expect(scriptSrc).toMatch(/'nonce-[^']+'/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(scriptSrc).not.toContain("unsafe-eval");
  // Hydrated: the form checks itself in the browser (without JavaScript it would submit and reload).
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Please give your consent to continue")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up$/);
  expect(await violations(page)).toEqual([]);

  await startDemo(page);
  await page.getByTestId("timeline").hover();
  await expect(page.getByTestId("timeline").locator(".recharts-surface").first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test("an injected inline script and an inline event handler are blocked", async ({ page }) => {
  await recordViolations(page);
  await page.goto("/");
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true";
    document.body.append(script);
    const box = document.createElement("div");
    box.innerHTML = `<img src="data:image/gif;base64,AAAA" onerror="window.__handler = true">`;
    document.body.append(box);
  });
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__injected)).toBeUndefined();
  expect(await page.evaluate(() => window.__handler)).toBeUndefined();
  const seen = await violations(page);
  expect(seen.some((v) => v.startsWith("script-src-elem inline"))).toBe(true);
  expect(seen.some((v) => v.startsWith("script-src-attr inline"))).toBe(true);
});
