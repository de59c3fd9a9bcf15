"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { recordLimitChangeAction } from "@/lib/actions/limit-change";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { checkLimitChange, errorCode, type LimitChangeErrors } from "@/lib/limit-change/check";

type Props = {
  /** Today in Asia/Shanghai: the default day of the change and the latest one allowed. */
  today: string;
  /** The latest limit on file: the form then offers it as the previous value. */
  last: { day: string; value: number } | null;
  currency: string;
  /** Prefix of the fields' ids, so two forms could share a page. */
  idPrefix?: string;
};

/**
 * "My limit changed": the previous and the new limit, the day (today unless changed) and an
 * optional score. Checked here with the action's own schema, then saved; a drop lands on its
 * explanation. Numeric keyboards on phones (inputMode), no autofocus (a keyboard that opens by
 * itself hides the page the borrower came to read).
 */
export function LimitChangeForm({ today, last, currency, idPrefix = "limit-change" }: Props) {
  const t = useTranslations("firstVisit.form");
  const format = useFormatter();
  const router = useRouter();
  const [errors, setErrors] = useState<LimitChangeErrors>({});
  const [pending, start] = useTransition();
  const id = (name: string) => `${idPrefix}-${name}`;
  const message = (field: keyof LimitChangeErrors) => (errors[field] ? t(`errors.${errors[field]}`) : undefined);
  const money = (v: number) => format.number(v, { style: "currency", currency, currencyDisplay: "narrowSymbol", maximumFractionDigits: Number.isInteger(v) ? 0 : 2 });
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00+08:00`), { year: "numeric", month: "short", day: "numeric" });

  const submit = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "");
    const input = { previous: text("previous"), current: text("current"), date: text("date"), score: text("score") };
    const checked = checkLimitChange(input, today);
    if (!checked.ok) return setErrors(checked.errors);
    if (checked.value.previous === undefined && !last) return setErrors({ previous: "previousRequired" });
    setErrors({});
    start(async () => {
      const res = await recordLimitChangeAction(input);
      if (res.ok) return router.push(res.data.href);
      const fields = Object.fromEntries(Object.entries(res.fieldErrors ?? {}).map(([k, v]) => [k, errorCode(v)]));
      setErrors(res.code === "invalid" && Object.keys(fields).length > 0 ? fields : { form: "failed" });
    });
  };

  const fieldErrors = Object.keys(errors).filter((k) => k !== "form").length > 0;
  return (
    <form
      noValidate
      className="space-y-4"
      data-testid="limit-change-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
    >
      {errors.form ? <Alert tone="error">{message("form")}</Alert> : fieldErrors ? <Alert tone="error">{t("fixErrors")}</Alert> : null}
      <div className="grid grid-cols-2 gap-x-3 gap-y-4">
        <div className="col-span-2 sm:col-span-1">
          <TextField
            id={id("previous")}
            name="previous"
            label={t("previous")}
            hint={last ? t("previousHintOnFile", { amount: money(last.value), date: day(last.day) }) : t("previousHint")}
            error={message("previous")}
            defaultValue={last ? String(last.value) : undefined}
            inputMode="decimal"
            autoComplete="off"
            required={!last}
          />
        </div>
        <div className="col-span-2 sm:col-span-1">
          <TextField id={id("current")} name="current" label={t("current")} hint={t("currentHint")} error={message("current")} inputMode="decimal" autoComplete="off" required />
        </div>
        <TextField id={id("date")} name="date" type="date" label={t("date")} hint={t("dateHint")} error={message("date")} defaultValue={today} max={today} required />
        <TextField id={id("score")} name="score" label={t("score")} hint={t("scoreHint")} error={message("score")} inputMode="numeric" autoComplete="off" />
      </div>
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("pending") : t("submit")}
      </Button>
    </form>
  );
}
