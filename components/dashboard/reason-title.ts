import "server-only";
import { getTranslations } from "next-intl/server";
import type { ReasonCode } from "@/lib/core";

/**
 * The localized title of a reason code. The titles belong to the rule core's catalogue
 * (messages/<locale>/core.json); until a code has one, a readable form of the code is shown
 * rather than a raw message key.
 */
export async function reasonTitleFor(): Promise<(code: ReasonCode) => string> {
  const t = await getTranslations();
  return (code) => {
    const key = `core.reasons.${code}.title`;
    if (t.has(key)) return t(key);
    return code.charAt(0) + code.slice(1).toLowerCase().replaceAll("_", " ");
  };
}
