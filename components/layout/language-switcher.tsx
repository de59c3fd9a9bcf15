import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/lib/actions/locale";
import { LOCALES, type Locale } from "@/lib/i18n/config";

// A plain form ignores what its action answers (an unknown locale is simply not applied).
const switchLocale = setLocale as unknown as (form: FormData) => Promise<void>;

// Each language is named in itself, so a reader who cannot read the current UI still finds theirs.
const LABELS: Record<Locale, { short: string; full: string; lang: string }> = {
  en: { short: "EN", full: "English", lang: "en" },
  "zh-CN": { short: "中文", full: "简体中文", lang: "zh-CN" },
};

/** A plain form posting to a server action: it works before hydration and without JavaScript. */
export async function LanguageSwitcher() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("common")]);
  return (
    <form action={switchLocale} aria-label={t("language")} className="flex items-center rounded-lg border border-slate-200 p-0.5 text-sm dark:border-slate-700">
      {LOCALES.map((l) => {
        const active = l === locale;
        return (
          <button
            key={l}
            type="submit"
            name="locale"
            value={l}
            lang={LABELS[l].lang}
            title={LABELS[l].full}
            aria-pressed={active}
            className={`min-h-9 rounded-md px-2.5 font-medium transition-colors ${
              active
                ? "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900"
                : "text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
            }`}
          >
            {LABELS[l].short}
          </button>
        );
      })}
    </form>
  );
}
