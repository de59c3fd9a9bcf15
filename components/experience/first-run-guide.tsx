import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";

/** Three steps from an empty account to a chart: export from Alipay, import, read. */
export async function FirstRunGuide() {
  const [t, ts] = await Promise.all([getTranslations("experience.firstRun"), getTranslations("screenshots")]);
  const steps = ["export", "import", "read"] as const;
  return (
    <Card aria-labelledby="first-run-title" data-testid="first-run-guide">
      <CardTitle id="first-run-title">{t("title")}</CardTitle>
      <CardDescription>{t("lead")}</CardDescription>
      <ol className="mt-4 space-y-4">
        {steps.map((s, i) => (
          <li key={s} className="flex gap-3">
            <span aria-hidden="true" className="inline-flex size-7 shrink-0 items-center justify-center rounded-full bg-brand-50 text-sm font-semibold text-brand-700 dark:bg-slate-800 dark:text-brand-300">
              {i + 1}
            </span>
            <div>
              <p className="font-medium">{t(`${s}.title`)}</p>
              <p className="text-sm text-slate-600 dark:text-slate-400">{t(`${s}.body`)}</p>
            </div>
          </li>
        ))}
      </ol>
      <div className="mt-5 flex flex-wrap gap-2">
        <Link href="/data" className={buttonClasses("primary")}>
          {t("importButton")}
        </Link>
        <Link href="/data/screenshots" className={buttonClasses("secondary")}>
          {ts("link")}
        </Link>
        <Link href="/profile" className={buttonClasses("secondary")}>
          {t("profileButton")}
        </Link>
      </div>
    </Card>
  );
}
