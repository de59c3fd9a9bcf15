import { describe, expect, test } from "vitest";
import { resolveLocale } from "./config";

describe("resolveLocale", () => {
  test.each([
    ["cookie wins over the header", "en", "zh-CN,zh;q=0.9", "en"],
    ["cookie zh-CN", "zh-CN", "en-US", "zh-CN"],
    ["unknown cookie falls through to the header", "fr", "zh-TW", "zh-CN"],
    ["any zh is Simplified Chinese", undefined, "zh-HK,en;q=0.5", "zh-CN"],
    ["bare zh", undefined, "zh", "zh-CN"],
    ["English", undefined, "en-GB,en;q=0.9", "en"],
    ["q-values decide, not order", undefined, "en;q=0.4,zh-CN;q=0.8", "zh-CN"],
    ["q=0 means not acceptable", undefined, "zh;q=0,en;q=0.5", "en"],
    ["skips languages we do not speak", undefined, "fr-FR,de;q=0.9,zh;q=0.1", "zh-CN"],
    ["nothing usable falls back to English", undefined, "fr-FR,de", "en"],
    ["no header", undefined, null, "en"],
    ["garbage", undefined, ";;,,q=abc", "en"],
  ] as const)("%s", (_name, cookie, header, expected) => {
    expect(resolveLocale(cookie, header)).toBe(expected);
  });
});
