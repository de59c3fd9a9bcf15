import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

const SECTIONS = [
  { key: "account", href: "/settings/account" },
  { key: "security", href: "/settings/security" },
  { key: "tokens", href: "/settings/tokens" },
  { key: "activity", href: "/settings/activity" },
  { key: "privacy", href: "/settings/privacy" },
] as const;

export default async function SettingsPage() {
  await requireUser();
  const [t, tn] = await Promise.all([getTranslations("settings"), getTranslations("notifications.sections")]);
  const sections = [
    ...SECTIONS.map((s) => ({ key: s.key, href: s.href, title: t(`sections.${s.key}.title`), body: t(`sections.${s.key}.body`) })),
    ...(["notifications", "calendar"] as const).map((key) => ({ key, href: `/settings/${key}`, title: tn(`${key}.title`), body: tn(`${key}.body`) })),
  ];
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t("lead")}</p>
      </div>
      <ul className="grid gap-3 sm:grid-cols-2">
        {sections.map((s) => (
          <li key={s.key}>
            <Link
              href={s.href}
              className="block h-full rounded-2xl border border-slate-200 bg-white p-5 shadow-sm transition-colors hover:border-brand-300 focus-visible:border-brand-500 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-brand-700"
            >
              <span className="font-semibold">{s.title}</span>
              <span className="mt-1 block text-sm text-slate-600 dark:text-slate-400">{s.body}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
