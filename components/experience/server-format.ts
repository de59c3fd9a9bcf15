import "server-only";
import { getFormatter } from "next-intl/server";

/** Money without decimals and calendar days in the UI locale (days in UTC: they are calendar days). */
export async function serverFormat(currency: string) {
  const format = await getFormatter();
  return {
    money: (v: number) => format.number(v, { style: "currency", currency, currencyDisplay: "narrowSymbol", maximumFractionDigits: 0 }),
    day: (day: string) => format.dateTime(new Date(`${day.slice(0, 10)}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" }),
  };
}
