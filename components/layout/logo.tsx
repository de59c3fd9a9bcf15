import Link from "next/link";

export function Logo({ label, href = "/" }: { label: string; href?: string }) {
  return (
    <Link href={href} className="flex items-center gap-2 rounded-md font-semibold tracking-tight">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-7 text-brand-600 dark:text-brand-400">
        <rect x="1" y="1" width="22" height="22" rx="6" fill="currentColor" opacity="0.15" />
        <path d="M5 15l4-4 3 3 6-7" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span>{label}</span>
    </Link>
  );
}
