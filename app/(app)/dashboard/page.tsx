import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DropList } from "@/components/dashboard/drop-list";
import { EmptyHistory } from "@/components/dashboard/empty-history";
import { ObservationTable, type ObservationRow } from "@/components/dashboard/observation-table";
import { DashboardOverview } from "@/components/experience/dashboard-overview";
import { FirstRunGuide } from "@/components/experience/first-run-guide";
import { Badge } from "@/components/ui/badge";
import { requireUser } from "@/lib/auth/session";
import { explain } from "@/lib/core";
import { listObservations, loadHistory } from "@/lib/data/history";
import { db } from "@/lib/db";
import { reasonLabeller } from "@/components/dashboard/reason-title";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

export default async function DashboardPage() {
  // Each page checks for itself: the layout's check does not protect a page rendered on its own.
  const user = await requireUser();
  const [t, observations] = await Promise.all([getTranslations("dashboard"), listObservations(db, user.id)]);
  const product = user.product === "Jiebei" ? t("productJiebei") : user.product;

  const header = (
    <div className="mb-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{user.name ? t("greeting", { name: user.name }) : t("greetingAnonymous")}</h1>
        {user.isDemo ? <Badge tone="brand">{t("demoBadge")}</Badge> : null}
      </div>
      <p className="mt-1 text-slate-600 dark:text-slate-400">{t("lead", { product })}</p>
    </div>
  );

  if (observations.length === 0) {
    return (
      <>
        {header}
        <EmptyHistory />
        <div className="mt-6">
          <FirstRunGuide />
        </div>
      </>
    );
  }

  const history = await loadHistory(db, user.id);
  const { drops } = explain(history);
  const rows: ObservationRow[] = observations
    .map((o) => ({ id: o.eventId, date: o.day, kind: o.type, value: o.value }))
    .reverse(); // the data layer gives oldest first; the dashboard reads newest first
  const labelReason = await reasonLabeller();

  return (
    <>
      {header}
      <DashboardOverview userId={user.id} />
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="lg:col-span-3">
          <DropList drops={drops} currency={user.currency} labelReason={labelReason} />
        </div>
        <div className="lg:col-span-2">
          <ObservationTable rows={rows} currency={user.currency} />
        </div>
      </div>
    </>
  );
}
