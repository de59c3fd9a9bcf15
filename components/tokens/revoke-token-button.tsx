"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { RevokeTokenState } from "@/app/(app)/settings/tokens/actions";

type Props = { action: (prev: RevokeTokenState, form: FormData) => Promise<RevokeTokenState>; tokenId: string; name: string };

export function RevokeTokenButton({ action, tokenId, name }: Props) {
  const t = useTranslations("tokens");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form
      action={formAction}
      // Revoking breaks the scripts that use the token at once, so it asks first.
      onSubmit={(e) => {
        if (!window.confirm(t("revokeConfirm", { name }))) e.preventDefault();
      }}
    >
      <input type="hidden" name="tokenId" value={tokenId} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={t("revokeLabel", { name })}>
        {pending ? t("revoking") : t("revoke")}
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="mt-1 text-sm text-rose-700 dark:text-rose-300">
          {t(`errors.${state.error.key}`)}
        </p>
      ) : null}
    </form>
  );
}
