import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EventForm } from "@/components/data/event-form";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { todayInShanghai } from "@/lib/days";
import { getEvent } from "@/lib/data/events";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { eventToForm } from "@/lib/events/form-fields";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("data.form");
  return { title: t("editTitle") };
}

export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  // getEvent is scoped to the user: another borrower's row id is simply not found.
  const row = await getEvent(db, { userId: user.id, id: id.slice(0, 100) }).catch((err: unknown) => {
    if (isAppError(err) && err.code === "not_found") notFound();
    throw err;
  });
  const t = await getTranslations("data");
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">
          {t("form.editTitle")} · {t(`types.${row.event.type}`)}
        </h1>
        <p className="mt-1 break-all text-xs text-slate-500 dark:text-slate-400">
          {t("form.idLabel")}: {row.eventId}
          {row.event.source ? ` · ${row.event.source}` : ""}
        </p>
      </header>
      <Card>
        <EventForm rowId={row.id} type={row.event.type} initial={eventToForm(row.event)} today={todayInShanghai()} />
      </Card>
    </div>
  );
}
