"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";

export type NavItem = { href: string; label: string };

/**
 * The signed-in area's navigation; the current section is marked for screen readers too. `action`
 * (record my limit) is never scrolled out of sight: beside the sections where they leave room, on
 * its own line below them on a narrow phone (the sections then scroll on theirs).
 *
 * The links prefetch on intent (pointer over, touch, keyboard focus), not when they scroll into
 * view: six sections prefetched as every page loads were a dozen requests and their parsing on a
 * phone's main thread while it was still hydrating the page the borrower came for.
 */
export function AppNav({ items, label, action }: { items: NavItem[]; label: string; action?: NavItem }) {
  const pathname = usePathname();
  const router = useRouter();
  const intent = (href: string) => ({ onPointerEnter: () => router.prefetch(href), onTouchStart: () => router.prefetch(href), onFocus: () => router.prefetch(href) });
  return (
    <nav aria-label={label} className="-mx-1 flex flex-wrap items-center gap-x-2 gap-y-1">
      <ul className="flex min-w-0 max-w-full gap-1 overflow-x-auto px-1">
        {items.map((item) => {
          const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                prefetch={false}
                {...intent(item.href)}
                aria-current={current ? "page" : undefined}
                className={`inline-flex min-h-10 items-center whitespace-nowrap rounded-lg px-3 text-sm font-medium transition-colors ${
                  current
                    ? "bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-brand-300"
                    : "text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
      {action ? (
        <Link
          href={action.href}
          prefetch={false}
          {...intent(action.href)}
          aria-current={pathname === action.href ? "page" : undefined}
          className="mr-1 ml-auto inline-flex min-h-10 shrink-0 items-center gap-1 whitespace-nowrap rounded-lg bg-brand-600 px-3 text-sm font-medium text-white shadow-sm hover:bg-brand-700 dark:bg-brand-500 dark:text-slate-950 dark:hover:bg-brand-400"
          data-testid="record-limit"
        >
          <span aria-hidden="true">+</span>
          {action.label}
        </Link>
      ) : null}
    </nav>
  );
}
