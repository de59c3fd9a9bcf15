/**
 * The message namespaces client components read (useTranslations in "use client" files). Only
 * these reach the browser: the whole catalogue rode along in every page's RSC payload, most of it
 * for server components that had already rendered their text. client-messages.test.ts fails when a
 * client component reads a namespace that is not listed here.
 */
export const CLIENT_NAMESPACES = [
  "auth",
  "errors",
  "data",
  "bills",
  "tokens",
  "notifications.settings",
  "notifications.calendar",
  "experience.chart",
  "experience.drop",
  "experience.profile",
  "experience.appeal",
  "experience.recovery",
  "recovery.appeal",
  "screenshots",
  "firstVisit.form",
  "firstVisit.chart",
  "trust.signUp",
] as const;

type Messages = Record<string, unknown>;

/** The listed namespaces (dotted paths) of a catalogue, nested as in the catalogue. */
export function pickMessages(messages: Messages, namespaces: readonly string[] = CLIENT_NAMESPACES): Messages {
  const out: Messages = {};
  for (const ns of namespaces) {
    const path = ns.split(".");
    let from: unknown = messages;
    for (const key of path) from = from && typeof from === "object" ? (from as Messages)[key] : undefined;
    if (from === undefined) continue;
    let to = out;
    for (const key of path.slice(0, -1)) to = (to[key] ??= {}) as Messages;
    to[path[path.length - 1]!] = from;
  }
  return out;
}
