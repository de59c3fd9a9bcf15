/**
 * A translator for one namespace of the message catalogues, rendered with use-intl's
 * createTranslator (no React), for text made outside a page: the explain command, notifications,
 * e-mail and the calendar feed. One per locale, made on first use. A missing message or value
 * shows its key, never throws.
 */
import { createTranslator } from "use-intl/core";
import { TIME_ZONE, type Locale } from "./config";

type Values = Record<string, string | number>;
export type NamespaceTranslate = ((key: string, values?: Values) => string) & { has: (key: string) => boolean };

/** `(locale) => t` for `namespace` of `messages` (each locale's catalogue file). */
export function namespaceTranslator(messages: Record<Locale, Record<string, unknown>>, namespace: string): (locale: Locale) => NamespaceTranslate {
  const cache = new Map<Locale, NamespaceTranslate>();
  return (locale) => {
    let t = cache.get(locale);
    if (!t) {
      const raw = createTranslator({
        locale,
        timeZone: TIME_ZONE,
        messages: messages[locale],
        namespace,
        onError: () => {},
        getMessageFallback: ({ key, namespace: ns }) => `${ns}.${key}`,
      }) as unknown as ((k: string, v?: Values) => string) & { has: (k: string) => boolean };
      t = Object.assign((key: string, values?: Values) => raw(key, values), { has: (key: string) => raw.has(key) });
      cache.set(locale, t);
    }
    return t;
  };
}
