import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { DEFAULT_DELIVERY, REMINDER_KINDS, isReminderKind, type Delivery, type ReminderKind } from "@/lib/reminders/kinds";
import type { Reminder } from "@/lib/reminders/schedule";

/*
 * A borrower's notifications and their delivery settings. Every function is scoped by userId;
 * another user's notification id is "not found".
 */

export const LIST_LIMIT = 100;

export type NotificationRow = {
  id: string;
  kind: ReminderKind;
  day: string | null;
  data: Record<string, string | number>;
  href: string;
  readAt: Date | null;
  createdAt: Date;
};

const toDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const toDate = (day: string) => new Date(`${day}T00:00:00Z`);

type Stored = { id: string; kind: string; day: Date | null; data: unknown; href: string; readAt: Date | null; createdAt: Date };
function toRow(r: Stored): NotificationRow | null {
  if (!isReminderKind(r.kind)) return null;
  return { id: r.id, kind: r.kind, day: toDay(r.day), data: (r.data ?? {}) as NotificationRow["data"], href: r.href, readAt: r.readAt, createdAt: r.createdAt };
}

const rowSelect = { id: true, kind: true, day: true, data: true, href: true, readAt: true, createdAt: true } as const;

/** Newest first; only what the borrower wants in the app (inApp off: e-mail only, stored read). */
export async function listNotifications(db: PrismaClient, { userId, limit = LIST_LIMIT }: { userId: string; limit?: number }): Promise<NotificationRow[]> {
  const rows = await db.notification.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit, select: rowSelect });
  return rows.map(toRow).filter((r): r is NotificationRow => r !== null);
}

export function countUnread(db: PrismaClient, { userId }: { userId: string }): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

export async function markNotificationRead(db: PrismaClient, { userId, id }: { userId: string; id: string }): Promise<void> {
  const res = await db.notification.updateMany({ where: { id, userId }, data: { readAt: new Date() } });
  if (res.count === 0) {
    // Already read is fine; someone else's (or no such) id is not found.
    const own = await db.notification.count({ where: { id, userId } });
    if (!own) throw new AppError("not_found", "No such notification.");
  }
}

export async function markAllNotificationsRead(db: PrismaClient, { userId }: { userId: string }): Promise<number> {
  const res = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return res.count;
}

/** Every kind's delivery, defaults filled in. */
export async function deliverySettings(db: PrismaClient, { userId }: { userId: string }): Promise<Record<ReminderKind, Delivery>> {
  const rows = await db.notificationSetting.findMany({ where: { userId } });
  const out = Object.fromEntries(REMINDER_KINDS.map((k) => [k, { ...DEFAULT_DELIVERY }])) as Record<ReminderKind, Delivery>;
  for (const r of rows) if (isReminderKind(r.kind)) out[r.kind] = { inApp: r.inApp, email: r.email, digest: r.digest };
  return out;
}

export async function saveDeliverySettings(db: PrismaClient, { userId, settings }: { userId: string; settings: Partial<Record<ReminderKind, Delivery>> }): Promise<void> {
  await db.$transaction(
    Object.entries(settings).map(([kind, d]) =>
      db.notificationSetting.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, inApp: d!.inApp, email: d!.email, digest: d!.digest },
        update: { inApp: d!.inApp, email: d!.email, digest: d!.digest },
      }),
    ),
  );
}

/** Turns e-mail (immediate and digest) off for one kind, or for every kind: the unsubscribe link. */
export async function unsubscribeEmail(db: PrismaClient, { userId, kind }: { userId: string; kind: ReminderKind | "all" }): Promise<void> {
  const current = await deliverySettings(db, { userId });
  const kinds = kind === "all" ? REMINDER_KINDS : [kind];
  await saveDeliverySettings(db, { userId, settings: Object.fromEntries(kinds.map((k) => [k, { ...current[k], email: false, digest: false }])) });
}

export type NewNotification = Pick<Reminder, "kind" | "key" | "day" | "href" | "data">;

/**
 * Stores the reminders as notifications, once per (user, key): a key already stored is left
 * alone, so every run of the job and every instance may propose the same reminder. Kinds the
 * borrower turned off everywhere are not stored; e-mail-only ones are stored read. `mail` says
 * whether this server sends e-mail at all. Returns how many were new.
 */
export async function addNotifications(
  db: PrismaClient,
  { userId, items, mail, now = new Date() }: { userId: string; items: readonly NewNotification[]; mail: boolean; now?: Date },
): Promise<number> {
  if (items.length === 0) return 0;
  const settings = await deliverySettings(db, { userId });
  const data = items.flatMap((n) => {
    const d = settings[n.kind];
    const email = mail && d.email;
    if (!d.inApp && !email && !(mail && d.digest)) return [];
    return [
      {
        userId,
        kind: n.kind,
        dedupeKey: n.key.slice(0, 500),
        day: toDate(n.day),
        data: n.data,
        href: n.href,
        readAt: d.inApp ? null : now,
        emailStatus: email ? "pending" : null,
        emailNextAt: email ? now : null,
        createdAt: now,
      },
    ];
  });
  if (data.length === 0) return 0;
  const res = await db.notification.createMany({ data, skipDuplicates: true });
  return res.count;
}
