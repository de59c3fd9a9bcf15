import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/data/audit";
import { importHistory, readBorrower, type ImportCounts } from "@/lib/data/history";
import { AppError } from "@/lib/errors";
import { HISTORY_FORMAT } from "@/lib/history/schema";
import { screenshotEvents } from "@/lib/screenshots/to-events";
import type { SaveScreenshotsInput } from "@/lib/screenshots/validation";

export type ScreenshotSaveOutcome = ImportCounts & { observations: number; otherProduct: number };

/**
 * Saves the observations a borrower confirmed from their screenshots, in one transaction through
 * the history store (the same merge as every import: known ids unchanged), then the activity-log
 * row "N screenshots read, M observations saved". No image and no recognised text reach here.
 */
export async function saveScreenshotObservations(
  db: PrismaClient,
  options: { userId: string; input: SaveScreenshotsInput; ip?: string | null; now?: Date },
): Promise<ScreenshotSaveOutcome> {
  const borrower = await readBorrower(db, options.userId);
  const { events, otherProduct } = screenshotEvents(options.input.observations, borrower.product);
  const counts: ImportCounts = events.length
    ? await importHistory(db, { userId: options.userId, document: { format: HISTORY_FORMAT, version: 1, borrower, events }, now: options.now })
    : { added: 0, updated: 0, unchanged: 0 };
  await recordAudit(db, {
    userId: options.userId,
    action: "import.screenshot",
    ip: options.ip,
    detail: { screenshots: options.input.screenshots, observations: counts.added + counts.updated },
  });
  return { ...counts, observations: events.length, otherProduct };
}

/** The product the borrower's history follows (limits of other products are shown, not saved). */
export async function historyProduct(db: PrismaClient, userId: string): Promise<string> {
  const u = await db.user.findUnique({ where: { id: userId }, select: { product: true } });
  if (!u) throw new AppError("not_found", "No such user.");
  return u.product;
}
