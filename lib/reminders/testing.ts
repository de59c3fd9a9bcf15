/** Fixtures for the reminder tests: generated borrowers, never real people's data. */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { importHistory } from "@/lib/data/history";
import type { HistoryEvent } from "@/lib/history/schema";

export async function borrowerWith(db: PrismaClient, events: HistoryEvent[], options: { locale?: string; email?: string } = {}) {
  const user = await db.user.create({ data: { email: options.email ?? `${randomUUID()}@example.com`, passwordHash: "x", locale: options.locale ?? "zh-CN" } });
  if (events.length) await importHistory(db, { userId: user.id, document: { format: "credit-health-history", version: 1, events } });
  return user;
}

/** A 3-instalment Jiebei draw on `day` with the first instalment repaid; the limit observed on the draw day. */
export function drawHistory(day: string, amount = 3000): HistoryEvent[] {
  return [
    { id: "l1", type: "limit", date: day, limit: 20000 },
    { id: "b1", type: "borrow", date: day, amount, loanId: "L-1", termMonths: 3 },
  ];
}
