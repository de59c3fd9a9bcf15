/**
 * Two borrowers for the authorization tests: A with a drop, an appeal, a recovery step, an API
 * token and a remembered CSV mapping; B with a history of their own (no drops, other event ids).
 * `snapshotOf` reads every row A owns, so a test can prove an attempt by B changed none of them.
 */
import { randomUUID } from "node:crypto";
import { createApiToken } from "@/lib/data/api-tokens";
import { createCalendarToken } from "@/lib/data/calendar-tokens";
import { addNotifications, saveDeliverySettings } from "@/lib/data/notifications";
import { saveAppeal } from "@/lib/data/appeals";
import { importHistory } from "@/lib/data/history";
import { setStepStatus } from "@/lib/data/recovery";
import { sampleDocument } from "@/lib/api/v1/test-helpers";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { explain } from "@/lib/core";
import { inspectCsv } from "@/lib/history/csv-generic";
import { loadHistory } from "@/lib/data/history";

export const DROP_DATE = "2025-03-30";
/** A plain CSV whose header A has a saved column mapping for. */
export const MAPPED_CSV = "日期,金额\r\n2025-01-10,5000\r\n";
/** In A's events only: a response to B that contains it has leaked A's data. */
export const SECRET_OF_A = "SECRET_OF_A";

const publicUser = { id: true, email: true, name: true, locale: true, sessionVersion: true, isDemo: true, currency: true, product: true, scoreMin: true, scoreMax: true } as const;

export async function seedBorrowers(db: PrismaClient) {
  const mk = (tag: string) => db.user.create({ data: { email: `${tag}-${randomUUID()}@example.com`, passwordHash: "x", name: tag }, select: publicUser });
  const a = await mk("a");
  const b = await mk("b");

  // A: ids prefixed "a-", lenders marked SECRET_OF_A, and the 30,000 -> 12,000 drop of the sample borrower.
  const docA = sampleDocument();
  docA.events = docA.events.map((e) => ({ ...e, id: `a-${e.id}`, ...(e.type === "inquiry" ? { lender: `${SECRET_OF_A}-${e.lender}` } : {}) }));
  await importHistory(db, { userId: a.id, document: docA });
  // B: the same shape without the limit cut (so B has no drop), ids prefixed "b-".
  const docB = sampleDocument();
  docB.events = docB.events.filter((e) => e.id !== "l2").map((e) => ({ ...e, id: `b-${e.id}` }));
  await importHistory(db, { userId: b.id, document: docB });

  const drop = explain(await loadHistory(db, { userId: a.id })).drops.find((d) => d.date === DROP_DATE);
  if (!drop) throw new Error("fixture: A should have a drop on " + DROP_DATE);
  const stepCode = drop.steps[0]!.code;
  await setStepStatus(db, { userId: a.id, dropDate: DROP_DATE, stepCode: stepCode as never, status: "done", on: "2025-04-02" });
  const appealId = await saveAppeal(db, { userId: a.id, dropDate: DROP_DATE, language: "en", body: "A's appeal letter, long enough to be saved." });
  const tokenA = await createApiToken(db, { userId: a.id, name: "A's token" });
  const tokenB = await createApiToken(db, { userId: b.id, name: "B's token" });
  // A remembered a mapping for this header: B's file with the same header must not get it.
  const { headerHash } = inspectCsv(new TextEncoder().encode(MAPPED_CSV));
  await db.csvMapping.create({ data: { userId: a.id, headerHash, mapping: { columns: { date: "日期", amount: "金额" }, fixedType: "borrow" } } });
  const eventRow = await db.event.findFirstOrThrow({ where: { userId: a.id, eventId: "a-b1" }, select: { id: true } });
  // A's unread notification, delivery choice and live calendar link.
  await addNotifications(db, { userId: a.id, mail: false, items: [{ kind: "NEW_SIGNAL", key: "signal:a", day: DROP_DATE, href: "/dashboard", data: { code: "CREDIT_INQUIRIES", metric: "inquiries30d", value: 3, threshold: 3, note: SECRET_OF_A } }] });
  const notificationA = await db.notification.findFirstOrThrow({ where: { userId: a.id }, select: { id: true } });
  await saveDeliverySettings(db, { userId: a.id, settings: { NEW_SIGNAL: { inApp: true, email: true, digest: true } } });
  const calendarA = await createCalendarToken(db, { userId: a.id });

  return { a, b, stepCode, appealId, tokenA, tokenB, eventRowId: eventRow.id, notificationId: notificationA.id, calendarA };
}

export type Borrowers = Awaited<ReturnType<typeof seedBorrowers>>;

/** Every row A owns, in a stable order: any change by B's requests shows up as a diff. */
export async function snapshotOf(db: PrismaClient, userId: string) {
  const by = { where: { userId } };
  return {
    user: await db.user.findUniqueOrThrow({ where: { id: userId } }),
    events: await db.event.findMany({ ...by, orderBy: { id: "asc" } }),
    tokens: await db.apiToken.findMany({ ...by, orderBy: { id: "asc" } }),
    appeals: await db.appeal.findMany({ ...by, orderBy: { id: "asc" } }),
    steps: await db.recoveryStepStatus.findMany({ ...by, orderBy: { id: "asc" } }),
    mappings: await db.csvMapping.findMany({ ...by, orderBy: { id: "asc" } }),
    idempotency: await db.idempotencyRecord.findMany({ ...by, orderBy: { id: "asc" } }),
    audit: await db.auditLog.findMany({ ...by, orderBy: { id: "asc" } }),
    notifications: await db.notification.findMany({ ...by, orderBy: { id: "asc" } }),
    notificationSettings: await db.notificationSetting.findMany({ ...by, orderBy: { kind: "asc" } }),
    calendarTokens: await db.calendarToken.findMany({ ...by, orderBy: { id: "asc" } }),
  };
}

/** FormData from a plain object, as a browser's form post would arrive at a server action. */
export function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}
