"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Copies the subject and the letter for pasting into a customer-service chat. The Clipboard API
 * needs a secure context; elsewhere (plain http on a LAN) the old select-and-copy still works,
 * and when neither does the borrower is told to copy by hand rather than left guessing.
 */
async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused: try the fallback below.
  }
  if (!fallback) return false;
  fallback.focus();
  fallback.select();
  return document.execCommand("copy");
}

export function CopyLetterButton({ text, fallbackId }: { text: string; fallbackId: string }) {
  const t = useTranslations("recovery.appeal");
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => setState((await copyText(text, document.getElementById(fallbackId) as HTMLTextAreaElement | null)) ? "copied" : "failed");
  return (
    <>
      <Button onClick={copy} data-testid="copy-letter">
        {t("copy")}
      </Button>
      <p role="status" className="w-full text-sm text-slate-700 dark:text-slate-300">
        {state === "copied" ? t("copied") : state === "failed" ? t("copyFailed") : ""}
      </p>
    </>
  );
}
