"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteEventAction } from "@/lib/actions/events";

/** Deletes one event after a confirmation naming it; the page re-renders without it. */
export function DeleteEventButton({ rowId, label }: { rowId: string; label: { type: string; date: string } }) {
  const t = useTranslations("data");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        disabled={pending}
        className="inline-flex min-h-10 items-center rounded-lg px-2.5 text-sm font-medium text-rose-700 hover:bg-rose-50 disabled:opacity-60 dark:text-rose-400 dark:hover:bg-rose-950"
        onClick={() => {
          if (!window.confirm(t("table.confirmDelete", label))) return;
          start(async () => {
            const res = await deleteEventAction(rowId);
            // Already gone (or never the user's): the refreshed table shows the truth.
            if (res.ok || res.code === "notFound" || res.code === "invalid") router.refresh();
            else setError(t("form.failed"));
          });
        }}
      >
        {pending ? t("table.deleting") : t("table.delete")}
      </button>
      {error ? (
        <span role="alert" className="block text-xs text-rose-700 dark:text-rose-400">
          {error}
        </span>
      ) : null}
    </>
  );
}
