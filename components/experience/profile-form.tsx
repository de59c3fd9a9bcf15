"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { TextField } from "@/components/ui/text-field";
import { saveProfileAction } from "@/lib/actions/profile";
import { EMPLOYMENT_KINDS } from "@/lib/history/schema";
import { Select } from "@/components/ui/select";

export interface ProfileDefaults {
  monthlyIncome?: number;
  employment?: string;
  employer?: string;
  identityVerified?: boolean;
  bankCardLinked?: boolean;
  phoneVerified?: boolean;
  incomeProofOnFile?: boolean;
}

const FLAGS = ["identityVerified", "bankCardLinked", "phoneVerified", "incomeProofOnFile"] as const;

/** The "true since" date has no default: today would silently date an old fact after the drop it explains. */
export function ProfileForm({ defaults, today, drop, sinceHint }: { defaults: ProfileDefaults; today: string; drop?: string; sinceHint?: string }) {
  const t = useTranslations("experience.profile");
  const [state, action, pending] = useActionState(saveProfileAction, null);
  const errors = (state && !state.ok && state.fieldErrors) || {};
  const err = (k: string) => (errors[k] ? t(`errors.${errors[k]}` as never) : undefined);
  return (
    <form action={action} className="space-y-5" noValidate>
      {state && !state.ok && state.code !== "invalid" ? <Alert tone="error">{t("errors.failed")}</Alert> : null}
      {drop ? <input type="hidden" name="drop" value={drop} /> : null}
      <TextField name="monthlyIncome" label={t("income")} hint={t("incomeHint")} inputMode="decimal" defaultValue={defaults.monthlyIncome ?? ""} error={err("monthlyIncome")} />
      <div>
        <Label htmlFor="employment">{t("employment")}</Label>
        <Select id="employment" name="employment" defaultValue={defaults.employment ?? ""}>
          <option value="">{t("employmentUnset")}</option>
          {EMPLOYMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`employmentKinds.${k}`)}
            </option>
          ))}
        </Select>
      </div>
      <TextField name="employer" label={t("employer")} defaultValue={defaults.employer ?? ""} error={err("employer")} autoComplete="organization" />
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium">{t("verification")}</legend>
        {FLAGS.map((k) => (
          <label key={k} className="flex min-h-10 items-center gap-3 text-sm">
            <input type="checkbox" name={k} defaultChecked={defaults[k] ?? false} className="size-5 shrink-0 accent-brand-600" />
            {t(`flags.${k}`)}
          </label>
        ))}
      </fieldset>
      <TextField name="effectiveDate" type="date" label={t("effectiveDate")} hint={sinceHint ?? t("effectiveDateHint")} max={today} required error={err("effectiveDate")} />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
