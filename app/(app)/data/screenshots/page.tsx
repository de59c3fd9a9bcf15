import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ScreenshotFlow } from "@/components/screenshots/screenshot-flow";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { calendarDay } from "@/lib/history/schema";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("screenshots");
  return { title: t("title") };
}

export default async function ScreenshotsPage({ searchParams }: { searchParams: Promise<{ shared?: string | string[] }> }) {
  const user = await requireUser();
  const { shared } = await searchParams;
  const t = await getTranslations("screenshots");
  const today = calendarDay(new Date().toISOString())!;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header>
        <Link href="/data/import" className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-300">
          ← {t("back")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t("lead")}</p>
        <p className="mt-3 rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700 dark:bg-slate-800 dark:text-slate-300" data-testid="screenshot-privacy">
          {t("privacy")}
        </p>
      </header>
      <Card>
        <ScreenshotFlow historyProduct={user.product} scale={{ min: user.scoreMin, max: user.scoreMax }} today={today} shared={typeof shared === "string" ? shared : undefined} />
      </Card>
    </div>
  );
}
