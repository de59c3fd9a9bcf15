import "server-only";
import { getLocale } from "next-intl/server";
import { formatDay, formatMoney } from "@/lib/i18n/format";

/** The app's money and long-date formatter bound to the request's locale and the borrower's currency. */
export async function serverFormat(currency: string) {
  const locale = await getLocale();
  return {
    money: (v: number) => formatMoney(locale, v, currency),
    day: (day: string) => formatDay(locale, day, "long"),
  };
}
