"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { TextField } from "@/components/ui/text-field";
import { signUpAction } from "@/lib/actions/sign-up";
import { fieldErrorsOf, signUpSchema, type AuthErrorKey, type FieldErrors, type SignUpField } from "@/lib/auth/validation";

export function SignUpForm() {
  const t = useTranslations("auth");
  const tDone = useTranslations("trust.signUp");
  // Set when sign-up answered but signing in with these credentials did not work: the address
  // may have been registered before, and sign-up deliberately does not say so.
  const [unconfirmed, setUnconfirmed] = useState<string | null>(null);
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors<SignUpField>>({});
  const [formError, setFormError] = useState<AuthErrorKey | null>(null);
  const [pending, setPending] = useState(false);

  const err = (field: SignUpField) => (errors[field] ? t(`errors.${errors[field]}`) : undefined);

  // Move focus to the first field that needs attention, so keyboard and screen-reader users land on it.
  function focusFirstError(found: FieldErrors<SignUpField>) {
    const first = (["email", "password", "name", "consent"] as const).find((f) => found[f]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = {
      email: String(data.get("email") ?? ""),
      password: String(data.get("password") ?? ""),
      name: String(data.get("name") ?? ""),
      consent: data.get("consent") === "on",
    };
    setFormError(null);
    const parsed = signUpSchema.safeParse(input);
    if (!parsed.success) {
      const found = fieldErrorsOf<SignUpField>(parsed.error);
      setErrors(found);
      focusFirstError(found);
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const result = await signUpAction(input);
      if (!result.ok) {
        const found = (result.fieldErrors ?? {}) as FieldErrors<SignUpField>;
        setErrors(found);
        setFormError(result.code === "invalid" ? null : (result.code as AuthErrorKey));
        focusFirstError(found);
        return;
      }
      const signedIn = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
      if (!signedIn?.ok) {
        setUnconfirmed(parsed.data.email);
        return;
      }
      router.replace("/dashboard");
      router.refresh();
    } catch {
      setFormError("unexpected");
    } finally {
      setPending(false);
    }
  }

  if (unconfirmed) {
    return (
      <div role="status" className="space-y-4" data-testid="sign-up-unconfirmed">
        <h2 className="text-lg font-semibold">{tDone("doneTitle")}</h2>
        <p className="text-sm leading-relaxed text-slate-700 dark:text-slate-300">{tDone("doneBody", { email: unconfirmed })}</p>
        <Link href={`/sign-in?email=${encodeURIComponent(unconfirmed)}`} className={buttonClasses("primary", "w-full")}>
          {tDone("signIn")}
        </Link>
      </div>
    );
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5">
      {formError ? <Alert tone="error">{t(`errors.${formError}`)}</Alert> : null}
      <TextField name="email" type="email" autoComplete="email" inputMode="email" aria-required label={t("fields.email")} error={err("email")} />
      <TextField
        name="password"
        type="password"
        autoComplete="new-password"
        aria-required
        label={t("fields.password")}
        hint={t("fields.passwordHint")}
        error={err("password")}
      />
      <TextField name="name" type="text" autoComplete="name" label={t("fields.name")} hint={t("fields.nameHint")} error={err("name")} />
      <div>
        <div className="flex items-start gap-3">
          <input
            id="consent"
            name="consent"
            type="checkbox"
            aria-required
            aria-invalid={errors.consent ? true : undefined}
            aria-describedby={errors.consent ? "consent-error" : "consent-hint"}
            className="mt-1 size-5 shrink-0 accent-brand-600"
          />
          <label htmlFor="consent" className="text-sm leading-relaxed text-slate-700 dark:text-slate-300">
            {t("signUp.consent")}
          </label>
        </div>
        {errors.consent ? (
          <FieldError id="consent-error" message={err("consent")} />
        ) : (
          <p id="consent-hint" className="mt-1.5 pl-8 text-sm text-slate-500 dark:text-slate-400">
            {t("signUp.consentHint")}
          </p>
        )}
      </div>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("signUp.submitting") : t("signUp.submit")}
      </Button>
      <p className="text-center text-sm text-slate-600 dark:text-slate-400">
        {t("signUp.haveAccount")}{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-300">
          {t("signUp.signInInstead")}
        </Link>
      </p>
    </form>
  );
}
