import { getTranslations } from "next-intl/server";
import type { Growth, SimulatedSignal, StepCode } from "@/lib/core";
import { STEP_ANSWERS } from "@/lib/core";
import { codeName, stepText } from "@/lib/i18n/core-text";
import { Card, CardTitle } from "@/components/ui/card";
import { coreLocale } from "./growth-format";

/** The step that answers a blocker first (the growth's own step list is in rank order). */
function stepFor(growth: Growth, code: string): StepCode | null {
  const own = growth.steps.find((s) => (s.reasonCodes as string[]).includes(code));
  if (own) return own.code;
  const any = (Object.keys(STEP_ANSWERS) as StepCode[]).find((s) => (STEP_ANSWERS[s] as readonly string[]).includes(code));
  return any ?? null;
}

/**
 * The what-if for a flat limit: when each growth blocker clears, by itself (the core's clearsOn)
 * or under the plan simulated on this page, or which step it needs.
 */
export async function GrowthClears({ growth, signals }: { growth: Growth | null | undefined; signals: SimulatedSignal[] | null }) {
  if (!growth) return null;
  const [t, { lang, day }] = await Promise.all([getTranslations("growth.whatIf"), coreLocale()]);
  return (
    <Card aria-labelledby="growth-clears-title" data-testid="growth-clears">
      <CardTitle id="growth-clears-title">{t("title")}</CardTitle>
      <ul className="mt-4 space-y-3">
        {growth.blockers.map((b) => {
          const simulated = signals?.filter((s) => s.code === b.code) ?? [];
          const planned = simulated.length && simulated.every((s) => s.clearsOn) ? simulated.map((s) => s.clearsOn!).sort().at(-1)! : null;
          const step = stepFor(growth, b.code);
          const line = planned
            ? t("withPlan", { date: day(planned) })
            : b.clearsOn
              ? t("byTime", { date: day(b.clearsOn) })
              : simulated.some((s) => s.activeAtEnd)
                ? t("stillActive")
                : step
                  ? t("needsAction", { step: stepText({ code: step }, lang) })
                  : t("stillActive");
          return (
            <li key={b.code} className={`border-l-4 pl-3 ${planned || b.clearsOn ? "border-emerald-500" : "border-amber-400"}`} data-blocker={b.code}>
              <p className="text-sm font-medium">{codeName(b.code, lang)}</p>
              <p className="text-sm text-slate-600 dark:text-slate-400">{line}</p>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
