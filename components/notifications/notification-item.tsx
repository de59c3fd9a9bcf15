import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { markNotificationReadAction, openNotificationAction } from "@/lib/actions/notifications";
import type { NotificationRow } from "@/lib/data/notifications";
import { isLocale } from "@/lib/i18n/config";
import { notificationText } from "@/lib/reminders/texts";
import { ActionButton } from "./action-button";

/** One notification: what it is about, and the way to where it is acted on (which also marks it read). */
export async function NotificationItem({ n, currency }: { n: NotificationRow; currency: string }) {
  const [t, locale] = await Promise.all([getTranslations("notifications"), getLocale()]);
  const { title, body } = notificationText(n, isLocale(locale) ? locale : "en", currency);
  const unread = n.readAt === null;
  return (
    <li
      className={`rounded-2xl border p-4 shadow-sm sm:p-5 bg-white dark:bg-slate-900 ${unread ? "border-l-4 border-brand-500 dark:border-brand-400" : "border-slate-200 dark:border-slate-800"}`}
      data-testid="notification"
      data-kind={n.kind}
    >
      <div className="flex flex-wrap items-center gap-2">
        {unread ? <Badge tone="brand">{t("unread")}</Badge> : null}
        <span className="text-xs text-slate-600 dark:text-slate-400">{t(`kinds.${n.kind}.name`)}</span>
      </div>
      <h2 className="mt-2 font-semibold">{title}</h2>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{body}</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <ActionButton action={openNotificationAction} fields={{ id: n.id }}>
          {t("open")}
        </ActionButton>
        {unread ? (
          <ActionButton action={markNotificationReadAction} fields={{ id: n.id }} variant="ghost">
            {t("markRead")}
          </ActionButton>
        ) : null}
      </div>
    </li>
  );
}
