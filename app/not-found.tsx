import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main id="main" className="mx-auto flex w-full max-w-md flex-1 flex-col items-start justify-center gap-4 px-4 py-16">
      <h1 className="text-2xl font-semibold tracking-tight">{t("notFoundTitle")}</h1>
      <p className="text-slate-600 dark:text-slate-400">{t("notFoundBody")}</p>
      <Link href="/" className={buttonClasses("secondary")}>
        {t("home")}
      </Link>
    </main>
  );
}
