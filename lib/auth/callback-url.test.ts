import { expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

const base = "http://localhost:3171";

it.each([
  ["/dashboard", "http://localhost:3171/dashboard"],
  ["/data?type=limit", "http://localhost:3171/data?type=limit"],
  ["http://localhost:3171/settings", "http://localhost:3171/settings"],
])("keeps the same-site destination %s", (value, expected) => {
  expect(safeCallbackUrl(value, base)).toBe(expected);
});

it.each(["http://[", "https://evil.example/dashboard", "//evil.example", "/\\evil.example", "javascript:alert(1)", "%%%", "/a\u0000b", "x".repeat(3000), "", null, undefined])(
  "drops the malformed or foreign value %s",
  (value) => {
    expect(safeCallbackUrl(value, base)).toBeNull();
  },
);
