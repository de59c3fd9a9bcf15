"use client";

import { useState } from "react";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const t = useTranslations("common");
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      disabled={pending}
      onClick={() => {
        setPending(true);
        // next-auth clears the session cookie (CSRF-protected POST), then we land on the landing page.
        void signOut({ callbackUrl: "/" });
      }}
    >
      {pending ? t("signingOut") : t("signOut")}
    </Button>
  );
}
