import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** Beside the table: where the profile is edited, and the two downloads. */
export async function DataShortcuts() {
  const t = await getTranslations("data");
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Card className="!p-4 text-sm">
        <p className="text-slate-600 dark:text-slate-400">{t("profileLink")}</p>
        <Link href="/profile" className="mt-2 inline-flex min-h-10 items-center font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-300">
          {t("profileEdit")} →
        </Link>
      </Card>
      <Card className="!p-4 text-sm">
        <p className="text-slate-600 dark:text-slate-400">{t("exportHint")}</p>
        <div className="mt-2 flex flex-wrap gap-2">
          {/* Plain links: a download is a navigation, and the route answers with Content-Disposition. */}
          <a href="/api/app/export/json" className={buttonClasses("secondary", "!min-h-10 !py-1.5")} data-testid="export-json">
            {t("exportJson")}
          </a>
          <a href="/api/app/export/csv" className={buttonClasses("secondary", "!min-h-10 !py-1.5")} data-testid="export-csv">
            {t("exportCsv")}
          </a>
        </div>
      </Card>
    </div>
  );
}
