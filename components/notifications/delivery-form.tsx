"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { saveDeliveryAction } from "@/lib/actions/notifications";
import type { Delivery, ReminderKind } from "@/lib/reminders/kinds";

type Props = {
  kinds: { kind: ReminderKind; name: string }[];
  settings: Record<ReminderKind, Delivery>;
  mail: boolean;
  action: typeof saveDeliveryAction;
};

const box = "size-5 accent-brand-600 disabled:opacity-40";

/** Per kind: in the app, e-mail at once, weekly digest. Without SMTP the e-mail columns are off. */
export function DeliveryForm({ kinds, settings, mail, action }: Props) {
  const t = useTranslations("notifications.settings");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-4">
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-slate-500 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">{t("kind")}</th>
              <th scope="col" className="px-2 py-2 text-center font-medium">{t("inApp")}</th>
              <th scope="col" className="px-2 py-2 text-center font-medium">{t("email")}</th>
              <th scope="col" className="px-2 py-2 text-center font-medium">{t("digest")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {kinds.map(({ kind, name }) => (
              <tr key={kind}>
                <th scope="row" className="py-3 pr-3 font-medium">{name}</th>
                {(["inApp", "email", "digest"] as const).map((field) => (
                  <td key={field} className="px-2 py-3 text-center">
                    <input
                      type="checkbox"
                      name={`${kind}.${field}`}
                      defaultChecked={settings[kind][field]}
                      disabled={field !== "inApp" && !mail}
                      aria-label={t("boxLabel", { kind: name, field: t(field) })}
                      className={box}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? t("saving") : t("save")}</Button>
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          {state?.ok ? t("saved") : state && !state.ok ? t("error") : null}
        </p>
      </div>
    </form>
  );
}
