import { describe, expect, it } from "vitest";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { mappingFrom, readFileBody } from "./http";

const req = (headers: Record<string, string>, body?: BodyInit) => new Request("http://app.test/api/app/import/preview", { method: "POST", headers, body });

describe("import route plumbing", () => {
  it.each([
    [{ origin: "http://app.test", host: "app.test" }, true],
    [{ origin: "https://evil.example", host: "app.test" }, false],
    [{ host: "app.test" }, false],
    [{ origin: "null", host: "app.test" }, false],
  ])("same-origin check %o → allowed %s", (headers, allowed) => {
    const run = () => assertSameOrigin(req(headers));
    if (allowed) expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ code: "forbidden" }));
  });

  it("refuses a body over the limit while streaming, even without a Content-Length", async () => {
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 4; i++) c.enqueue(new Uint8Array(400));
        c.close();
      },
    });
    const r = new Request("http://app.test/", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    await expect(readFileBody(r, 1000)).rejects.toMatchObject({ code: "payload_too_large" });
    await expect(readFileBody(req({ "content-length": "2000" }, "x".repeat(2000)), 1000)).rejects.toMatchObject({ code: "payload_too_large" });
    expect(await readFileBody(req({}, "abc"), 1000)).toEqual(new TextEncoder().encode("abc"));
  });

  it("validates the mapping header with the csvMapping schema", () => {
    expect(mappingFrom(req({}))).toBeUndefined();
    expect(() => mappingFrom(req({ "x-import-mapping": "%7Bnot" }))).toThrow(expect.objectContaining({ code: "bad_request" }));
    expect(() => mappingFrom(req({ "x-import-mapping": encodeURIComponent(JSON.stringify({ columns: {} })) }))).toThrow(
      expect.objectContaining({ code: "validation_failed" }),
    );
    const ok = { columns: { date: "日期", amount: "金额" }, fixedType: "repayment" };
    expect(mappingFrom(req({ "x-import-mapping": encodeURIComponent(JSON.stringify(ok)) }))).toEqual(ok);
  });
});

describe("password and language of an import request", () => {
  it("reads the zip password from its header and the page language from the locale cookie", async () => {
    const { langFrom, passwordFrom } = await import("./http");
    expect(passwordFrom(req({ "x-import-password": encodeURIComponent("12 34/56") }))).toBe("12 34/56");
    expect(passwordFrom(req({}))).toBeUndefined();
    expect(langFrom(req({ cookie: "a=1; NEXT_LOCALE=zh-CN" }))).toBe("zh");
    expect(langFrom(req({ cookie: "NEXT_LOCALE=en", "accept-language": "zh-CN" }))).toBe("en");
    expect(langFrom(req({ "accept-language": "zh-TW,zh;q=0.9" }))).toBe("zh");
    expect(langFrom(req({}))).toBe("en");
  });
});
