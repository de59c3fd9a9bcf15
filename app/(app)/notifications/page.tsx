import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NotificationItem } from "@/components/notifications/notification-item";
import { ActionButton } from "@/components/notifications/action-button";
import { Card, CardDescription } from "@/components/ui/card";
import { markAllReadAction } from "@/lib/actions/notifications";
import { requireUser } from "@/lib/auth/session";
import { listNotifications } from "@/lib/data/notifications";
import { db } from "@/lib/db";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

export default async function NotificationsPage() {
  const user = await requireUser();
  const [t, items] = await Promise.all([getTranslations("notifications"), listNotifications(db, { userId: user.id })]);
  const unread = items.some((n) => n.readAt === null);
  const link = "text-sm text-brand-700 underline-offset-4 hover:underline dark:text-brand-300";
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="max-w-2xl">
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="mt-1 text-slate-600 dark:text-slate-400">{t("lead")}</p>
          <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
            <Link className={link} href="/settings/notifications">{t("settingsLink")}</Link>
            <Link className={link} href="/settings/calendar">{t("calendarLink")}</Link>
          </p>
        </div>
        {unread ? (
          <ActionButton action={markAllReadAction}>{t("markAllRead")}</ActionButton>
        ) : null}
      </header>
      {items.length === 0 ? (
        <Card>
          <CardDescription>{t("empty")}</CardDescription>
        </Card>
      ) : (
        <ul className="space-y-3">
          {items.map((n) => (
            <NotificationItem key={n.id} n={n} currency={user.currency} />
          ))}
        </ul>
      )}
    </div>
  );
}
