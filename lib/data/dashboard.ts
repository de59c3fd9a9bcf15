import "server-only";
import { cache } from "react";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DashboardView } from "./dashboard-view";
import { cachedDashboard, type CacheStamp } from "./explanation-cache";


/** `json` is the view serialized (the API sends it as is); `view()` parses it for a page. */
export type Dashboard = { json: string; stamp: CacheStamp; view: () => DashboardView };

/**
 * Everything the dashboard draws for the signed-in user (userId from requireUser()), from the
 * shared ExplanationCache: one query when the history has not changed. Request-cached so the
 * page's sections share one read.
 */
export function getDashboard(db: PrismaClient, { userId }: { userId: string }): Promise<Dashboard> {
  return dashboardOf(db, userId);
}

// React's cache() compares arguments by identity: plain values, not an options object.
const dashboardOf = cache(async (db: PrismaClient, userId: string): Promise<Dashboard> => {
  const { json, stamp } = await cachedDashboard(db, { userId });
  return { json, stamp, view: () => JSON.parse(json) as DashboardView };
});
