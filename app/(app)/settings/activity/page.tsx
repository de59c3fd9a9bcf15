import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { activityMessage } from "@/components/settings/activity-message";
import { SettingsHeader } from "@/components/settings/settings-header";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { AUDIT_PAGE_SIZE, listAuditLog } from "@/lib/data/audit";
import { db } from "@/lib/db";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.activity");
  return { title: t("title") };
}

export default async function ActivityPage() {
  const user = await requireUser();
  const [t, format, entries] = await Promise.all([getTranslations("settings.activity"), getFormatter(), listAuditLog(db, { userId: user.id })]);
  return (
    <div className="space-y-6">
      <SettingsHeader title={t("title")} lead={t("lead", { count: AUDIT_PAGE_SIZE })} />
      <Card className="overflow-x-auto p-0 sm:p-0">
        {entries.length === 0 ? (
          <p className="p-5 text-slate-600 dark:text-slate-400">{t("empty")}</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="activity-log">
            <thead className="border-b border-slate-200 text-slate-500 dark:border-slate-800 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-5 py-3 font-medium">
                  {t("when")}
                </th>
                <th scope="col" className="px-5 py-3 font-medium">
                  {t("what")}
                </th>
                <th scope="col" className="px-5 py-3 font-medium">
                  {t("from")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {entries.map((e) => {
                const m = activityMessage(e.action, e.detail);
                return (
                  <tr key={e.id}>
                    <td className="whitespace-nowrap px-5 py-3 tabular-nums">
                      <time dateTime={e.createdAt.toISOString()}>{format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                    </td>
                    <td className="px-5 py-3">{t(`actions.${m.key}`, m.values)}</td>
                    <td className="px-5 py-3 font-mono text-xs text-slate-500 dark:text-slate-400">{e.ip ?? t("unknownAddress")}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
