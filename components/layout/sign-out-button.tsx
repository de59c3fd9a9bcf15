"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * next-auth's own sign-out exchange (a CSRF token, then a POST to /api/auth/signout), written out:
 * next-auth/react's signOut() brought ~12 KB of gzipped JavaScript to every signed-in page for it.
 */
async function signOut(callbackUrl: string): Promise<void> {
  try {
    const { csrfToken } = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
    const res = await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
    });
    const { url } = (await res.json()) as { url?: string };
    window.location.href = url ?? callbackUrl;
  } catch {
    // Offline or refused: reload, so the page shows whether the session is still there.
    window.location.reload();
  }
}

export function SignOutButton({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut("/");
      }}
    >
      {pending ? pendingLabel : label}
    </Button>
  );
}
