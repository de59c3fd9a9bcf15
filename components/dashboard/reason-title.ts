import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { Reason } from "@/lib/core";
import { isLocale, DEFAULT_LOCALE } from "@/lib/i18n/config";
import { reasonText } from "@/lib/i18n/core-text";

export type ReasonLabel = { title: string; detail: string };

/**
 * A reason as the dashboard shows it: a short localized title (app catalogue, `reasonTitles`)
 * and the rule core's own sentence with its evidence figures (lib/i18n/core-text.ts), so the
 * dashboard, the API and the explain command word a reason the same way.
 */
export async function reasonLabeller(currency = "CNY"): Promise<(reason: Reason) => ReasonLabel> {
  const [t, rawLocale] = await Promise.all([getTranslations("reasonTitles"), getLocale()]);
  const locale = isLocale(rawLocale) ? rawLocale : DEFAULT_LOCALE;
  return (reason) => ({
    title: t.has(reason.code) ? t(reason.code) : reason.code,
    detail: reasonText(reason, locale, { currency }),
  });
}
