import { describe, expect, test } from "vitest";
import { clientIpFrom, trustedProxyHops } from "./client-ip";

const h = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("clientIpFrom", () => {
  test("without TRUST_PROXY the header is ignored: a client could forge it", () => {
    expect(clientIpFrom(h("203.0.113.9"), {})).toBeNull();
    expect(clientIpFrom(h("203.0.113.9"), { TRUST_PROXY: "0" })).toBeNull();
    expect(clientIpFrom(h("203.0.113.9"), { TRUST_PROXY: "yes please" })).toBeNull();
  });

  test.each([
    ["one proxy: the address it appended, not the client's forged entries", "1", "6.6.6.6, 7.7.7.7, 198.51.100.4", "198.51.100.4"],
    ["one proxy, one entry", "1", "198.51.100.4", "198.51.100.4"],
    ["two proxies: the outer proxy's view", "2", "6.6.6.6, 198.51.100.4, 10.0.0.2", "198.51.100.4"],
    ["more hops than entries: the left-most", "3", "198.51.100.4, 10.0.0.2", "198.51.100.4"],
    ["IPv6", "1", "2001:db8::1", "2001:db8::1"],
    ["garbage is no address", "1", "<script>", null],
    ["empty header", "1", " , ", null],
  ])("%s", (_name, trust, xff, expected) => {
    expect(clientIpFrom(h(xff), { TRUST_PROXY: trust })).toBe(expected);
  });

  test("reads next-auth's plain header object too", () => {
    expect(clientIpFrom({ "x-forwarded-for": "198.51.100.4" }, { TRUST_PROXY: "1" })).toBe("198.51.100.4");
    expect(clientIpFrom(undefined, { TRUST_PROXY: "1" })).toBeNull();
  });

  test("TRUST_PROXY parsing", () => {
    expect(trustedProxyHops({ TRUST_PROXY: "true" })).toBe(1);
    expect(trustedProxyHops({ TRUST_PROXY: "2" })).toBe(2);
    expect(trustedProxyHops({ TRUST_PROXY: "-1" })).toBe(0);
  });
});
