import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { SettingsForm } from "@/components/settings/settings-form";
import { SettingsHeader } from "@/components/settings/settings-header";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { CONSENT_PURPOSE } from "@/lib/auth/validation";
import { findConsent } from "@/lib/data/account";
import { db } from "@/lib/db";
import { deleteAccountAction } from "@/lib/actions/account";
import { DEMO_CONSENT_PURPOSE } from "@/lib/demo-account";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.privacy");
  return { title: t("title") };
}

const ITEMS = ["account", "history", "work", "tokens", "activity", "throttle"] as const;

export default async function PrivacyPage() {
  const user = await requireUser();
  const [t, format, consent] = await Promise.all([getTranslations("settings.privacy"), getFormatter(), findConsent(db, { userId: user.id })]);
  // The purpose shown is the one stored at consent; the current wording is translated, an older one shown as stored.
  const stored = consent?.consentPurpose;
  const purpose = !stored || stored === CONSENT_PURPOSE ? t("purpose") : stored === DEMO_CONSENT_PURPOSE ? t("purposeDemo") : stored;
  return (
    <div className="space-y-6">
      <SettingsHeader title={t("title")} />
      <Card>
        <CardTitle>{t("storeTitle")}</CardTitle>
        <CardDescription>{t("storeLead")}</CardDescription>
        <p className="mt-3 rounded-lg bg-slate-50 px-4 py-3 text-sm font-medium dark:bg-slate-800" data-testid="consent-purpose">
          {purpose}
        </p>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          {consent?.consentAt ? t("consentedAt", { date: format.dateTime(consent.consentAt, { dateStyle: "long", timeStyle: "short" }) }) : t("noConsent")}
        </p>
        <ul className="mt-4 list-disc space-y-2 pl-5 text-sm leading-relaxed text-slate-700 dark:text-slate-300">
          {ITEMS.map((i) => (
            <li key={i}>{t(`items.${i}`)}</li>
          ))}
        </ul>
      </Card>
      <Card>
        <CardTitle>{t("downloadTitle")}</CardTitle>
        <CardDescription>{t("downloadLead")}</CardDescription>
        <div className="mt-4 flex flex-wrap gap-3">
          {/* Plain links: the routes answer with Content-Disposition: attachment. */}
          <a href="/api/app/export/json" className={buttonClasses("secondary")} download>
            {t("downloadJson")}
          </a>
          <a href="/api/app/export/csv" className={buttonClasses("secondary")} download>
            {t("downloadCsv")}
          </a>
        </div>
      </Card>
      <Card className="border-rose-200 dark:border-rose-900">
        <CardTitle>{t("deleteTitle")}</CardTitle>
        <CardDescription>{t("deleteLead")}</CardDescription>
        <div className="mt-4 max-w-md">
          <SettingsForm
            action={deleteAccountAction}
            fields={[{ name: "password", type: "password", autoComplete: "current-password", label: t("password") }]}
            submit={t("deleteSubmit")}
            submitting={t("deleting")}
            success=""
            variant="danger"
            testId="delete-account"
          />
        </div>
      </Card>
    </div>
  );
}
