import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("common");
  return (
    <footer className="mt-auto border-t border-slate-200 dark:border-slate-800">
      <p className="mx-auto max-w-5xl px-4 py-6 text-xs leading-relaxed text-slate-500 dark:text-slate-400">{t("footer")}</p>
    </footer>
  );
}
