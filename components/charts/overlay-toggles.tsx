"use client";

import { useRouter } from "next/navigation";
import type { CSSProperties } from "react";
import type { OverlayKind, RangeKey } from "@/lib/timeline/types";
import { timelineHref } from "./timeline-params";

type Props = {
  path: string;
  range: RangeKey;
  active: readonly OverlayKind[];
  items: { kind: OverlayKind; label: string }[];
  legend: string;
  applyLabel: string;
};

/**
 * The overlay switches: a GET form of checkboxes (with an Apply button when JavaScript is off);
 * with JavaScript, each change navigates at once, keeping the scroll position.
 */
export function OverlayToggles({ path, range, active, items, legend, applyLabel }: Props) {
  const router = useRouter();
  return (
    <form
      action={path}
      method="get"
      onChange={(e) => {
        const data = new FormData(e.currentTarget);
        const show = data.getAll("show").filter((v): v is OverlayKind => typeof v === "string" && v !== "") as OverlayKind[];
        router.push(timelineHref(path, range, show), { scroll: false });
      }}
    >
      <input type="hidden" name="range" value={range} />
      {/* Present even with every box unticked, so "none" differs from "the defaults". */}
      <input type="hidden" name="show" value="" />
      {/* Remounted when the URL's state changes (back/forward), so the boxes follow it. */}
      <fieldset key={active.join(",")} className="flex flex-wrap items-center gap-2">
        <legend className="sr-only">{legend}</legend>
        {items.map(({ kind, label }) => (
          <label
            key={kind}
            className="inline-flex min-h-10 cursor-pointer items-center gap-2 rounded-full border border-slate-300 px-3 text-sm has-[:checked]:border-transparent has-[:checked]:bg-slate-100 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600 dark:border-slate-700 dark:has-[:checked]:bg-slate-800"
            style={{ "--c": `var(--tl-overlay-${kind})` } as CSSProperties}
          >
            <input type="checkbox" name="show" value={kind} className="peer sr-only" defaultChecked={active.includes(kind)} />
            <span className="h-2.5 w-2.5 rounded-full border-[1.5px] border-[var(--c)] peer-checked:bg-[var(--c)]" />
            {label}
          </label>
        ))}
        <noscript>
          <button type="submit" className="min-h-10 rounded-full border border-slate-300 px-3 text-sm font-medium dark:border-slate-700">
            {applyLabel}
          </button>
        </noscript>
      </fieldset>
    </form>
  );
}
