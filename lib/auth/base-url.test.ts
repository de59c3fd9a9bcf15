import { expect, it } from "vitest";
import { baseUrlFrom, ensureBaseUrl } from "./base-url";

it("derives the base URL from PORT when NEXTAUTH_URL is unset (next-auth would say :3000)", () => {
  expect(baseUrlFrom({ PORT: "3456" })).toBe("http://localhost:3456");
  expect(baseUrlFrom({})).toBe("http://localhost:3000");
  expect(baseUrlFrom({ PORT: "not-a-port" })).toBe("http://localhost:3000");
  expect(baseUrlFrom({ PORT: "3456", NEXTAUTH_URL: "https://credit.example/" })).toBe("https://credit.example");
});

it("ensureBaseUrl fills NEXTAUTH_URL only when it is unset", () => {
  const env: Record<string, string | undefined> = { PORT: "3172" };
  expect(ensureBaseUrl(env)).toBe("http://localhost:3172");
  expect(env.NEXTAUTH_URL).toBe("http://localhost:3172");
  const configured: Record<string, string | undefined> = { PORT: "3172", NEXTAUTH_URL: "https://credit.example" };
  ensureBaseUrl(configured);
  expect(configured.NEXTAUTH_URL).toBe("https://credit.example");
});
