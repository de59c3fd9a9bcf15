import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { CalendarLink } from "@/components/notifications/calendar-link";
import { SettingsHeader } from "@/components/settings/settings-header";
import { Card, CardTitle } from "@/components/ui/card";
import { calendarLinkAction } from "@/lib/actions/notifications";
import { requireUser } from "@/lib/auth/session";
import { activeCalendarToken } from "@/lib/data/calendar-tokens";
import { db } from "@/lib/db";
import { publicBaseUrl } from "@/lib/mail/config";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications.calendar");
  return { title: t("title") };
}

export default async function CalendarSettingsPage() {
  const user = await requireUser();
  const [t, format, token] = await Promise.all([getTranslations("notifications.calendar"), getFormatter(), activeCalendarToken(db, { userId: user.id })]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="space-y-6">
      <SettingsHeader title={t("title")} lead={t("lead")} />
      <Card>
        <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
          {token ? t("active", { date: when(token.createdAt) }) : t("none")}
          {token?.lastUsedAt ? ` ${t("lastUsed", { date: when(token.lastUsedAt) })}` : null}
        </p>
        <CalendarLink baseUrl={publicBaseUrl()} active={token !== null} action={calendarLinkAction} />
      </Card>
      <div className="grid gap-4 sm:grid-cols-2">
        <Card>
          <CardTitle>{t("iphoneTitle")}</CardTitle>
          <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{t("iphoneSteps")}</p>
        </Card>
        <Card>
          <CardTitle>{t("androidTitle")}</CardTitle>
          <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{t("androidSteps")}</p>
        </Card>
      </div>
    </div>
  );
}
