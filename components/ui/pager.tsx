import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";

type Props = {
  page: number;
  pages: number;
  /** The URL of page n (the caller keeps its other URL state in it). */
  hrefOf: (n: number) => string;
  /** What is paged, for the navigation's name ("降额列表的页码"). */
  label: string;
  testId?: string;
};

/**
 * First, previous, next and last links around "page 3 of 20": plain links, so paging works before
 * any JavaScript has run and every page has its own URL. Nothing when there is one page.
 */
export async function Pager({ page, pages, hrefOf, label, testId }: Props) {
  if (pages <= 1) return null;
  const t = await getTranslations("common.pager");
  const link = (n: number, children: ReactNode, rel?: string) => (
    <Link href={hrefOf(n)} prefetch={false} rel={rel} className={buttonClasses("secondary", "px-2.5 sm:px-3")}>
      {children}
    </Link>
  );
  // On a phone the first and last links are their arrows alone (their names stay for screen
  // readers), so the row fits 390 px without wrapping.
  const named = (text: string) => <span className="sr-only sm:not-sr-only sm:mx-1">{text}</span>;
  const arrow = (a: string) => <span aria-hidden="true">{a}</span>;
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between gap-2" data-testid={testId}>
      <div className="flex gap-2">
        {page > 1 ? (
          <>
            {page > 2 ? link(1, <>{arrow("«")}{named(t("first"))}</>) : null}
            {link(page - 1, `‹ ${t("prev")}`, "prev")}
          </>
        ) : null}
      </div>
      <p className="shrink-0 text-sm whitespace-nowrap text-slate-600 tabular-nums dark:text-slate-400">
        {t("status", { page, pages })}
      </p>
      <div className="flex gap-2">
        {page < pages ? (
          <>
            {link(page + 1, `${t("next")} ›`, "next")}
            {page < pages - 1 ? link(pages, <>{named(t("last"))}{arrow("»")}</>) : null}
          </>
        ) : null}
      </div>
    </nav>
  );
}
