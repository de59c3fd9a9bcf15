import "./testing/mock-next";
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { describeDatabases } from "@/lib/db/test-db";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { as, form, signInAs } from "./testing/harness";

const { setLocale } = await import("./locale");

describeDatabases("language action", (ctx) => {
  it("sets the cookie for anyone, and keeps the choice on a signed-in account", async () => {
    as.db = ctx().prisma;
    as.user = null;
    as.cookies.clear();
    expect(await setLocale(form({ locale: "en" }))).toEqual({ ok: true, data: null });
    expect(as.cookies.get(LOCALE_COOKIE)).toBe("en");

    const user = await ctx().prisma.user.create({ data: { email: `${randomUUID()}@example.com`, passwordHash: "x", locale: "en" } });
    await signInAs(ctx().prisma, user.id);
    expect(await setLocale(form({ locale: "zh-CN" }))).toMatchObject({ ok: true });
    expect(as.cookies.get(LOCALE_COOKIE)).toBe("zh-CN");
    expect((await ctx().prisma.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("zh-CN");
  });

  it("ignores a locale the app does not offer", async () => {
    as.cookies.clear();
    expect(await setLocale(form({ locale: "fr" }))).toMatchObject({ ok: false, code: "invalid" });
    expect(as.cookies.size).toBe(0);
  });
});
