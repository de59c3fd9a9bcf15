import { expect, test } from "@playwright/test";
import { expectDashboard, signIn, signUp, uniqueEmail } from "./helpers";

test("signing out ends the session on the server: a copy of the cookie taken before reads nothing and is not refreshed", async ({ page, browser, baseURL }) => {
  const email = uniqueEmail("signout");
  await signUp(page, { email, password: "a-calm-password-42" });
  await expectDashboard(page);
  const copied = await page.context().cookies();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);

  const thief = await browser.newContext({ baseURL });
  await thief.addCookies(copied);
  const exported = await thief.request.get("/api/app/export/json");
  expect(exported.status()).toBe(401);
  const session = await thief.request.get("/api/auth/session");
  expect(await session.json()).toEqual({});
  expect(session.headers()["set-cookie"] ?? "").not.toMatch(/session-token=[^;]{20,}/);
  const stolen = await thief.newPage();
  await stolen.goto("/settings/tokens");
  await expect(stolen).toHaveURL(/\/sign-in/);
  await thief.close();
});

test("a malformed callback URL, in the query or a planted cookie, does not stop anyone signing in", async ({ page, request }) => {
  for (const path of ["/api/auth/signin?callbackUrl=http%3A%2F%2F%5B", "/api/auth/session?callbackUrl=%E0%A4%A", "/api/auth/csrf"]) {
    const res = await request.get(path, { headers: { cookie: "next-auth.callback-url=http%3A%2F%2F%5B" }, maxRedirects: 0 });
    expect(res.status(), path).toBeLessThan(500);
  }
  const email = uniqueEmail("callback");
  await signUp(page, { email, password: "a-calm-password-42" });
  await expectDashboard(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.context().addCookies([{ name: "next-auth.callback-url", value: "http://[", url: page.url() }]);
  await signIn(page, email, "a-calm-password-42");
  await expectDashboard(page);
});
