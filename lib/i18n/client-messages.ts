/**
 * The message namespaces client components read (useTranslations in "use client" files). Only
 * these reach the browser: the whole catalogue rode along in every page's RSC payload, most of it
 * for server components that had already rendered their text. client-messages.test.ts fails when a
 * client component reads a namespace that is not listed here. The route segments below hand them
 * out (SEGMENT_CLIENT_NAMESPACES), not the root layout.
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

/**
 * What the root layout hands to every page: app/error.tsx's strings. Everything else comes from the
 * segment that needs it, so a page with no translated client component carries no catalogue.
 */
export const ROOT_CLIENT_NAMESPACES = ["errors"] as const;

/**
 * The segments (folders under app/) whose layout passes client components their messages, through
 * components/i18n/client-messages.tsx. The dashboard gets only what its own client components read
 * (the chart's interactive view once the borrower reaches for it, and the first-limit form of an
 * account without one): the whole list was 25 KB of its document, ahead of its first frame, with
 * nothing on the page reading it at load. client-messages.test.ts walks each segment's imports and
 * fails when a client component it reaches reads a namespace its segment does not hand out, or
 * when the dashboard hands out one nothing reads.
 */
export const SEGMENT_CLIENT_NAMESPACES = {
  "(app)/dashboard": ["experience.chart", "firstVisit.chart.lane", "firstVisit.form"],
  "(app)/data": CLIENT_NAMESPACES,
  "(app)/drops": CLIENT_NAMESPACES,
  "(app)/limit-change": CLIENT_NAMESPACES,
  "(app)/notifications": CLIENT_NAMESPACES,
  "(app)/profile": CLIENT_NAMESPACES,
  "(app)/recovery": CLIENT_NAMESPACES,
  "(app)/settings": CLIENT_NAMESPACES,
  "(app)/what-if": CLIENT_NAMESPACES,
  "(auth)": CLIENT_NAMESPACES,
} as const satisfies Record<string, readonly string[]>;

export type ClientSegment = keyof typeof SEGMENT_CLIENT_NAMESPACES;

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
