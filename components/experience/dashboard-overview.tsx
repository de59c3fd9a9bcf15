import { TimelineChart } from "@/components/charts/timeline-chart";
import { HealthCard } from "@/components/health/health-card";
import { Card } from "@/components/ui/card";
import { getDashboard } from "@/lib/data/dashboard";

/**
 * The dashboard's top: the chart of limit and score with its drops, and the health card.
 * `userId` must come from requireUser() in the page that renders this.
 */
export async function DashboardOverview({ userId }: { userId: string }) {
  const { timeline, assessment, stale } = await getDashboard({ userId });
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
