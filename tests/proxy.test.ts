import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { SIGNED_IN_AREAS } from "@/proxy";

it("redirects signed-out visitors away from every signed-in section of app/(app)", () => {
  const sections = readdirSync(path.resolve(import.meta.dirname, "../app/(app)"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `/${d.name}`);
  expect(sections.length).toBeGreaterThan(5);
  expect([...SIGNED_IN_AREAS].sort()).toEqual(sections.sort());
});
