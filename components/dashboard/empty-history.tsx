import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";

export async function EmptyHistory() {
  const t = await getTranslations("dashboard");
  return (
    <Card className="text-center" data-testid="empty-history">
      <svg aria-hidden="true" viewBox="0 0 48 48" className="mx-auto size-12 text-brand-500">
        <rect x="6" y="10" width="36" height="28" rx="5" fill="none" stroke="currentColor" strokeWidth="2.5" />
        <path d="M12 30l7-7 5 5 10-10" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <h2 className="mt-3 text-lg font-semibold">{t("emptyTitle")}</h2>
      <p className="mx-auto mt-2 max-w-md text-sm leading-relaxed text-slate-600 dark:text-slate-400">{t("emptyBody")}</p>
    </Card>
  );
}
