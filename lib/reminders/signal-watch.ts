import "server-only";
import type { Assessment } from "@/lib/core";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { cachedDashboard } from "@/lib/data/explanation-cache";
import type { DashboardView } from "@/lib/data/dashboard-view";
import { addNotifications } from "@/lib/data/notifications";
import { mailConfig } from "@/lib/mail/config";
import { todayInShanghai } from "@/lib/days";
import type { NewNotification } from "@/lib/data/notifications";

/*
 * "A new early-warning signal after an import or sync": the active signals today (the dashboard's
 * assessment) before and after the write; only a signal that was not active before alerts. The
 * "before" comes from the stored dashboard view (usually current: the borrower just looked at
 * it); the "after" computes the view the dashboard will show next anyway, and runs after the
 * response (Next's after()), so the import's answer never waits for it.
 */

type Snapshot = Set<string>;

async function activeSignals(db: PrismaClient, userId: string, now: Date): Promise<{ keys: Snapshot; assessment: Assessment | null }> {
  const { json } = await cachedDashboard(db, { userId, now });
  const view = JSON.parse(json) as DashboardView;
  return { keys: new Set((view.assessment?.active ?? []).map((s) => `${s.code}:${s.metric}`)), assessment: view.assessment };
}

/** The notifications for signals active after but not before. */
export function newSignalNotifications(before: Snapshot, after: Assessment | null, today: string): NewNotification[] {
  return (after?.active ?? [])
    .filter((s) => !before.has(`${s.code}:${s.metric}`))
    .map((s) => ({
      kind: "NEW_SIGNAL" as const,
      key: `signal:${s.code}:${s.metric}:${today}`,
      day: today,
      href: "/dashboard",
      data: { code: s.code, metric: s.metric, value: s.value, threshold: s.threshold },
    }));
}

export type Defer = (task: () => Promise<void>) => void;

/** Deferred checks until Next has taken them (after()) or, outside a request, until they end. */
const background = new Set<Promise<void>>();

/** After the response where Next can (after()), else in the background; a failure is logged, never thrown at the borrower. */
export const deferAfterResponse: Defer = (task) => {
  const run = () => task().catch((err: unknown) => console.error("new-signal alerts failed", err));
  const deferred = import("next/server")
    .then(({ after }) => after(run))
    .catch(run);
  background.add(deferred);
  void deferred.finally(() => background.delete(deferred));
};

/** Resolves once the checks running in the background have ended: whoever closes the database (a test) waits for them. */
export async function backgroundChecksSettled(): Promise<void> {
  while (background.size) await Promise.allSettled([...background]);
}

/**
 * Runs `write` (an import or sync) between two looks at the borrower's active signals, and
 * notifies the new ones. A failure to look before never blocks the write (no alert then).
 */
export async function withSignalWatch<T>(db: PrismaClient, userId: string, write: () => Promise<T>, options: { now?: Date; defer?: Defer } = {}): Promise<T> {
  const now = options.now ?? new Date();
  const before = await activeSignals(db, userId, now).catch(() => null);
  const result = await write();
  if (before) {
    (options.defer ?? deferAfterResponse)(async () => {
      const after = await activeSignals(db, userId, options.now ?? new Date());
      const items = newSignalNotifications(before.keys, after.assessment, todayInShanghai(options.now ?? new Date()));
      if (items.length) await addNotifications(db, { userId, items, mail: mailConfig() !== null, now: options.now ?? new Date() });
    });
  }
  return result;
}
