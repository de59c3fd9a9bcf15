import { describe, expect, test } from "vitest";
import { isCommonPassword } from "./password-policy";
import { newPasswordSchema } from "./validation";

describe("isCommonPassword", () => {
  test.each(["password", "12345678", "iloveyou", "qwertyuiop", "Password1", " PASSWORD1 ", "11111111"])("refuses %j", (p) => {
    expect(isCommonPassword(p)).toBe(true);
  });

  test.each(["demo-borrower-2025", "correct horse battery staple", "蓝色的借呗额度2025"])("accepts %j", (p) => {
    expect(isCommonPassword(p)).toBe(false);
  });
});

describe("newPasswordSchema: length only, no composition rules", () => {
  test.each([
    ["8 lowercase letters", "abcdwxyz", true],
    ["spaces and unicode count", "借呗 额度 恢复 计划", true],
    ["128 characters", "x".repeat(128), true],
    ["7 characters", "abcdefg", false],
    ["129 characters", "x".repeat(129), false],
  ])("%s", (_name, password, ok) => {
    expect(newPasswordSchema.safeParse(password).success).toBe(ok);
  });
});
