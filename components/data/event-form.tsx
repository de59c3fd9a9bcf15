"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { TextField } from "@/components/ui/text-field";
import { saveEventAction } from "@/lib/actions/events";
import { errorMessageKey } from "@/lib/events/error-keys";
import { EVENT_FORM_FIELDS, formToCandidate, validateEvent, type FieldErrors, type FormField } from "@/lib/events/form-fields";
import type { EventType } from "@/lib/history/schema";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

type Props = {
  /** Present when editing: the row to replace (its type cannot change). */
  rowId?: string;
  type: EventType;
  /** Types offered when adding; profile changes have their own page. */
  types?: readonly EventType[];
  initial?: Record<string, string>;
  today: string;
};

/**
 * Adds or edits one event of any type. The fields come from the history-v1 schema and are
 * checked by it here, before the round trip, and again by the server action.
 */
export function EventForm({ rowId, type: initialType, types, initial = {}, today }: Props) {
  const t = useTranslations("data");
  const router = useRouter();
  const [type, setType] = useState<EventType>(initialType);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const message = (raw?: string) => {
    if (!raw) return undefined;
    const { key, values } = errorMessageKey(raw);
    return t(`errors.${key}` as never, values as never);
  };

  const submit = (form: HTMLFormElement) => {
    const values = Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, String(v)]));
    const candidate = formToCandidate(type, values);
    const checked = validateEvent(candidate);
    setFailure(null);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    start(async () => {
      const res = await saveEventAction({ rowId, event: candidate });
      if (res.ok) {
        router.push("/data?saved=1");
        router.refresh();
      } else if (res.fieldErrors) setErrors(res.fieldErrors);
      else setFailure(res.code === "notFound" ? t("form.notFound") : t("form.failed"));
    });
  };

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form
      noValidate
      className="space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
    >
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {hasErrors ? <Alert tone="error">{errors.form ? message(errors.form) : t("form.fixErrors")}</Alert> : null}
      {types ? (
        <div>
          <Label htmlFor="event-type">{t("form.type")}</Label>
          <Select
            id="event-type"
            value={type}
            onChange={(e) => {
              setType(e.target.value as EventType);
              setErrors({});
            }}
          >
            {types.map((k) => (
              <option key={k} value={k}>
                {t(`types.${k}`)}
              </option>
            ))}
          </Select>
          <p className="mt-1.5 text-sm text-slate-500 dark:text-slate-400">
            {t("profileLink")}{" "}
            <Link href="/profile" className="font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-300">
              {t("profileEdit")}
            </Link>
          </p>
        </div>
      ) : null}
      {/* Keyed by type: switching type starts from clean fields rather than carrying values across. */}
      <div key={type} className="space-y-5">
        {EVENT_FORM_FIELDS[type].map((f) => (
          <Field key={f.name} field={f} initial={initial[f.name] ?? (f.name === "date" && !rowId ? today : "")} today={today} error={message(errors[f.name])} />
        ))}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? t("form.saving") : t("form.save")}
        </Button>
        <Link href="/data" className={buttonClasses("ghost")}>
          {t("form.cancel")}
        </Link>
      </div>
    </form>
  );
}

function Field({ field: f, initial, today, error }: { field: FormField; initial: string; today: string; error?: string }) {
  const t = useTranslations("data");
  const label = `${t(`fields.${f.name}` as never)}${f.required ? "" : ` (${t("form.optional")})`}`;
  const id = `field-${f.name}`;
  const describedBy = error ? `${id}-error` : undefined;
  if (f.kind === "enum" || f.kind === "boolean") {
    const options = f.kind === "boolean" ? ["true", "false"] : (f.options ?? []);
    return (
      <div>
        <Label htmlFor={id}>{label}</Label>
        <Select id={id} name={f.name} defaultValue={initial} aria-invalid={error ? true : undefined} aria-describedby={describedBy}>
          <option value="">{t("options.unset")}</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {f.kind === "boolean" ? t(o === "true" ? "options.yes" : "options.no") : t(`options.${o}` as never)}
            </option>
          ))}
        </Select>
        <FieldError id={`${id}-error`} message={error} />
      </div>
    );
  }
  if (f.kind === "longText") {
    return (
      <div>
        <Label htmlFor={id}>{label}</Label>
        <Textarea id={id} name={f.name} defaultValue={initial} rows={3} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
        <FieldError id={`${id}-error`} message={error} />
      </div>
    );
  }
  return (
    <TextField
      id={id}
      name={f.name}
      label={label}
      defaultValue={initial}
      error={error}
      {...(f.kind === "date" ? { type: "date", max: f.name === "date" ? today : undefined } : {})}
      {...(f.kind === "number" ? { inputMode: "decimal" as const } : {})}
    />
  );
}
