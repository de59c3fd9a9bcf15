import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ProfileForm } from "@/components/experience/profile-form";
import { serverFormat } from "@/components/experience/server-format";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { todayInShanghai } from "@/lib/days";
import { loadExplained } from "@/lib/data/explained";
import { calendarDay } from "@/lib/history/schema";
import { currentProfile } from "@/lib/profile/validation";
import { db } from "@/lib/db";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("experience.profile");
  return { title: t("title") };
}

const query = z.object({ drop: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() });

export default async function ProfilePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const [{ history }, t, tp] = await Promise.all([loadExplained(db, { userId: user.id }), getTranslations("experience.profile"), getTranslations("recovery.profile")]);
  const q = query.safeParse(await searchParams);
  const profile = currentProfile(history.events);
  const drop = q.success ? q.data.drop : undefined;
  const fmt = await serverFormat(history.borrower.currency);
  // Coming from a drop, the question is whether this was already true before it: say which day that was.
  const sinceHint = drop && calendarDay(drop) === drop ? tp("sinceHintDrop", { date: fmt.day(drop) }) : undefined;
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t("lead")}</p>
      </header>
      <Card>
        <ProfileForm defaults={profile} today={todayInShanghai()} drop={drop} sinceHint={sinceHint} />
      </Card>
    </div>
  );
}
