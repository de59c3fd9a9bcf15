import { describe, expect, it } from "vitest";
import { cursorOf, parseEventsQuery } from "./query";

describe("the /data query string", () => {
  it("keeps a well-formed cursor", () => {
    expect(cursorOf(parseEventsQuery({ after: "2025-01-31~cm5abc" }))).toEqual({ day: "2025-01-31", id: "cm5abc", dir: "after" });
  });

  it.each(["2025-13-45~abc", "2025-02-30~abc", "0000-00-00~abc", "9999-99-99~x", "2025-01-31~", "2025-01-31~a b", "x".repeat(200)])(
    "drops the malformed cursor %s (it never reaches the database)",
    (bad) => {
      expect(cursorOf(parseEventsQuery({ after: bad }))).toBeNull();
      expect(cursorOf(parseEventsQuery({ before: bad, type: "limit" }))).toBeNull();
      expect(parseEventsQuery({ before: bad, type: "limit" }).type).toBe("limit");
    },
  );
});
