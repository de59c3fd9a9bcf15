import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";
import { isReminderKind, type ReminderKind } from "@/lib/reminders/kinds";
import { alertMail, digestMail, type Mail, type Recipient } from "./compose";
import type { MailConfig } from "./config";

/*
 * Sending, always from a job (lib/jobs), never on a request: a notification owed an e-mail is
 * stored with emailStatus "pending" (an outbox row in the same table), and the e-mail job sends
 * what is due. A claim moves the row's emailNextAt forward as a lease in one UPDATE … SKIP LOCKED,
 * so two instances never send the same row; a failed send is retried with backoff, and after
 * MAX_ATTEMPTS the row is "failed". A job with failures throws, so pg-boss retries it too.
 */

export const MAX_ATTEMPTS = 5;
const BACKOFF_MINUTES = [1, 5, 30, 120];
const LEASE_MS = 10 * 60_000;
const BATCH = 50;

const transports = new Map<string, Transporter>();
function transport(url: string): Transporter {
  let t = transports.get(url);
  if (!t) transports.set(url, (t = nodemailer.createTransport(url)));
  return t;
}

/** `timestamp(3)` columns hold UTC without a zone: pass them as such text, as lib/data/explanation-cache.ts does. */
const ts = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");

type Claimed = { id: string; userId: string; kind: string; day: Date | null; data: unknown; href: string; emailAttempts: number };

async function recipients(db: PrismaClient, userIds: string[]) {
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true, locale: true, currency: true } });
  return new Map(users.map((u) => [u.id, { email: u.email, to: { userId: u.id, locale: isLocale(u.locale) ? u.locale : DEFAULT_LOCALE, currency: u.currency } satisfies Recipient }]));
}

async function send(config: MailConfig, to: string, mail: Mail): Promise<void> {
  await transport(config.smtpUrl).sendMail({ from: config.from, to, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers });
}

const asNotification = (r: Claimed) => ({ kind: r.kind as ReminderKind, day: r.day ? r.day.toISOString().slice(0, 10) : null, data: (r.data ?? {}) as Record<string, string | number>, href: r.href });

/** Sends the immediate e-mails that are due. Returns the counts; throws after the batch if any failed. */
export async function sendPendingAlerts(db: PrismaClient, { config, now = new Date() }: { config: MailConfig; now?: Date }): Promise<{ sent: number; failed: number }> {
  const claimed = await db.$queryRawUnsafe<Claimed[]>(
    `UPDATE "Notification" SET "emailNextAt" = $1::timestamp
      WHERE "id" IN (SELECT "id" FROM "Notification" WHERE "emailStatus" = 'pending' AND "emailNextAt" <= $2::timestamp
                     ORDER BY "emailNextAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
      RETURNING "id", "userId", "kind", "day", "data", "href", "emailAttempts"`,
    ts(new Date(now.getTime() + LEASE_MS)),
    ts(now),
  );
  if (claimed.length === 0) return { sent: 0, failed: 0 };
  const who = await recipients(db, [...new Set(claimed.map((c) => c.userId))]);
  let sent = 0;
  const errors: string[] = [];
  for (const row of claimed) {
    const r = who.get(row.userId);
    if (!r || !isReminderKind(row.kind)) {
      await db.notification.update({ where: { id: row.id }, data: { emailStatus: "failed" } });
      continue;
    }
    try {
      await send(config, r.email, alertMail(r.to, asNotification(row), config));
      await db.notification.update({ where: { id: row.id }, data: { emailStatus: "sent", emailedAt: new Date(), emailAttempts: row.emailAttempts + 1 } });
      sent++;
    } catch (err) {
      const attempts = row.emailAttempts + 1;
      const wait = BACKOFF_MINUTES[Math.min(attempts - 1, BACKOFF_MINUTES.length - 1)]! * 60_000;
      await db.notification.update({
        where: { id: row.id },
        data: attempts >= MAX_ATTEMPTS ? { emailStatus: "failed", emailAttempts: attempts } : { emailAttempts: attempts, emailNextAt: new Date(now.getTime() + wait) },
      });
      errors.push(err instanceof Error ? err.message : String(err));
    }
  }
  if (errors.length) throw new Error(`e-mail: ${errors.length} of ${claimed.length} failed (${errors[0]}); retried later`);
  return { sent, failed: 0 };
}

export const DIGEST_DAYS = 7;

/**
 * The weekly digest: per borrower with a digest kind, the notifications of those kinds from the
 * last week not yet in a digest. Claimed by setting digestedAt; a failed send releases them and
 * the job throws, so its retry sends them.
 */
export async function sendWeeklyDigests(db: PrismaClient, { config, now = new Date() }: { config: MailConfig; now?: Date }): Promise<{ sent: number }> {
  const settings = await db.notificationSetting.findMany({ where: { digest: true }, select: { userId: true, kind: true } });
  const kindsBy = new Map<string, string[]>();
  for (const s of settings) (kindsBy.get(s.userId) ?? kindsBy.set(s.userId, []).get(s.userId)!).push(s.kind);
  const who = await recipients(db, [...kindsBy.keys()]);
  const since = new Date(now.getTime() - DIGEST_DAYS * 86_400_000);
  let sent = 0;
  const errors: string[] = [];
  for (const [userId, kinds] of kindsBy) {
    const r = who.get(userId);
    if (!r) continue;
    const rows = await db.$queryRawUnsafe<Claimed[]>(
      `UPDATE "Notification" SET "digestedAt" = $1::timestamp
        WHERE "userId" = $2 AND "kind" = ANY($3::text[]) AND "digestedAt" IS NULL AND "createdAt" >= $4::timestamp
        RETURNING "id", "userId", "kind", "day", "data", "href", "emailAttempts"`,
      ts(now),
      userId,
      kinds,
      ts(since),
    );
    const items = rows.filter((x) => isReminderKind(x.kind)).sort((a, b) => (a.day?.getTime() ?? 0) - (b.day?.getTime() ?? 0));
    if (items.length === 0) continue;
    try {
      await send(config, r.email, digestMail(r.to, items.map(asNotification), config));
      sent++;
    } catch (err) {
      await db.notification.updateMany({ where: { id: { in: items.map((i) => i.id) } }, data: { digestedAt: null } });
      errors.push(err instanceof Error ? err.message : String(err));
    }
  }
  if (errors.length) throw new Error(`digest: ${errors.length} failed (${errors[0]}); the job's retry sends them`);
  return { sent };
}
