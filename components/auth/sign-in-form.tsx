"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { fieldErrorsOf, signInSchema, type AuthErrorKey, type FieldErrors } from "@/lib/auth/validation";

type SignInField = "email" | "password";

export function SignInForm({ initialError, defaultEmail }: { initialError?: AuthErrorKey | "sessionExpired"; defaultEmail?: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors<SignInField>>({});
  const [formError, setFormError] = useState<AuthErrorKey | "sessionExpired" | null>(initialError ?? null);
  const [pending, setPending] = useState(false);

  const err = (field: SignInField) => (errors[field] ? t(`errors.${errors[field]}`) : undefined);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = { email: String(data.get("email") ?? ""), password: String(data.get("password") ?? "") };
    setFormError(null);
    // The same schema runs again in next-auth's authorize; here it only gives faster, per-field feedback.
    const parsed = signInSchema.safeParse(input);
    if (!parsed.success) {
      const found = fieldErrorsOf<SignInField>(parsed.error);
      setErrors(found);
      const first = (["email", "password"] as const).find((f) => found[f]);
      if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (!result?.ok) {
        // One message whether the e-mail is unknown or the password wrong: nothing to enumerate.
        setFormError(
          result?.error === "rate_limited"
            ? "rateLimited"
            : result?.error === "CredentialsSignin" || result?.status === 401
              ? "invalidCredentials"
              : "unexpected",
        );
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

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5">
      {formError ? <Alert tone="error">{t(`errors.${formError}`)}</Alert> : null}
      <TextField
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        aria-required
        defaultValue={defaultEmail}
        label={t("fields.email")}
        error={err("email")}
      />
      <TextField name="password" type="password" autoComplete="current-password" aria-required label={t("fields.password")} error={err("password")} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("signIn.submitting") : t("signIn.submit")}
      </Button>
      <p className="text-center text-sm text-slate-600 dark:text-slate-400">
        {t("signIn.noAccount")}{" "}
        <Link href="/sign-up" className="font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-300">
          {t("signIn.createAccount")}
        </Link>
      </p>
    </form>
  );
}
