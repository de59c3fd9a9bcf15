import "server-only";
import type { Drop, StepCode } from "@/lib/core";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { StepState } from "@/lib/recovery/schedule";
import type { StepStatusInput } from "@/lib/recovery/validation";
import { dateToDay, dayToDate } from "@/lib/days";

/*
 * The borrower's progress on recovery steps, per drop. Every query is scoped by userId; the caller
 * (a server action) has checked that the drop and the step are the user's own.
 */

const toDay = (d: Date | null) => (d ? dateToDay(d) : null);

/** Statuses of every step of the given drops, keyed by drop date; steps without a row are `todo`. */
export async function listStepStates(db: PrismaClient, options: { userId: string; drops: readonly Drop[] }): Promise<Map<string, StepState[]>> {
  const rows = await db.recoveryStepStatus.findMany({
    where: { userId: options.userId, dropDate: { in: options.drops.map((d) => dayToDate(d.date)) } },
  });
  const byKey = new Map(rows.map((r) => [`${toDay(r.dropDate)}|${r.stepCode}`, r]));
  return new Map(
    options.drops.map((d) => [
      d.date,
      d.steps.map((s): StepState => {
        const row = byKey.get(`${d.date}|${s.code}`);
        const status = row?.status === "done" || row?.status === "skipped" ? row.status : "todo";
        return { code: s.code as StepCode, status, on: status === "todo" ? null : toDay(row?.doneAt ?? null) };
      }),
    ]),
  );
}

/**
 * The user's limit observations as the history holds them (date and limit only): all that the
 * recovery plan reads from the history (lib/recovery/priority.ts), so /recovery need not load
 * every event of a 100,000-event history on the request thread.
 */
export async function listLimitObservations(db: PrismaClient, options: { userId: string }): Promise<{ type: "limit"; date: string; limit: number }[]> {
  // One JSON text of [date, limit] pairs built by the database: thousands of rows (4,140 in a
  // 100,000-event history) would otherwise each be decoded with its whole payload here.
  const [row] = await db.$queryRawUnsafe<{ json: string }[]>(
    `SELECT coalesce(json_agg(json_build_array("payload"->'date', "payload"->'limit')), '[]')::text AS json
     FROM "Event" WHERE "userId" = $1 AND "type" = 'limit'`,
    options.userId,
  );
  const pairs = JSON.parse(row?.json ?? "[]") as [unknown, unknown][];
  return pairs.flatMap(([date, limit]) => (typeof date === "string" && typeof limit === "number" ? [{ type: "limit" as const, date, limit }] : []));
}

/** Records done/skipped with its date, or forgets the step (`todo`). */
export async function setStepStatus(db: PrismaClient, options: { userId: string } & StepStatusInput & { on: string }): Promise<void> {
  const key = { userId: options.userId, dropDate: dayToDate(options.dropDate), stepCode: options.stepCode };
  if (options.status === "todo") {
    await db.recoveryStepStatus.deleteMany({ where: key });
    return;
  }
  const data = { status: options.status, doneAt: dayToDate(options.on) };
  await db.recoveryStepStatus.upsert({
    where: { userId_dropDate_stepCode: key },
    create: { ...key, ...data },
    update: data,
  });
}
