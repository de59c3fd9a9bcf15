"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";

type Props = { wrong: boolean; message: string; formatName: string | null; pending: boolean; onSubmit: (password: string) => void };

/** Asked when the file is an encrypted zip; the message says where its password comes from. */
export function ImportPasswordForm({ wrong, message, formatName, pending, onSubmit }: Props) {
  const t = useTranslations("bills.password");
  const [password, setPassword] = useState("");
  return (
    <form
      className="space-y-3"
      data-testid="password-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (password) onSubmit(password);
      }}
    >
      <h2 className="text-lg font-semibold">{formatName ? t("titleFor", { name: formatName }) : t("title")}</h2>
      {wrong ? <Alert tone="error">{t("wrong")}</Alert> : null}
      <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="password-hint">
        {message}
      </p>
      <div>
        <Label htmlFor="import-password">{t("label")}</Label>
        <input
          id="import-password"
          type="password"
          autoComplete="off"
          inputMode="text"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={wrong || undefined}
          className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base dark:border-slate-700 dark:bg-slate-950"
        />
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{t("privacy")}</p>
      </div>
      <Button type="submit" disabled={pending || !password}>
        {t("submit")}
      </Button>
    </form>
  );
}
