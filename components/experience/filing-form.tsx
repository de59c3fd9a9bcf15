"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { TextField } from "@/components/ui/text-field";
import { recordFilingAction } from "@/lib/actions/appeals";
import { appealErrorOf } from "@/lib/appeal/validation";
import { APPEAL_OUTCOMES } from "@/lib/appeal/validation";
import { Select } from "@/components/ui/select";

export function FilingForm({ dropDate, appealId, today, defaults }: { dropDate: string; appealId: string; today: string; defaults: { filedAt: string | null; filedWith: string | null; outcome: string | null } }) {
  const t = useTranslations("experience.appeal");
  const [state, action, pending] = useActionState(recordFilingAction, null);
  const error = appealErrorOf(state);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-3 sm:items-end">
      <input type="hidden" name="dropDate" value={dropDate} />
      <input type="hidden" name="appealId" value={appealId} />
      <TextField name="filedAt" id={`filedAt-${appealId}`} type="date" label={t("filedAt")} max={today} defaultValue={defaults.filedAt ?? today} />
      <TextField name="filedWith" id={`filedWith-${appealId}`} label={t("filedWith")} placeholder={t("filedWithPlaceholder")} defaultValue={defaults.filedWith ?? ""} />
      <div>
        <Label htmlFor={`outcome-${appealId}`}>{t("outcome")}</Label>
        <Select id={`outcome-${appealId}`} name="outcome" defaultValue={defaults.outcome ?? "pending"}>
          {APPEAL_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`outcomes.${o}`)}
            </option>
          ))}
        </Select>
      </div>
      <div className="sm:col-span-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("recordFiling")}
        </Button>
      </div>
      {error ? <Alert tone="error">{t(`errors.${error}` as never)}</Alert> : null}
      {state?.ok ? <Alert>{t("filingSaved")}</Alert> : null}
    </form>
  );
}
