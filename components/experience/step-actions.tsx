"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import { setStepStatusAction } from "@/lib/actions/recovery";
import { Input } from "@/components/ui/input";

/** Done (with the date it was done) / skip / undo for one step; works without JavaScript too. */
export function StepActions({ dropDate, stepCode, status, today }: { dropDate: string; stepCode: string; status: "done" | "skipped" | "todo"; today: string }) {
  const t = useTranslations("experience.recovery");
  const [state, action, pending] = useActionState(setStepStatusAction, null);
  // Anything but a step the core does not list for this drop is a date or value to check.
  const error = state && !state.ok ? (state.code === "unknownStep" ? "unknownStep" : "invalid") : undefined;
  const id = useId();
  return (
    <form action={action} className="mt-3 flex flex-wrap items-end gap-2">
      <input type="hidden" name="dropDate" value={dropDate} />
      <input type="hidden" name="stepCode" value={stepCode} />
      {status === "todo" ? (
        <>
          <div>
            <label htmlFor={`${id}-on`} className="block text-xs text-slate-600 dark:text-slate-400">
              {t("doneOn")}
            </label>
            <Input
              id={`${id}-on`}
              type="date"
              name="on"
              defaultValue={today}
              max={today}
              className="!min-h-10 !w-auto !px-2 !py-1 text-sm"
            />
          </div>
          <Button type="submit" name="status" value="done" disabled={pending} className="min-h-10 py-1.5">
            {t("markDone")}
          </Button>
          <Button type="submit" name="status" value="skipped" variant="ghost" disabled={pending} className="min-h-10 py-1.5">
            {t("skip")}
          </Button>
        </>
      ) : (
        <Button type="submit" name="status" value="todo" variant="secondary" disabled={pending} className="min-h-10 py-1.5">
          {t("undo")}
        </Button>
      )}
      {error ? (
        <p role="alert" className="w-full text-sm text-rose-700 dark:text-rose-400">
          {t(`errors.${error}`)}
        </p>
      ) : null}
    </form>
  );
}
