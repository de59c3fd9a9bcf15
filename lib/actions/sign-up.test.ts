import "./testing/mock-next";
import { randomUUID } from "node:crypto";
import { beforeEach, expect, it, vi } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { CONSENT_PURPOSE } from "@/lib/auth/validation";
import { describeDatabases } from "@/lib/db/test-db";
import { as } from "./testing/harness";

vi.mock("next-intl/server", () => ({ getLocale: async () => "zh-CN" }));

const { signUpAction } = await import("./sign-up");

describeDatabases("sign-up action", (ctx) => {
  beforeEach(() => {
    as.db = ctx().prisma;
    as.user = null;
  });
  const email = () => `${randomUUID()}@example.com`;

  it("creates the account with a hashed password, the consent and the visitor's language", async () => {
    const address = email();
    expect(await signUpAction({ email: ` ${address.toUpperCase()} `, password: "a long enough passphrase", name: "Lin", consent: true })).toEqual({ ok: true, data: null });
    const user = await ctx().prisma.user.findUniqueOrThrow({ where: { email: address } });
    expect(user).toMatchObject({ name: "Lin", locale: "zh-CN", consentPurpose: CONSENT_PURPOSE });
    expect(await verifyPassword(user.passwordHash, "a long enough passphrase")).toBe(true);
  });

  it("answers a taken e-mail exactly as a fresh one (sign-up must not reveal who has an account), changing nothing", async () => {
    const taken = await ctx().prisma.user.create({ data: { email: email(), passwordHash: "x" } });
    expect(await signUpAction({ email: taken.email, password: "a long enough passphrase", consent: true })).toEqual({ ok: true, data: null });
    expect(await ctx().prisma.user.findUniqueOrThrow({ where: { id: taken.id } })).toEqual(taken);
  });

  it("answers field errors for a common or short password and missing consent, creating nothing", async () => {
    const users = await ctx().prisma.user.count();
    expect(await signUpAction({ email: email(), password: "password1", consent: true })).toEqual({ ok: false, code: "invalid", fieldErrors: { password: "passwordTooCommon" } });
    expect(await signUpAction({ email: "not-an-email", password: "short", consent: false })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { email: "emailInvalid", password: "passwordTooShort", consent: "consentRequired" },
    });
    expect(await ctx().prisma.user.count()).toBe(users);
  });
});
