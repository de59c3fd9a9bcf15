import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { EventForm } from "@/components/data/event-form";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { todayInShanghai } from "@/lib/days";
import { EVENT_TYPES } from "@/lib/history/schema";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("data.form");
  return { title: t("newTitle") };
}

// Profile changes have their own page (/profile); the rest are offered here, most common first.
const TYPES = ["limit", "score", "borrow", "repayment", "overdue", "inquiry", "account", "asset", "activity", "notice"] as const;
const query = z.object({ type: z.enum(EVENT_TYPES).exclude(["profile"]).catch("limit") });

export default async function NewEventPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser();
  const t = await getTranslations("data.form");
  const { type } = query.parse({ type: (await searchParams).type ?? "limit" });
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">{t("newTitle")}</h1>
      <Card>
        <EventForm type={type} types={TYPES} today={todayInShanghai()} />
      </Card>
    </div>
  );
}
