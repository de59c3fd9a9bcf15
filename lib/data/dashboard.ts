import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { DashboardView } from "./dashboard-view";
import { cachedDashboard, type CacheStamp } from "./explanation-cache";

// Pages import these from here, beside the data they go with.
export { currentAssessment, todayInShanghai } from "@/lib/timeline/current-assessment";
export type { DashboardView, ObservationRow } from "./dashboard-view";

/** `json` is the view serialized (the API sends it as is); `view()` parses it for a page. */
export type Dashboard = { json: string; stamp: CacheStamp; view: () => DashboardView };

/**
 * Everything the dashboard draws for the signed-in user (userId from requireUser()), from the
 * shared ExplanationCache: one query when the history has not changed. Request-cached so the
 * page's sections share one read.
 */
export const getDashboard = cache(async (userId: string): Promise<Dashboard> => {
  const { json, stamp } = await cachedDashboard(db, userId);
  return { json, stamp, view: () => JSON.parse(json) as DashboardView };
});
