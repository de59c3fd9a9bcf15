import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SettingsForm } from "@/components/settings/settings-form";
import { SettingsHeader } from "@/components/settings/settings-header";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { changePasswordAction, signOutEverywhereAction } from "@/lib/actions/account";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.security");
  return { title: t("title") };
}

export default async function SecuritySettingsPage() {
  await requireUser();
  const [t, tAuth] = await Promise.all([getTranslations("settings.security"), getTranslations("auth.fields")]);
  return (
    <div className="space-y-6">
      <SettingsHeader title={t("title")} />
      <Card>
        <CardTitle>{t("passwordTitle")}</CardTitle>
        <CardDescription>{t("passwordLead")}</CardDescription>
        <div className="mt-4 max-w-md">
          <SettingsForm
            action={changePasswordAction}
            fields={[
              { name: "currentPassword", type: "password", autoComplete: "current-password", label: t("currentPassword") },
              { name: "newPassword", type: "password", autoComplete: "new-password", label: t("newPassword"), hint: tAuth("passwordHint") },
            ]}
            submit={t("submit")}
            submitting={t("submitting")}
            success={t("changed")}
            testId="change-password"
          />
        </div>
      </Card>
      <Card>
        <CardTitle>{t("sessionsTitle")}</CardTitle>
        <CardDescription>{t("sessionsLead")}</CardDescription>
        <div className="mt-4">
          <SettingsForm action={signOutEverywhereAction} fields={[]} submit={t("signOutEverywhere")} submitting={t("signingOut")} success={t("signedOut")} variant="secondary" />
        </div>
      </Card>
    </div>
  );
}
