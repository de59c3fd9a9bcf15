import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("hashes with argon2id at OWASP's parameters and verifies", async () => {
    const stored = await hashPassword("demo-borrower-2025");
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, "demo-borrower-2025")).toBe(true);
    expect(await verifyPassword(stored, "demo-borrower-2026")).toBe(false);
  });

  it("salts: the same password hashes differently each time", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("refuses a malformed stored hash without throwing", async () => {
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
  });
});
