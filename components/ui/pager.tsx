import Link from "next/link";
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
  const link = (n: number, text: string, rel?: string) => (
    <Link href={hrefOf(n)} prefetch={false} rel={rel} className={buttonClasses("secondary", "px-2.5 sm:px-3")}>
      {text}
    </Link>
  );
  // On a phone the first and last links are their arrows alone (their names stay for screen
  // readers), so the row fits 390 px without wrapping.
  const end = (n: number, arrow: string, text: string, before: boolean) => (
    <Link href={hrefOf(n)} prefetch={false} className={buttonClasses("secondary", "px-2.5 sm:px-3")}>
      {before ? <span aria-hidden="true">{arrow}</span> : null}
      <span className="sr-only sm:not-sr-only sm:mx-1">{text}</span>
      {before ? null : <span aria-hidden="true">{arrow}</span>}
    </Link>
  );
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between gap-2" data-testid={testId}>
      <div className="flex gap-2">
        {page > 1 ? (
          <>
            {page > 2 ? end(1, "«", t("first"), true) : null}
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
            {page < pages - 1 ? end(pages, "»", t("last"), false) : null}
          </>
        ) : null}
      </div>
    </nav>
  );
}
