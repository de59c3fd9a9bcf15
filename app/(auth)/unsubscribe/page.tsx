import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { UnsubscribeForm } from "@/components/notifications/unsubscribe-form";
import { isLocale } from "@/lib/i18n/config";
import { verifyUnsubscribeToken } from "@/lib/mail/unsubscribe-token";
import { kindName } from "@/lib/reminders/texts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications.unsubscribe");
  return { title: t("title"), robots: { index: false } };
}

/** The unsubscribe link of an e-mail: no sign-in needed, the signed token says whose e-mail and which kind. */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [t, locale] = await Promise.all([getTranslations("notifications.unsubscribe"), getLocale()]);
  const params = await searchParams;
  if (params.done === "1") {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p role="status" className="font-medium text-emerald-800 dark:text-emerald-300">{t("done")}</p>
      </div>
    );
  }
  const raw = params.t;
  const token = typeof raw === "string" ? raw : "";
  const secret = process.env.NEXTAUTH_SECRET;
  const scope = secret ? verifyUnsubscribeToken(token, secret) : null;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      {scope ? (
        <>
          <p className="text-slate-700 dark:text-slate-300">
            {scope.kind === "all" ? t("leadAll") : t("lead", { kind: kindName(scope.kind, isLocale(locale) ? locale : "en") })}
          </p>
          <UnsubscribeForm token={token} label={t("confirm")} />
        </>
      ) : (
        <p role="alert" className="text-slate-700 dark:text-slate-300">{t("invalid")}</p>
      )}
    </div>
  );
}
