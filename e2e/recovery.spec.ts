import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { INCOME, RECOVERY_DROPS, recoveryHistory } from "./fixtures/recovery-history";
import { uniqueEmail } from "./helpers";

/*
 * Recovery as a Chinese borrower on a phone: the current drop first with at most three steps to do
 * first, earlier drops collapsed with why their steps no longer apply, no appeal for a temporary
 * drop, and an appeal letter true to the drop's date that is copied for Alipay's customer service.
 * The borrower signs up in Chinese and imports a history built by the fixture.
 */

test.use({ locale: "zh-CN", viewport: { width: 390, height: 844 } });
test.describe.configure({ mode: "serial" });

const PASSWORD = "a-calm-password-42";
const email = uniqueEmail("recovery");

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Latin words in the page's main content, beyond brand names and file formats (the letter itself aside). */
async function latinWords(page: Page): Promise<string[]> {
  // innerText of the live page: only what is rendered (no print-only copy, no style text).
  const text = await page.locator("main").evaluate((main: HTMLElement) => {
    const skipped = [...main.querySelectorAll<HTMLElement>("[lang=en], textarea, [data-testid=appeal-channel]")];
    skipped.forEach((n) => (n.style.display = "none"));
    const out = main.innerText;
    skipped.forEach((n) => (n.style.display = ""));
    return out;
  });
  const allowed = new Set(["Jiebei", "Alipay", "WeChat", "JSON", "CSV", "API", "ID"]);
  return (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !allowed.has(w));
}

async function signUpInChinese(page: Page) {
  await page.goto("/sign-up");
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("checkbox").check();
  await page.getByRole("main").getByRole("button", { name: "注册" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

async function signIn(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("main").getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

test("a new borrower imports a history with four drops", async ({ page }) => {
  await signUpInChinese(page);
  // Profile sits in the navigation.
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "个人资料" })).toBeVisible();
  await page.goto("/data/import");
  await page.locator("#import-file").setInputFiles({ name: "history.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(recoveryHistory())) });
  await page.getByTestId("import-confirm").click();
  await expect(page.getByTestId("import-done")).toBeVisible();
});

test("the current drop comes first with three steps to do first; earlier drops are collapsed and say why", async ({ page }) => {
  await signIn(page);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "恢复" }).click();
  await expect(page).toHaveURL(/\/recovery$/);

  const current = page.getByTestId("current-drop");
  await expect(current).toContainText("当前这次降额");
  await expect(current).toContainText("2025年3月30日");
  const steps = current.locator("[data-step]");
  expect(await steps.count()).toBeGreaterThan(3);
  await expect(current.locator("[data-first]")).toHaveCount(3);
  await expect(current.getByText("优先处理", { exact: true })).toHaveCount(3);
  await expect(current.getByTestId("first-lead")).toHaveText("先做标有“优先处理”的3步，其余的可以稍后再做。");
  // The current drop's on-time record still grounds an appeal.
  await expect(current.locator('[data-step="FILE_APPEAL"]')).toHaveCount(1);

  const history = page.getByTestId("recovery-history");
  await expect(history.locator("summary")).toHaveText("过往降额（3次）");
  await expect(history.getByTestId("recovery-checklist").first()).toBeHidden();
  expect(await latinWords(page)).toEqual([]);
  await expectAccessible(page);
  await page.screenshot({ path: "e2e/screenshots/recovery-zh-phone.png", fullPage: true });

  await history.locator("summary").click();
  const drop = (date: string) => history.locator(`section[aria-labelledby="steps-${date}"]`);
  await expect(drop(RECOVERY_DROPS.superseded)).toHaveAttribute("data-status", "superseded");
  await expect(drop(RECOVERY_DROPS.superseded)).toContainText("已被2025年3月30日的降额取代");
  await expect(drop(RECOVERY_DROPS.superseded).getByTestId("step-note").first()).toHaveText("已无需单独处理：2025年3月30日的降额取代了这一次。");
  await expect(drop(RECOVERY_DROPS.restored)).toContainText("额度已于2025年1月7日恢复。");
  // The temporary dip came back by itself: its steps carry no appeal, and nothing is worked on.
  await expect(drop(RECOVERY_DROPS.temporary)).toContainText("额度已于2024年11月8日恢复。");
  await expect(drop(RECOVERY_DROPS.temporary).locator('[data-step="WAIT_AND_RECHECK"]')).toHaveCount(1);
  await expect(drop(RECOVERY_DROPS.temporary).locator('[data-step="FILE_APPEAL"]')).toHaveCount(0);
  await expect(history.getByRole("button", { name: "标记完成" })).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: "e2e/screenshots/recovery-zh-phone-history.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await page.screenshot({ path: "e2e/screenshots/recovery-zh-phone-dark.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });

  // Nor does the temporary drop's own page offer a letter.
  await page.goto(`/drops/${RECOVERY_DROPS.temporary}`);
  await expect(page.getByTestId("drop-headline")).toBeVisible();
  await expect(page.getByRole("link", { name: "撰写申诉信" })).toHaveCount(0);
});

