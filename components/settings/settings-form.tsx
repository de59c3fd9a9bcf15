"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { Action } from "@/lib/auth/guards";
import type { AuthErrorKey } from "@/lib/auth/validation";

export type SettingsField = { name: string; label: string; type: "password" | "email"; autoComplete: string; hint?: string };

type Props<T> = {
  action: Action<T>;
  fields: SettingsField[];
  submit: string;
  submitting: string;
  success: string;
  variant?: ButtonVariant;
  testId?: string;
};

/**
 * One form for the settings actions: plain inputs posted to a server action (works before
 * hydration), each field's error under it in the reader's language (keys under `auth.errors`),
 * focus on the first field in error, and the fields cleared after success so no password lingers.
 */
export function SettingsForm<T>({ action, fields, submit, submitting, success, variant = "primary", testId }: Props<T>) {
  const t = useTranslations("auth.errors");
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const fieldErrors: Partial<Record<string, string>> = (state && !state.ok && state.fieldErrors) || {};
  // "invalid" is shown under the fields; any other refusal (e.g. "unexpected") above them.
  const formError = state && !state.ok && state.code !== "invalid" ? (state.code as AuthErrorKey) : null;

  useEffect(() => {
    if (!state) return;
    if (state.ok) formRef.current?.reset();
    const first = fields.find((f) => fieldErrors[f.name]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first.name}"]`)?.focus();
  }, [state]); // eslint-disable-line react-hooks/exhaustive-deps -- only when a new answer arrives

  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-4" data-testid={testId}>
      {state?.ok ? <Alert>{success}</Alert> : null}
      {formError ? <Alert tone="error">{t(formError)}</Alert> : null}
      {fields.map((f) => (
        <TextField
          key={f.name}
          name={f.name}
          type={f.type}
          autoComplete={f.autoComplete}
          label={f.label}
          hint={f.hint}
          aria-required
          maxLength={f.type === "email" ? 254 : 1024}
          error={fieldErrors[f.name] ? t(fieldErrors[f.name]!) : undefined}
        />
      ))}
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? submitting : submit}
      </Button>
    </form>
  );
}
