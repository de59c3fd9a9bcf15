/**
 * Every signed-in page stays at most 300 KB of HTML for the largest history the API accepts
 * (100,000 events, hundreds of drops): pages paginate or summarise instead of rendering
 * everything (issue 14). A production build (`npm test` builds once and shares it through
 * TEST_NEXT_DIST_DIR) on embedded PGlite, signed in over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBenchServer, type BenchServer } from "@/scripts/bench/http-fixture";
import { PAGE_WEIGHT_GOAL_BYTES, weighPages, type PageWeight } from "@/scripts/bench/page-weight";

const DIST = process.env.TEST_NEXT_DIST_DIR?.trim() || ".next-multi";

describe("page weight for a 100,000-event history", () => {
  let bench: BenchServer;
  let pages: PageWeight[];

  beforeAll(async () => {
    bench = await startBenchServer({ years: 34, distDir: DIST, log: () => {} });
    pages = await weighPages(bench);
  }, 20 * 60_000);

  afterAll(async () => {
    await bench?.stop();
  });

  it("has hundreds of drops to render", async () => {
    const res = await fetch(`${bench.server.url}/api/v1/explanations`, { headers: { authorization: `Bearer ${bench.token}` } });
    const { drops } = (await res.json()) as { drops: unknown[] };
    expect(bench.events).toBeGreaterThanOrEqual(100_000);
    expect(drops.length).toBeGreaterThanOrEqual(200);
  });

  it("answers every page with 200 and at most 300 KB of HTML", () => {
    expect(pages.length).toBeGreaterThanOrEqual(12);
    for (const page of pages) {
      expect.soft(page.status, page.path).toBe(200);
      expect.soft(page.bytes, `${page.path}: ${(page.bytes / 1024).toFixed(1)} KB`).toBeLessThanOrEqual(PAGE_WEIGHT_GOAL_BYTES);
    }
  });
});
