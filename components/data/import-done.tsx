"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import type { ImportOutcome } from "@/lib/data/imports";

export function ImportDone({ outcome, onAnother }: { outcome: ImportOutcome; onAnother: () => void }) {
  const t = useTranslations("data.importPage");
  return (
    <div className="space-y-3">
      <Alert>
        <span data-testid="import-done">{t("done", { added: outcome.added, updated: outcome.updated, unchanged: outcome.unchanged })}</span>
      </Alert>
      <div className="flex flex-wrap gap-2">
        <Link href="/data" className={buttonClasses("primary")}>
          {t("seeData")}
        </Link>
        <Button variant="ghost" onClick={onAnother}>
          {t("another")}
        </Button>
      </div>
    </div>
  );
}
