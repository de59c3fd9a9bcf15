import Link from "next/link";

/**
 * The bell in the header: a link to the notification centre, its unread count spoken in its name.
 * Not prefetched: every signed-in page would fetch the centre as it loads (see app-nav.tsx).
 */
export function NotificationBell({ count, label }: { count: number; label: string }) {
  const shown = count > 99 ? "99+" : String(count);
  return (
    <Link
      href="/notifications"
      prefetch={false}
      aria-label={label}
      data-testid="notification-bell"
      className="relative inline-flex size-11 items-center justify-center rounded-lg text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 ? (
        <span aria-hidden="true" className="absolute right-1 top-1 min-w-5 rounded-full bg-rose-600 px-1 text-center text-xs font-semibold leading-5 text-white dark:bg-rose-500">
          {shown}
        </span>
      ) : null}
    </Link>
  );
}
