import { readdir } from "node:fs/promises";
import path from "node:path";
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, TIME_ZONE, resolveLocale, type Locale } from "./config";

type Messages = Record<string, unknown>;

// Every module keeps its strings in its own messages/<locale>/<module>.json (app, core, experience,
// …). Files are found at run time so a module adds one without touching this file; a missing or
// broken file must not take the whole UI down.
async function loadModuleMessages(locale: Locale): Promise<Messages> {
  let files: string[] = [];
  try {
    files = (await readdir(path.join(process.cwd(), "messages", locale))).filter((f) => f.endsWith(".json") && f !== "app.json").sort();
  } catch {
    files = ["core.json", "experience.json"];
  }
  const loaded = await Promise.all(
    files.map((f) =>
      import(`../../messages/${locale}/${f.slice(0, -5)}.json`).then(
        (m) => m.default as Messages,
        () => ({}),
      ),
    ),
  );
  return Object.assign({}, ...loaded) as Messages;
}

export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
  const [app, modules] = await Promise.all([
    import(`../../messages/${locale}/app.json`).then((m) => m.default as Messages),
    loadModuleMessages(locale),
  ]);
  // Namespaces do not overlap (each module's live under its own keys), so a shallow merge suffices.
  return { locale, timeZone: TIME_ZONE, messages: { ...modules, ...app } };
});
