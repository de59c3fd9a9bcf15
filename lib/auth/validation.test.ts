import { describe, expect, test } from "vitest";
import { changeEmailSchema, changePasswordSchema, fieldErrorsOf, signInSchema, signUpSchema } from "./validation";

const valid = { email: " Borrower@Example.COM ", password: "12345678", name: "", consent: true };

describe("signUpSchema", () => {
  test("normalises the e-mail and drops an empty name", () => {
    const parsed = signUpSchema.parse(valid);
    expect(parsed).toEqual({ email: "borrower@example.com", password: "12345678", name: undefined, consent: true });
  });

  test.each([
    ["empty e-mail", { email: "" }, "email", "emailRequired"],
    ["malformed e-mail", { email: "not-an-email" }, "email", "emailInvalid"],
    ["empty password", { password: "" }, "password", "passwordRequired"],
    ["7 characters", { password: "1234567" }, "password", "passwordTooShort"],
    ["129 characters", { password: "x".repeat(129) }, "password", "passwordTooLong"],
    ["10,000 characters", { password: "x".repeat(10_000) }, "password", "passwordTooLong"],
    ["name too long", { name: "n".repeat(101) }, "name", "nameTooLong"],
    ["no consent", { consent: false }, "consent", "consentRequired"],
    ["consent missing", { consent: undefined }, "consent", "consentRequired"],
  ] as const)("%s", (_name, patch, field, key) => {
    const result = signUpSchema.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toMatchObject({ [field]: key });
  });

  test("128 characters is accepted", () => {
    expect(signUpSchema.safeParse({ ...valid, password: "x".repeat(128) }).success).toBe(true);
  });
});

describe("signInSchema", () => {
  test("a short password is not a validation error (it simply will not match)", () => {
    expect(signInSchema.safeParse({ email: "a@b.co", password: "1" }).success).toBe(true);
  });

  test("an oversized password is refused before any hashing", () => {
    const result = signInSchema.safeParse({ email: "a@b.co", password: "x".repeat(10_000) });
    expect(fieldErrorsOf(result.error!)).toEqual({ password: "passwordTooLong" });
  });

  test("non-string input is refused, not thrown", () => {
    expect(signInSchema.safeParse({ email: 42, password: ["x"] }).success).toBe(false);
  });
});

describe("changePasswordSchema", () => {
  test("the new password follows the sign-up rules", () => {
    const result = changePasswordSchema.safeParse({ currentPassword: "old", newPassword: "short" });
    expect(fieldErrorsOf(result.error!)).toEqual({ newPassword: "passwordTooShort" });
  });

  test("the current password is required but not judged by today's length rule", () => {
    expect(changePasswordSchema.safeParse({ currentPassword: "old", newPassword: "a-long-new-one" }).success).toBe(true);
    const result = changePasswordSchema.safeParse({ currentPassword: "", newPassword: "a-long-new-one" });
    expect(fieldErrorsOf(result.error!)).toEqual({ currentPassword: "currentPasswordRequired" });
  });

  test("the same password again is refused", () => {
    const result = changePasswordSchema.safeParse({ currentPassword: "same-password", newPassword: "same-password" });
    expect(fieldErrorsOf(result.error!)).toEqual({ newPassword: "passwordUnchanged" });
  });
});

describe("changeEmailSchema", () => {
  test("normalises the address and requires the password", () => {
    expect(changeEmailSchema.parse({ email: " New@Example.COM ", password: "x" })).toEqual({ email: "new@example.com", password: "x" });
    expect(fieldErrorsOf(changeEmailSchema.safeParse({ email: "new@example.com", password: "" }).error!)).toEqual({ password: "currentPasswordRequired" });
    expect(fieldErrorsOf(changeEmailSchema.safeParse({ email: "nope", password: "x" }).error!)).toEqual({ email: "emailInvalid" });
  });
});
