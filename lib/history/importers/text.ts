/**
 * Importers speak the page's language: every refusal, skip reason and problem is written in
 * Chinese or English by the importer itself, so the page, the API and the CLI say the same thing.
 */
export type Lang = "zh" | "en";
export type Bilingual = { zh: string; en: string };

/** The page locale ("zh-CN", "en", …) as an importer language. */
export function langOf(locale: string | undefined | null): Lang {
  return locale?.toLowerCase().startsWith("zh") ? "zh" : "en";
}

export function pick(text: Bilingual, lang: Lang): string {
  return text[lang];
}