test("the appeal letter states the facts at the drop, what changed since, and is copied for Alipay's customer service", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await signIn(page);
  await page.goto("/recovery");
  await page.getByTestId("current-drop").locator('[data-step="FILE_APPEAL"]').getByRole("link", { name: "撰写申诉" }).click();
  await expect(page).toHaveURL(new RegExp(`/drops/${RECOVERY_DROPS.current}/appeal$`));

  const body = page.getByTestId("appeal-body");
  await expect(body).toHaveValue(/尊敬的支付宝借呗客服/);
  await expect(body).toHaveValue(new RegExp(`额度调整时，我的月收入为¥${INCOME.atDrop.toLocaleString("en")}`));
  await expect(body).toHaveValue(new RegExp(`此后，我的月收入已于2025年5月6日更新为¥${INCOME.since.toLocaleString("en")}。`));
  const channel = page.getByTestId("appeal-channel");
  await expect(channel.locator("ol li span:not([aria-hidden])")).toHaveText(["支付宝", "我的", "我的客服", "借呗", "转人工"]);
  await expect(channel).toContainText("95188");

  await page.getByTestId("copy-letter").click();
  await expect(page.getByRole("status").filter({ hasText: "已复制" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.startsWith("关于2025年3月30日支付宝借呗额度调整的复核申请\n\n尊敬的支付宝借呗客服：")).toBe(true);
  expect(copied).toContain(`更新为¥${INCOME.since.toLocaleString("en")}`);
  expect(await latinWords(page)).toEqual([]);
  await expectAccessible(page);
  await page.screenshot({ path: "e2e/screenshots/recovery-appeal-zh-phone.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await page.screenshot({ path: "e2e/screenshots/recovery-appeal-zh-phone-dark.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });

  // An English letter sends the borrower along the same path, in English.
  await page.getByRole("link", { name: "英文" }).click();
  await expect(body).toHaveValue(/My monthly income has since been updated to ¥16,000 on May 6, 2025\./);
  await expect(channel).toContainText("My Customer Service");
  await expect(channel).toContainText("Talk to an agent");
  await page.getByTestId("copy-letter").click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("When the change was made, my monthly income was ¥12,000");
  await page.screenshot({ path: "e2e/screenshots/recovery-appeal-en-phone.png", fullPage: true });
});

test("the profile's true-since date is asked for, not assumed", async ({ page }) => {
  await signIn(page);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "个人资料" }).click();
  await expect(page).toHaveURL(/\/profile$/);
  const since = page.getByLabel("从哪天起属实（必填）");
  await expect(since).toHaveValue("");
  await page.getByRole("button", { name: "保存并重新分析" }).click();
  await expect(page.getByText("请填写这些信息从哪天起属实。")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "e2e/screenshots/recovery-profile-zh-phone.png", fullPage: true });
  // Coming from a drop, the hint names the drop's day: the lender judged what was true before it.
  await page.goto(`/profile?drop=${RECOVERY_DROPS.current}`);
  await expect(page.getByText("您的额度在2025年3月30日下降。")).toBeVisible();
});
