import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

const tones = {
  error: "border-rose-200 bg-rose-50 text-rose-900 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-100",
  info: "border-brand-100 bg-brand-50 text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200",
} as const;

/** Errors are announced at once (role=alert); information waits its turn (role=status). */
export function Alert({ tone = "info", children }: { tone?: keyof typeof tones; children: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={cn("rounded-lg border px-4 py-3 text-sm", tones[tone])}>
      {children}
    </div>
  );
}
