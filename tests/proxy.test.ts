import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { config } from "@/proxy";

it("redirects signed-out visitors away from every signed-in section of app/(app)", () => {
  const sections = readdirSync(path.resolve(import.meta.dirname, "../app/(app)"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `/${d.name}/:path*`);
  expect(sections.length).toBeGreaterThan(5);
  expect([...config.matcher].sort()).toEqual(sections.sort());
});
