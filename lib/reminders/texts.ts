/**
 * The words of a notification, from messages/<locale>/notifications.json (and the core's step and
 * signal texts), rendered without React so the page, the e-mail and the calendar feed say the same.
 * Notifications store structured data; the text is made when shown, in the reader's language.
 */
// i18n-translator: t = "notifications"
import { coreTranslator } from "@/lib/i18n/core-text";
import type { Locale } from "@/lib/i18n/config";
import { namespaceTranslator } from "@/lib/i18n/namespace-translator";
import { formatDay, formatMoney } from "@/lib/i18n/format";
import en from "@/messages/en/notifications.json";
import zh from "@/messages/zh-CN/notifications.json";
import type { ReminderKind } from "./kinds";

type Values = Record<string, string | number>;
export type Translate = (key: string, values?: Values) => string;

/** A translator for the "notifications" namespace; a missing value shows its key, never throws. */
export const notificationsTranslator: (locale: Locale) => Translate = namespaceTranslator({ en, "zh-CN": zh }, "notifications");

export interface NotificationLike {
  kind: ReminderKind;
  day: string | null;
  data: Record<string, string | number>;
}

const DAY_FIELDS = ["dropDate", "filedAt", "from", "to"] as const;

/** The title and body of a notification in `locale`. */
export function notificationText(n: NotificationLike, locale: Locale, currency = "CNY"): { title: string; body: string } {
  const t = notificationsTranslator(locale);
  const core = coreTranslator(locale);
  const values: Values = { ...n.data };
  if (n.day) values.date = formatDay(locale, n.day.slice(0, 10));
  for (const f of DAY_FIELDS) if (typeof n.data[f] === "string") values[f] = formatDay(locale, (n.data[f] as string).slice(0, 10));
  if (typeof n.data.amount === "number") values.amount = formatMoney(locale, n.data.amount, currency);
  if (typeof n.data.step === "string") values.step = core(`steps.${n.data.step}`);
  if (n.kind === "NEW_SIGNAL") {
    values.label = core(`signals.metrics.${n.data.metric}`);
    // Only signals that became active alert (lib/reminders/signal-watch.ts).
    values.signal = core("signals.active", { label: values.label as string, value: n.data.value ?? 0, threshold: n.data.threshold ?? 0 });
  }
  return { title: t(`kinds.${n.kind}.title`, values), body: t(`kinds.${n.kind}.body`, values) };
}

export function kindName(kind: ReminderKind, locale: Locale): string {
  return notificationsTranslator(locale)(`kinds.${kind}.name`);
}
