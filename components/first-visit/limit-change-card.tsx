import { getTranslations } from "next-intl/server";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { LimitChangeForm } from "./limit-change-form";

type Props = {
  /** "empty": a new account's first screen; "imported": a history with bills but no limit yet. */
  variant: "empty" | "imported";
  today: string;
  last: { day: string; value: number } | null;
  currency: string;
};

/** The dashboard's lead when it has no limit to chart: one short form, the borrower's first action. */
export async function LimitChangeCard({ variant, today, last, currency }: Props) {
  const t = await getTranslations("firstVisit.card");
  return (
    <Card aria-labelledby="limit-change-title" className="border-brand-200 dark:border-slate-700" data-testid={variant === "empty" ? "empty-history" : "limit-prompt"}>
      <CardTitle id="limit-change-title" className="text-xl">
        {t(variant === "empty" ? "emptyTitle" : "importedTitle")}
      </CardTitle>
      <CardDescription className="mb-5">{t(variant === "empty" ? "emptyLead" : "importedLead")}</CardDescription>
      <LimitChangeForm today={today} last={last} currency={currency} />
    </Card>
  );
}
