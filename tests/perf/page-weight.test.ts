/**
 * Every signed-in page stays at most 300 KB of HTML for the largest history the API accepts
 * (issue 14): a borrower with a 34-year, ~100,000-event history and ~380 drops, and one with a
 * crafted history (a drop every four days, hundreds of evidence events a drop, 2,000-character
 * notes and notice texts; scripts/bench/crafted-history.ts). Pages paginate or summarise instead
 * of rendering everything. A production build (`npm test` builds once and shares it through
 * TEST_NEXT_DIST_DIR) on embedded PGlite, signed in over HTTP. The figures themselves are the
 * bench's (`npm run bench -- pages`); this test holds the bound.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BenchServer } from "@/scripts/bench/http-fixture";
import { PAGE_WEIGHT_GOAL_BYTES, startPageWeightServer, weighBothBorrowers, type PageWeight } from "@/scripts/bench/page-weight";

const DIST = process.env.TEST_NEXT_DIST_DIR?.trim() || ".next-multi";

describe("page weight for a 100,000-event history and a crafted one", () => {
  let bench: BenchServer;
  let pages: PageWeight[];

  beforeAll(async () => {
    bench = await startPageWeightServer({ distDir: DIST, log: () => {} });
    pages = await weighBothBorrowers(bench);
  }, 20 * 60_000);

  afterAll(async () => {
    await bench?.stop();
  });

  it("has hundreds of drops to render for both borrowers", async () => {
    expect(bench.events).toBeGreaterThanOrEqual(100_000);
    for (const who of [bench, bench.others[0]!]) {
      const res = await fetch(`${bench.server.url}/api/v1/explanations`, { headers: { authorization: `Bearer ${who.token}` } });
      const { drops } = (await res.json()) as { drops: unknown[] };
      expect(drops.length).toBeGreaterThanOrEqual(300);
    }
  });

  it("answers every page with 200 and at most 300 KB of HTML", () => {
    // Both borrowers' pages: fixed routes, every data filter, paged lists' later pages, drops, appeals, an event.
    expect(pages.length).toBeGreaterThanOrEqual(2 * 40);
    for (const page of pages) {
      const name = `${page.borrower}: ${page.path}`;
      expect.soft(page.status, name).toBe(200);
      expect.soft(page.bytes, `${name}: ${(page.bytes / 1024).toFixed(1)} KB`).toBeLessThanOrEqual(PAGE_WEIGHT_GOAL_BYTES);
    }
  });
});
