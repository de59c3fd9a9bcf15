import { getTranslations } from "next-intl/server";
import type { Drop } from "@/lib/core";
import { outlookText } from "@/lib/i18n/core-text";
import { Card, CardTitle } from "@/components/ui/card";
import { coreLocale } from "./growth-format";

/**
 * "How long until it comes back" on a drop's page: when the signals clear and the likely window,
 * its basis, and always that the lender decides. A temporary drop has none (it came back);
 * `null` says plainly that there is no basis for an estimate.
 */
export async function DropOutlook({ drop }: { drop: Drop }) {
  if (drop.temporary || drop.outlook === undefined) return null;
  const [t, { lang }] = await Promise.all([getTranslations("growth.outlook"), coreLocale()]);
  const o = outlookText(drop.outlook, lang);
  return (
    <Card aria-labelledby="outlook-title" data-testid="drop-outlook">
      <CardTitle id="outlook-title">{t("title")}</CardTitle>
      <p className="mt-3 text-base" data-testid="outlook-text">
        {o.text}
      </p>
      {o.basisText ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{o.basisText}</p>
      ) : null}
      <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">{o.caveat}</p>
    </Card>
  );
}
