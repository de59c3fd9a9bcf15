import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { DeliveryForm } from "@/components/notifications/delivery-form";
import { SettingsHeader } from "@/components/settings/settings-header";
import { Card } from "@/components/ui/card";
import { saveDeliveryAction } from "@/lib/actions/notifications";
import { requireUser } from "@/lib/auth/session";
import { deliverySettings } from "@/lib/data/notifications";
import { db } from "@/lib/db";
import { isLocale } from "@/lib/i18n/config";
import { mailConfig } from "@/lib/mail/config";
import { REMINDER_KINDS } from "@/lib/reminders/kinds";
import { kindName } from "@/lib/reminders/texts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications.settings");
  return { title: t("title") };
}

export default async function NotificationSettingsPage() {
  const user = await requireUser();
  const [t, locale, settings] = await Promise.all([getTranslations("notifications.settings"), getLocale(), deliverySettings(db, { userId: user.id })]);
  const lang = isLocale(locale) ? locale : "en";
  const mail = mailConfig() !== null;
  return (
    <div className="space-y-6">
      <SettingsHeader title={t("title")} lead={t("lead")} />
      <Card>
        <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">{mail ? t("emailTo", { email: user.email }) : t("emailOff")}</p>
        <DeliveryForm kinds={REMINDER_KINDS.map((kind) => ({ kind, name: kindName(kind, lang) }))} settings={settings} mail={mail} action={saveDeliveryAction} />
      </Card>
    </div>
  );
}
