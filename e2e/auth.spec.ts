import { expect, test } from "@playwright/test";
import { expectDashboard, signIn, signUp, uniqueEmail } from "./helpers";

test.describe("sign-up, sign-out, sign-in", () => {
  test("a new borrower signs up with consent, signs out and signs in again", async ({ page }) => {
    const email = uniqueEmail();
    const password = "a-calm-password-42";

    await signUp(page, { email, password, name: "Li Wei" });
    await expectDashboard(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Li Wei");
    await expect(page.getByTestId("empty-history")).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    // The session is gone: the dashboard sends the visitor to sign in.
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/sign-in$/);

    await signIn(page, email, password);
    await expectDashboard(page);
  });

  test("sign-up without consent is refused with a clear message", async ({ page }) => {
    await signUp(page, { email: uniqueEmail(), password: "a-calm-password-42", consent: false });
    await expect(page.getByText("Please give your consent to continue")).toBeVisible();
    await expect(page).toHaveURL(/\/sign-up$/);
  });

  test("sign-up does not reveal a registered e-mail: the answer is the same, and the page says to sign in", async ({ page, browser }) => {
    const email = uniqueEmail();
    await signUp(page, { email, password: "a-calm-password-42" });
    await expectDashboard(page);

    const other = await browser.newPage({ locale: "en-US" });
    await signUp(other, { email, password: "another-password-1" });
    await expect(other.getByTestId("sign-up-unconfirmed")).toContainText(`If ${email} is new here, your account is ready`);
    await expect(other.getByText("An account with this email already exists")).toHaveCount(0);
    await other.getByRole("link", { name: "Sign in" }).last().click();
    await expect(other).toHaveURL(/\/sign-in\?email=/);
    await other.close();
  });

  test("a wrong password and an unknown e-mail get the same generic error", async ({ page }) => {
    const email = uniqueEmail();
    await signUp(page, { email, password: "the-right-password" });
    await expectDashboard(page);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);

    await signIn(page, email, "the-wrong-password");
    await expect(page.getByText("The email or password is incorrect.")).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in$/);

    await signIn(page, uniqueEmail("nobody"), "the-wrong-password");
    await expect(page.getByText("The email or password is incorrect.")).toBeVisible();
  });

  test("a 10,000-character password gives a clear error, never a server error", async ({ page, request }) => {
    const huge = "x".repeat(10_000);
    await signUp(page, { email: uniqueEmail(), password: huge });
    await expect(page.getByText("The password must be at most 128 characters long.")).toBeVisible();

    await signIn(page, uniqueEmail(), huge);
    await expect(page.getByText("The password must be at most 128 characters long.")).toBeVisible();

    // Straight to next-auth, past the form: refused as a failed sign-in, not a 500.
    const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken: csrf.csrfToken, email: uniqueEmail(), password: huge, json: "true" },
      maxRedirects: 0,
    });
    expect(response.status()).toBeLessThan(500);
  });

  test("ten failed attempts on one account pause its sign-in, with a clear message", async ({ page, request }) => {
    const email = uniqueEmail("guessed");
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    for (let i = 0; i < 10; i++) {
      const response = await request.post("/api/auth/callback/credentials", {
        form: { csrfToken, email, password: `guess-number-${i}`, json: "true" },
        maxRedirects: 0,
      });
      expect(response.status()).toBeLessThan(500);
    }
    await signIn(page, email, "guess-number-10");
    await expect(page.getByText("Too many unsuccessful attempts.")).toBeVisible();
  });

  test("the signed-in area needs a session", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});
