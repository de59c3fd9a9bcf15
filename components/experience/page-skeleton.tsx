/** The shape of a page while its data load: blocks where the chart and cards will be. */
export function PageSkeleton({ label, blocks = [64, 320, 200] }: { label: string; blocks?: number[] }) {
  return (
    <div role="status" aria-live="polite" className="space-y-6">
      <span className="sr-only">{label}</span>
      {blocks.map((h, i) => (
        <div key={i} className="animate-pulse rounded-2xl bg-slate-200/70 dark:bg-slate-800/70" style={{ height: h }} />
      ))}
    </div>
  );
}
