import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { DashboardView } from "./dashboard-view";
import { cachedDashboard, type CacheStamp } from "./explanation-cache";

// Pages import these from here, beside the data they go with.
export { currentAssessment, todayInShanghai } from "@/lib/timeline/current-assessment";
export type { DashboardView, ObservationRow } from "./dashboard-view";

export type Dashboard = { view: DashboardView; stamp: CacheStamp };

/**
 * Everything the dashboard draws for the signed-in user (userId from requireUser()), from the
 * shared ExplanationCache: one query when the history has not changed. Request-cached so the
 * page's sections share one read.
 */
export const getDashboard = cache((userId: string): Promise<Dashboard> => cachedDashboard(db, userId));
