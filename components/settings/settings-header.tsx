import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Title and lead of a settings sub-page, with the way back to the index. */
export async function SettingsHeader({ title, lead }: { title: string; lead?: string }) {
  const t = await getTranslations("settings");
  return (
    <div>
      <Link href="/settings" className="text-sm text-brand-700 underline-offset-4 hover:underline dark:text-brand-300">
        ← {t("back")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{title}</h1>
      {lead ? <p className="mt-1 max-w-2xl text-slate-600 dark:text-slate-400">{lead}</p> : null}
    </div>
  );
}
