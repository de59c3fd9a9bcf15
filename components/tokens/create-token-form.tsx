"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { createTokenAction } from "@/lib/actions/api-tokens";
import { MAX_ACTIVE_TOKENS, MAX_TOKEN_NAME } from "@/lib/api-tokens/validation";

/** Creates a token and shows its secret once; the secret lives only in this component's state. */
export function CreateTokenForm() {
  const t = useTranslations("tokens");
  const [state, formAction, pending] = useActionState(createTokenAction, null);
  const key = state && !state.ok ? (state.fieldErrors?.name ?? state.code) : undefined;
  const error = key ? t(`errors.${key}`, { max: key === "tooMany" ? MAX_ACTIVE_TOKENS : MAX_TOKEN_NAME }) : undefined;
  return (
    <div className="space-y-4">
      <form action={formAction} className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <div className="flex-1">
          <TextField name="name" label={t("nameLabel")} hint={t("nameHint")} error={error} maxLength={MAX_TOKEN_NAME} required autoComplete="off" />
        </div>
        <Button type="submit" disabled={pending} className="sm:mt-7">
          {pending ? t("creating") : t("create")}
        </Button>
      </form>
      {state?.ok ? <NewToken token={state.data.token} name={state.data.name} /> : null}
    </div>
  );
}

function NewToken({ token, name }: { token: string; name: string }) {
  const t = useTranslations("tokens");
  const [copied, setCopied] = useState(false);
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  const curl = `curl -H "Authorization: Bearer ${token}" ${origin}/api/v1/explanations`;
  return (
    <Alert>
      <p className="font-medium">{t("createdTitle", { name })}</p>
      <p className="mt-1">{t("createdWarning")}</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code className="break-all rounded bg-white px-2 py-1 font-mono text-sm text-slate-900 dark:bg-slate-950 dark:text-slate-100" data-testid="new-token">
          {token}
        </code>
        <Button
          variant="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(token).then(() => setCopied(true));
          }}
        >
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
      <p className="mt-3 font-medium">{t("curlTitle")}</p>
      <pre className="mt-1 overflow-x-auto rounded bg-white p-2 font-mono text-xs text-slate-900 dark:bg-slate-950 dark:text-slate-100">{curl}</pre>
    </Alert>
  );
}
