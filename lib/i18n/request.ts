import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, TIME_ZONE, resolveLocale, type Locale } from "./config";

type Messages = Record<string, unknown>;

// The rule core's texts (messages/<locale>/core.json) belong to another module and may not exist
// yet in every checkout: a missing file must not take the whole UI down.
async function loadCoreMessages(locale: Locale): Promise<Messages> {
  try {
    return (await import(`../../messages/${locale}/core.json`)).default as Messages;
  } catch {
    return {};
  }
}

export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
  const [app, core] = await Promise.all([
    import(`../../messages/${locale}/app.json`).then((m) => m.default as Messages),
    loadCoreMessages(locale),
  ]);
  // Namespaces do not overlap (the core's live under its own keys), so a shallow merge suffices.
  return { locale, timeZone: TIME_ZONE, messages: { ...core, ...app } };
});
