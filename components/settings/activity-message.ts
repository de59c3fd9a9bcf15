/**
 * Which message (under settings.activity.actions) describes an activity-log row, and with what
 * values. Message keys cannot contain dots (next-intl nests on them), so "token.created" reads
 * "token_created". The detail column is free JSON written by several modules: only string values
 * are used, clipped, and a row of an unknown action still shows its raw name rather than nothing.
 */
const KNOWN = new Set(["signin", "signin_locked", "password_changed", "email_changed", "sessions_revoked", "token_created", "token_revoked", "export", "import", "api_import", "import_screenshot"]);

export type ActivityMessage = { key: string; values: Record<string, string> };

export function activityMessage(action: string, detail: unknown): ActivityMessage {
  const key = action.replace(/\./g, "_");
  const values: Record<string, string> = {};
  if (detail && typeof detail === "object" && !Array.isArray(detail)) {
    for (const name of ["from", "to", "name", "prefix", "format"]) {
      const v = (detail as Record<string, unknown>)[name];
      values[name] = typeof v === "string" ? v.slice(0, 120) : "";
    }
    // Counts (the screenshot import's "N screenshots read, M observations saved").
    for (const name of ["screenshots", "observations"]) {
      const v = (detail as Record<string, unknown>)[name];
      if (typeof v === "number" && Number.isInteger(v)) values[name] = String(v);
    }
  }
  if (!KNOWN.has(key)) return { key: "other", values: { action: action.slice(0, 60) } };
  for (const name of ["from", "to", "name", "prefix", "format"]) values[name] ??= "";
  if (key === "import_screenshot") for (const name of ["screenshots", "observations"]) values[name] ??= "0";
  return { key, values };
}
