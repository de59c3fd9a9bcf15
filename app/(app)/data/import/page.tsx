import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ImportFlow } from "@/components/data/import-flow";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("data.importPage");
  return { title: t("title") };
}

export default async function ImportPage() {
  await requireUser();
  const [t, tb, ts] = await Promise.all([getTranslations("data.importPage"), getTranslations("bills"), getTranslations("screenshots")]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header>
        <Link href="/data" className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-300">
          ← {t("back")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t("lead")}</p>
        <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">{tb("formats")}</p>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          {ts("linkHint")}{" "}
          <Link href="/data/screenshots" className="font-medium text-brand-700 underline underline-offset-4 dark:text-brand-300">
            {ts("link")}
          </Link>
        </p>
      </header>
      <Card>
        <ImportFlow />
      </Card>
    </div>
  );
}
