import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FirstRunGuide } from "@/components/experience/first-run-guide";
import { serverFormat } from "@/components/experience/server-format";
import { GrowthClears } from "@/components/growth/growth-clears";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import type { SimulatedSignal } from "@/lib/core";
import { getDashboard } from "@/lib/data/dashboard";
import { cachedExplanation } from "@/lib/data/explanation-cache";
import { simulateHistory } from "@/lib/data/what-if";
import { HORIZONS, plannedActions, whatIfQuery } from "@/lib/recovery/what-if";
import { db } from "@/lib/db";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("experience.whatIf");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const CHECKS = ["noNewApplications", "repayOnSchedule", "completeProfile", "keepUsingAccount"] as const;

/** A GET form: the plan lives in the URL, so the result is server-rendered and works without JavaScript. */
export default async function WhatIfPage({ searchParams }: Props) {
  const user = await requireUser();
  const raw = await searchParams;
  const parsed = whatIfQuery.safeParse(raw);
  const q = parsed.success ? parsed.data : whatIfQuery.parse({});
  // Today's assessment from the dashboard's cached view and the explanation from the shared
  // cache (the view first: when stale it recomputes both rows); the history itself is read only to
  // simulate, in the worker pool when large (lib/data/what-if.ts).
  const view = (await getDashboard(db, { userId: user.id })).view();
  const { context, explanation } = await cachedExplanation(db, { userId: user.id });
  const [t, tn, tm, fmt] = await Promise.all([
    getTranslations("experience.whatIf"),
    getTranslations("experience.reasonNames"),
    getTranslations("core.signals.metrics"),
    serverFormat(user.currency),
  ]);
  const actions = plannedActions(q);
  const ran = Object.keys(raw).length > 0 && view.eventCount > 0;
  const sim = ran ? await simulateHistory(db, { userId: user.id, actions, horizonDays: q.horizon, asOf: view.assessment?.asOf, context }) : null;
  const rows = (sim?.signals ?? []).filter((s) => s.activeAtStart || s.becomesActiveOn);
  const label = (s: SimulatedSignal) => `${tn(s.code)} — ${tm.has(s.metric) ? tm(s.metric) : s.metric}`;

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t("lead")}</p>
      </header>
      {view.eventCount === 0 ? <FirstRunGuide /> : null}
      <Card>
        <form method="get" className="space-y-4">
          <fieldset className="space-y-2">
            <legend className="mb-1 font-medium">{t("actionsLegend")}</legend>
            {CHECKS.map((k) => (
              <label key={k} className="flex min-h-10 items-center gap-3 text-sm">
                <input type="checkbox" name={k} defaultChecked={q[k]} className="size-5 shrink-0 accent-brand-600" />
                {t(`actions.${k}`)}
              </label>
            ))}
          </fieldset>
          <div className="grid gap-4 sm:grid-cols-3">
            <label className="text-sm font-medium">
              {t("payDown")}
              <Select name="payDown" defaultValue={q.payDown ?? ""} className="mt-1.5">
                <option value="">{t("payDownNone")}</option>
                <option value="0.5">{t("payDownTo", { pct: 50 })}</option>
                <option value="0.3">{t("payDownTo", { pct: 30 })}</option>
                <option value="0">{t("payDownAll")}</option>
              </Select>
            </label>
            <label className="text-sm font-medium">
              {t("income")}
              <Input name="income" inputMode="decimal" defaultValue={q.income ?? ""} className="mt-1.5" />
            </label>
            <label className="text-sm font-medium">
              {t("horizon")}
              <Select name="horizon" defaultValue={q.horizon} className="mt-1.5">
                {HORIZONS.map((h) => (
                  <option key={h} value={h}>
                    {t("days", { days: h })}
                  </option>
                ))}
              </Select>
            </label>
          </div>
          {!parsed.success ? <Alert tone="error">{t("invalid")}</Alert> : null}
          <Button type="submit">{t("run")}</Button>
        </form>
      </Card>
      {sim ? (
        <Card aria-live="polite" data-testid="what-if-result">
          <CardTitle>{t("resultTitle", { from: fmt.day(sim.asOf), until: fmt.day(sim.until) })}</CardTitle>
          {rows.length === 0 ? (
            <p className="mt-3 text-sm">{t("nothingActive")}</p>
          ) : (
            <ul className="mt-4 space-y-3">
              {rows.map((s) => (
                <li key={`${s.code}-${s.metric}`} className={`border-l-4 pl-3 ${s.activeAtEnd ? "border-amber-400" : "border-emerald-500"}`}>
                  <p className="text-sm font-medium">{label(s)}</p>
                  <p className="text-sm text-slate-600 dark:text-slate-400">
                    {s.clearsOn ? t("clearsOn", { date: fmt.day(s.clearsOn) }) : s.becomesActiveOn ? t("becomesActive", { date: fmt.day(s.becomesActiveOn) }) : t("staysActive")}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-4 text-xs text-slate-500 dark:text-slate-400">{t("caveat")}</p>
        </Card>
      ) : null}
      <GrowthClears growth={explanation.growth} signals={sim?.signals ?? null} />
    </div>
  );
}
