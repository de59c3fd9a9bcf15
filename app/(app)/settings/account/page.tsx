import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SettingsForm } from "@/components/settings/settings-form";
import { SettingsHeader } from "@/components/settings/settings-header";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { changeEmailAction } from "@/lib/actions/account";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.account");
  return { title: t("title") };
}

export default async function AccountSettingsPage() {
  const user = await requireUser();
  const t = await getTranslations("settings.account");
  return (
    <div className="space-y-6">
      <SettingsHeader title={t("title")} />
      <Card>
        <dl className="grid gap-3 text-sm sm:grid-cols-[8rem_1fr]">
          <dt className="text-slate-500 dark:text-slate-400">{t("email")}</dt>
          <dd className="break-all font-medium" data-testid="account-email">
            {user.email}
          </dd>
          <dt className="text-slate-500 dark:text-slate-400">{t("name")}</dt>
          <dd>{user.name ?? t("noName")}</dd>
        </dl>
      </Card>
      <Card>
        <CardTitle>{t("changeEmailTitle")}</CardTitle>
        <CardDescription>{t("changeEmailLead")}</CardDescription>
        <div className="mt-4 max-w-md">
          <SettingsForm
            action={changeEmailAction}
            fields={[
              { name: "email", type: "email", autoComplete: "email", label: t("newEmail") },
              { name: "password", type: "password", autoComplete: "current-password", label: t("currentPassword") },
            ]}
            submit={t("submit")}
            submitting={t("submitting")}
            success={t("changed")}
          />
        </div>
      </Card>
    </div>
  );
}
