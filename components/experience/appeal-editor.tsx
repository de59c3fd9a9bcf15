"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { saveAppealAction } from "@/lib/actions/appeals";
import { appealErrorOf } from "@/lib/appeal/validation";
import { Textarea } from "@/components/ui/textarea";
import { CopyLetterButton } from "./copy-letter-button";

/** The editable letter: copy, save as draft, download as .txt, print (the print view shows only the letter). */
export function AppealEditor({ dropDate, language, subject, initialBody, generatedBody }: { dropDate: string; language: "zh" | "en"; subject: string; initialBody: string; generatedBody: string }) {
  const t = useTranslations("experience.appeal");
  const [body, setBody] = useState(initialBody);
  const [state, action, pending] = useActionState(saveAppealAction, null);
  const error = appealErrorOf(state);
  const download = () => {
    // BOM so Windows Notepad opens the Chinese letter as UTF-8.
    const blob = new Blob([`\uFEFF${subject}\n\n${body}\n`], { type: "text/plain;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = `appeal-${dropDate}-${language}.txt`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="dropDate" value={dropDate} />
      <input type="hidden" name="language" value={language} />
      <p className="font-medium print:hidden">{subject}</p>
      <label htmlFor="appeal-body" className="sr-only">
        {t("bodyLabel")}
      </label>
      <Textarea
        id="appeal-body"
        name="body"
        lang={language === "zh" ? "zh-CN" : "en"}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={18}
        data-testid="appeal-body"
        className="p-3 leading-relaxed print:hidden"
      />
      {/* What the printer gets: the letter alone, as plain paragraphs. */}
      <div className="hidden whitespace-pre-wrap text-[12pt] leading-relaxed text-black print:block" lang={language === "zh" ? "zh-CN" : "en"}>
        <p className="mb-4 font-semibold">{subject}</p>
        {body}
      </div>
      {error ? <Alert tone="error">{t(`errors.${error}` as never)}</Alert> : null}
      {state?.ok ? <Alert>{t("saved")}</Alert> : null}
      <div className="flex flex-wrap gap-2 print:hidden">
        <CopyLetterButton text={`${subject}\n\n${body}`} fallbackId="appeal-body" />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        <Button variant="secondary" onClick={download}>
          {t("download")}
        </Button>
        <Button variant="secondary" onClick={() => window.print()}>
          {t("print")}
        </Button>
        {body !== generatedBody ? (
          <Button variant="ghost" onClick={() => setBody(generatedBody)}>
            {t("regenerate")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
