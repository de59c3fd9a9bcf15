import "server-only";
import { getLocale } from "next-intl/server";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { formatDay } from "@/lib/i18n/core-format";

/** The reader's locale for the core's texts, and its date format (the same as in the texts). */
export async function coreLocale(): Promise<{ lang: Locale; day: (d: string) => string }> {
  const raw = await getLocale();
  const lang = isLocale(raw) ? raw : "en";
  return { lang, day: (d: string) => formatDay(d, lang) };
}
