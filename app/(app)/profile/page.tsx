import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ProfileForm } from "@/components/experience/profile-form";
import { serverFormat } from "@/components/experience/server-format";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { todayInShanghai } from "@/lib/days";
import { listEventsOfType } from "@/lib/data/events";
import { readBorrower } from "@/lib/data/history";
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
  // The profile events alone: the form reads nothing else of the history.
  const [profiles, borrower, t, tp] = await Promise.all([
    listEventsOfType(db, { userId: user.id, type: "profile" }),
    readBorrower(db, user.id),
    getTranslations("experience.profile"),
    getTranslations("recovery.profile"),
  ]);
  const q = query.safeParse(await searchParams);
  const profile = currentProfile(profiles);
  const drop = q.success ? q.data.drop : undefined;
  const fmt = await serverFormat(borrower.currency);
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
