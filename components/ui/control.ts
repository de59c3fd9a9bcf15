import { cn } from "@/lib/utils";

/** The look every form control shares: one place for size (44 px touch target), border, focus, error and dark mode. */
const CONTROL =
  "block w-full min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus-visible:outline-brand-600 aria-invalid:border-rose-600 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100 dark:aria-invalid:border-rose-400";

export function controlClasses(className?: string): string {
  return cn(CONTROL, className);
}
