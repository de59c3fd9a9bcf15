import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ProfileForm } from "@/components/experience/profile-form";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { todayInShanghai } from "@/lib/data/dashboard";
import { loadExplained } from "@/lib/data/explained";
import { currentProfile } from "@/lib/profile/validation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("experience.profile");
  return { title: t("title") };
}

const query = z.object({ drop: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() });

export default async function ProfilePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const [{ history }, t] = await Promise.all([loadExplained(user.id), getTranslations("experience.profile")]);
  const q = query.safeParse(await searchParams);
  const profile = currentProfile(history.events);
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t("lead")}</p>
      </header>
      <Card>
        <ProfileForm defaults={profile} today={todayInShanghai()} drop={q.success ? q.data.drop : undefined} />
      </Card>
    </div>
  );
}
