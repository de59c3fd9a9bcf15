"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { revokeTokenAction } from "@/lib/actions/api-tokens";

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const t = useTranslations("tokens");
  const [state, formAction, pending] = useActionState(revokeTokenAction, null);
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
          {/* A malformed id is a token that does not exist. */}
          {t(`errors.${state.code === "invalid" ? "notFound" : state.code}`)}
        </p>
      ) : null}
    </form>
  );
}
