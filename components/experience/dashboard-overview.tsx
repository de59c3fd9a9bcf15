import { TimelineChart } from "@/components/charts/timeline-chart";
import { HealthCard } from "@/components/health/health-card";
import { Card } from "@/components/ui/card";
import type { DashboardView } from "@/lib/data/dashboard";

/**
 * The dashboard's top: the chart of limit and score with its drops, and the health card. The page
 * hands in its (cached) view, so the timeline is serialized once, as the chart's props.
 */
export function DashboardOverview({ view }: { view: Pick<DashboardView, "timeline" | "assessment" | "stale"> }) {
  const { timeline, assessment, stale } = view;
  if (timeline.asOf === null) return null;
  return (
    <div className="mb-6 grid gap-6 lg:grid-cols-5" data-testid="dashboard-overview">
      <Card className="lg:col-span-3">
        <TimelineChart data={timeline} />
      </Card>
      <div className="lg:col-span-2">{assessment ? <HealthCard assessment={assessment} stale={stale} /> : null}</div>
    </div>
  );
}
