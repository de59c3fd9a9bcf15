import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { SessionKeepAlive } from "@/components/auth/session-keep-alive";
import { AppNav } from "@/components/layout/app-nav";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { Logo } from "@/components/layout/logo";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { SiteFooter } from "@/components/layout/site-footer";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { requireUser } from "@/lib/auth/session";
import { countUnread } from "@/lib/data/notifications";
import { db } from "@/lib/db";

// Every request re-checks the session against the database (sessionVersion), so nothing here is static.
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  // The layout checks too, but each page and action still calls requireUser() itself:
  // layouts do not re-run on every navigation, so they cannot be the only guard.
  const user = await requireUser();
  const [tCommon, tNav, tFirst, tNotes, unread] = await Promise.all([
    getTranslations("common"),
    getTranslations("nav"),
    getTranslations("firstVisit.nav"),
    getTranslations("notifications"),
    countUnread(db, { userId: user.id }),
  ]);
  const items = [
    { href: "/dashboard", label: tNav("dashboard") },
    { href: "/data", label: tNav("data") },
    { href: "/recovery", label: tNav("recovery") },
    { href: "/profile", label: tNav("profile") },
    { href: "/settings", label: tNav("settings") },
  ];
  return (
    <>
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 pt-3 sm:pb-3">
          <Logo label={tCommon("appName")} href="/dashboard" />
          <div className="flex items-center gap-2">
            <span className="hidden max-w-48 truncate text-sm text-slate-500 md:inline dark:text-slate-400">{user.email}</span>
            <NotificationBell count={unread} label={unread > 0 ? tNotes("bellUnread", { count: unread }) : tNotes("bell")} />
            <LanguageSwitcher />
            <SignOutButton label={tCommon("signOut")} pendingLabel={tCommon("signingOut")} />
          </div>
        </div>
        <div className="mx-auto max-w-5xl px-4 pb-2">
          <AppNav items={items} label={tCommon("mainNav")} action={{ href: "/limit-change", label: tFirst("record") }} />
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
        {children}
      </main>
      <SiteFooter />
      <SessionKeepAlive />
    </>
  );
}
