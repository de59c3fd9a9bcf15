import { describe, expect, test } from "vitest";
import { assertSameOrigin } from "./csrf";

const req = (headers: Record<string, string>) => new Request("http://app.test/api/app/import/commit", { method: "POST", headers });

describe("assertSameOrigin", () => {
  test.each([
    ["same Origin", { origin: "http://app.test", host: "app.test" }, {}, true],
    ["same Origin with a port", { origin: "http://localhost:3100", host: "localhost:3100" }, {}, true],
    ["Origin of another site", { origin: "https://evil.example", host: "app.test" }, {}, false],
    ["Origin on the same host but another port", { origin: "http://app.test:8080", host: "app.test" }, {}, false],
    ["Origin null (sandboxed frame)", { origin: "null", host: "app.test" }, {}, false],
    ["neither Origin nor Referer", { host: "app.test" }, {}, false],
    ["no Origin, same-site Referer", { referer: "http://app.test/data/import", host: "app.test" }, {}, true],
    ["no Origin, foreign Referer", { referer: "https://evil.example/page", host: "app.test" }, {}, false],
    ["a foreign Origin wins over a same-site Referer", { origin: "https://evil.example", referer: "http://app.test/", host: "app.test" }, {}, false],
    ["a non-http Origin", { origin: "file://app.test", host: "app.test" }, {}, false],
    ["NEXTAUTH_URL's host behind a proxy that rewrites Host", { origin: "https://credit.example", host: "10.0.0.5:3000" }, { NEXTAUTH_URL: "https://credit.example" }, true],
    ["X-Forwarded-Host is ignored without TRUST_PROXY", { origin: "https://evil.example", host: "app.test", "x-forwarded-host": "evil.example" }, {}, false],
    ["X-Forwarded-Host counts behind a trusted proxy", { origin: "https://credit.example", host: "10.0.0.5", "x-forwarded-host": "credit.example" }, { TRUST_PROXY: "1" }, true],
  ])("%s", (_name, headers, env, allowed) => {
    if (allowed) expect(() => assertSameOrigin(req(headers), env)).not.toThrow();
    else expect(() => assertSameOrigin(req(headers), env)).toThrow(expect.objectContaining({ code: "forbidden", status: 403 }));
  });
});
