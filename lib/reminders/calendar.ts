/**
 * The borrower's private iCalendar feed: due dates, check dates, rechecks, appeal follow-ups and
 * outlook windows as all-day events on their Asia/Shanghai calendar days, in the borrower's
 * language (ical-generator 9). All-day (DATE) values carry no zone by design (RFC 5545 3.3.4): the
 * days are the history's Shanghai days, written from their UTC fields so the server's own zone
 * never shifts them; the feed names Asia/Shanghai (X-WR-TIMEZONE) for clients that show it.
 */
// i18n-translator: t = "notifications"
import { createHash } from "node:crypto";
import ical, { ICalAlarmType, ICalCalendarMethod } from "ical-generator";
import { dayNumber, dayString } from "@/lib/core/days";
import { TIME_ZONE, type Locale } from "@/lib/i18n/config";
import type { Reminder } from "./schedule";
import { notificationText, notificationsTranslator } from "./texts";

/** Past events kept in the feed (a calendar shows what was due), and how far ahead it looks. */
export const FEED_PAST_DAYS = 60;
export const FEED_FUTURE_DAYS = 400;
/** An alarm at 09:00 the day before an all-day event (15 hours before its midnight). */
const ALARM_BEFORE_SECONDS = 15 * 3600;

const at = (day: string) => new Date(`${day}T00:00:00Z`);

export function calendarFeed(options: { userId: string; reminders: readonly Reminder[]; today: string; locale: Locale; currency: string; baseUrl: string; now?: Date }): string {
  const t = notificationsTranslator(options.locale);
  const cal = ical({
    name: t("calendar.feedName"),
    prodId: { company: "credit-health", product: "reminders", language: options.locale === "zh-CN" ? "ZH" : "EN" },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 6 * 3600,
    x: { "X-WR-TIMEZONE": TIME_ZONE },
  });
  const from = dayString(dayNumber(options.today) - FEED_PAST_DAYS);
  const to = dayString(dayNumber(options.today) + FEED_FUTURE_DAYS);
  for (const r of options.reminders) {
    // The overdue alert is the due date seen afterwards: the calendar keeps the due date only.
    if (r.kind === "INSTALMENT_OVERDUE" || r.day < from || r.day > to) continue;
    const { title, body } = notificationText(r, options.locale, options.currency);
    const url = options.baseUrl + r.href;
    const last = r.until ?? r.day;
    const event = cal.createEvent({
      id: createHash("sha256").update(`${options.userId}\0${r.key}`).digest("hex").slice(0, 32) + "@credit-health",
      allDay: true,
      start: at(r.day),
      // All-day ends are exclusive.
      end: at(dayString(dayNumber(last) + 1)),
      stamp: options.now ?? new Date(),
      summary: title,
      description: `${body}\n${url}`,
      url,
    });
    if (r.kind === "INSTALMENT_DUE" && r.day >= options.today) event.createAlarm({ type: ICalAlarmType.display, trigger: ALARM_BEFORE_SECONDS, description: title });
  }
  return cal.toString();
}
