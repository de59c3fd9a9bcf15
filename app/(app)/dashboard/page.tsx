import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DropList } from "@/components/dashboard/drop-list";
import { EmptyHistory } from "@/components/dashboard/empty-history";
import { ObservationTable, type ObservationRow } from "@/components/dashboard/observation-table";
import { DashboardOverview } from "@/components/experience/dashboard-overview";
import { FirstRunGuide } from "@/components/experience/first-run-guide";
import { Badge } from "@/components/ui/badge";
import { requireUser } from "@/lib/auth/session";
import { loadExplained } from "@/lib/data/explained";
import { calendarDay, type HistoryEvent } from "@/lib/history/schema";
import { reasonLabeller } from "@/components/dashboard/reason-title";

const RECENT_OBSERVATIONS = 12;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

export default async function DashboardPage() {
  // Each page checks for itself: the layout's check does not protect a page rendered on its own.
  const user = await requireUser();
  // One load, shared (per request) with the overview: the explanation carries the platform-wide
  // context, so this list and the drop pages give the same reasons.
  const [t, { history, explanation }] = await Promise.all([getTranslations("dashboard"), loadExplained(user.id)]);
  const observations = history.events.filter((e) => e.type === "limit" || e.type === "score");
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

  const { drops } = explanation;
  // The latest observations only: a ten-year history holds thousands, and the chart above shows
  // them all; the full list lives on the data page.
  const rows: ObservationRow[] = observations
    .slice(-RECENT_OBSERVATIONS)
    .reverse() // the history is oldest first; the dashboard reads newest first
    .map((e) => toRow(e));
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
          <ObservationTable rows={rows} total={observations.length} currency={user.currency} />
        </div>
      </div>
    </>
  );
}

function toRow(e: HistoryEvent): ObservationRow {
  const base = { id: e.id!, date: calendarDay(e.date)! };
  if (e.type === "limit") return { ...base, kind: "limit", value: e.limit };
  if (e.type === "score") return { ...base, kind: "score", value: e.score };
  throw new Error(`not an observation: ${e.type}`);
}
