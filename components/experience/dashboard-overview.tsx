import { TimelineChart } from "@/components/charts/timeline-chart";
import type { SearchParams } from "@/components/charts/timeline-params";
import { HealthCard } from "@/components/health/health-card";
import { Card } from "@/components/ui/card";
import type { DashboardView } from "@/lib/data/dashboard-view";

/**
 * The dashboard's top: the chart of limit and score with its drops, and the health card. The page
 * hands in its (cached) view and its URL's search parameters (the chart's range and overlays).
 */
export function DashboardOverview({ view, searchParams }: { view: Pick<DashboardView, "timeline" | "assessment" | "stale">; searchParams: SearchParams }) {
  const { timeline, assessment, stale } = view;
  if (timeline.asOf === null) return null;
  return (
    <div className="mb-6 grid gap-6 lg:grid-cols-5" data-testid="dashboard-overview">
      <Card className="lg:col-span-3">
        <TimelineChart data={timeline} searchParams={searchParams} />
      </Card>
      <div className="lg:col-span-2">{assessment ? <HealthCard assessment={assessment} stale={stale} /> : null}</div>
    </div>
  );
}
