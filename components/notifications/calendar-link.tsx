"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import type { calendarLinkAction } from "@/lib/actions/notifications";

type Props = { baseUrl: string; active: boolean; action: typeof calendarLinkAction };

/** Creates (or replaces) the private feed link and shows it once, with one-tap subscribe and copy. */
export function CalendarLink({ baseUrl, active, action }: Props) {
  const t = useTranslations("notifications.calendar");
  // One action and one state for both buttons, so whichever was pressed last decides what shows.
  const [state, act, pending] = useActionState(action, null);
  const token = state?.ok ? state.data.token : null;
  const revoked = state?.ok === true && state.data.token === null;
  const failed = state && !state.ok;
  const on = token !== null || (active && !revoked);
  return (
    <div className="space-y-4">
      {token ? <NewLink url={`${baseUrl}/api/calendar/${token}.ics`} /> : null}
      {revoked ? <p role="status" className="text-sm">{t("revoked")}</p> : null}
      {failed ? <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">{t("error")}</p> : null}
      <div className="flex flex-wrap gap-3">
        <form action={act}>
          <input type="hidden" name="op" value="create" />
          <Button type="submit" disabled={pending}>{on ? t("replace") : t("create")}</Button>
        </form>
        {on ? (
          <form action={act}>
            <input type="hidden" name="op" value="revoke" />
            <Button type="submit" variant="secondary" disabled={pending}>{t("revoke")}</Button>
          </form>
        ) : null}
        {pending ? <p role="status" className="self-center text-sm text-slate-600 dark:text-slate-400">{t("working")}</p> : null}
      </div>
    </div>
  );
}

function NewLink({ url }: { url: string }) {
  const t = useTranslations("notifications.calendar");
  const [copied, setCopied] = useState(false);
  // webcal:// makes iOS and most phone calendars offer "Subscribe" on one tap.
  const webcal = url.replace(/^https?:\/\//, "webcal://");
  return (
    <Alert>
      <p className="font-medium">{t("shownOnce")}</p>
      <code className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900 dark:bg-slate-950 dark:text-slate-100" data-testid="calendar-url">
        {url}
      </code>
      <div className="mt-3 flex flex-wrap gap-2">
        <a href={webcal} className={buttonClasses("primary")}>{t("addButton")}</a>
        <Button variant="secondary" onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true))}>
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
    </Alert>
  );
}
