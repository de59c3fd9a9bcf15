import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LimitChangeForm } from "@/components/first-visit/limit-change-form";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { todayInShanghai } from "@/lib/days";
import { lastLimit } from "@/lib/data/limit-change";
import { db } from "@/lib/db";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("firstVisit.page");
  return { title: t("title") };
}

/** "Record my limit", one tap from every signed-in page (the navigation's action). */
export default async function LimitChangePage() {
  const user = await requireUser();
  const today = todayInShanghai();
  // The limit in force before today, the form's default day: a limit already recorded today is
  // what the borrower may be correcting, not what it was "before".
  const [t, last] = await Promise.all([getTranslations("firstVisit.page"), lastLimit(db, { userId: user.id, before: today })]);
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t("lead")}</p>
      </header>
      <Card>
        <LimitChangeForm today={today} last={last} currency={user.currency} />
      </Card>
    </div>
  );
}
