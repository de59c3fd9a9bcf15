import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { LanguageSwitcher } from "./language-switcher";
import { Logo } from "./logo";

/** Header of the pages a visitor sees before signing in (landing, sign-in, sign-up). */
export async function PublicHeader() {
  const t = await getTranslations("common");
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Logo label={t("appName")} />
        <div className="flex items-center gap-2">
          <LanguageSwitcher />
          <Link href="/sign-in" className={buttonClasses("ghost", "hidden sm:inline-flex")}>
            {t("signIn")}
          </Link>
          <Link href="/sign-up" className={buttonClasses("primary")}>
            {t("signUp")}
          </Link>
        </div>
      </div>
    </header>
  );
}
