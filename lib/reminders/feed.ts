import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { calendarOwner } from "@/lib/data/calendar-tokens";
import { loadReminderSubjects } from "@/lib/data/reminder-input";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";
import { publicBaseUrl } from "@/lib/mail/config";
import { todayInShanghai } from "@/lib/days";
import { calendarFeed } from "./calendar";
import { remindersOf } from "./schedule";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * The feed for `<token>.ics`: the token is the only credential (calendar apps send no cookies),
 * looked up by its hash; unknown, malformed or revoked is a 404 that says nothing more.
 */
export async function calendarResponse(db: PrismaClient, file: string, now = new Date()): Promise<Response> {
  const token = file.endsWith(".ics") ? file.slice(0, -4) : file;
  const userId = await calendarOwner(db, token, now);
  if (!userId) return notFound();
  const [subject] = await loadReminderSubjects(db, [userId], now);
  if (!subject) return notFound();
  const today = todayInShanghai(now);
  const body = calendarFeed({
    userId,
    reminders: remindersOf(subject.input, today),
    today,
    locale: isLocale(subject.locale) ? subject.locale : DEFAULT_LOCALE,
    currency: subject.currency,
    baseUrl: publicBaseUrl(),
    now,
  });
  return new Response(body, {
    status: 200,
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'inline; filename="credit-health.ics"', "Cache-Control": "private, no-store" },
  });
}
