"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import type { ScreenshotSaveOutcome } from "@/lib/data/screenshots";
import { MAX_SCREENSHOTS } from "@/lib/screenshots/sniff";
import { busy, initialState, reducer, toSave, type Action, type ScoreScale } from "./flow-state";
import { localRefusal } from "./local-check";
import { ScreenshotCard } from "./screenshot-card";
import { SendQueue } from "./send-queue";
import { useSharedFiles } from "./use-shared-files";

type SaveState = { name: "idle" } | { name: "saving" } | { name: "saved"; outcome: ScreenshotSaveOutcome } | { name: "failed"; message: string };

/**
 * Choose (or share) screenshots → each is read on the server with its own progress bar → the
 * borrower checks and edits the values → one confirm saves them. Nothing is saved before.
 */
export function ScreenshotFlow(props: { historyProduct: string; scale: ScoreScale; today: string; shared?: string }) {
  const t = useTranslations("screenshots");
  const [state, dispatch] = useReducer(reducer, initialState);
  const [save, setSave] = useState<SaveState>({ name: "idle" });
  const [notice, setNotice] = useState<string | null>(null);
  const [queue] = useState(() => new SendQueue(dispatch));
  const seq = useRef(0);
  const count = useRef(0);
  const urls = useRef(new Set<string>());

  const addFiles = useCallback(
    async (list: File[]) => {
      setSave({ name: "idle" });
      const room = MAX_SCREENSHOTS - count.current;
      setNotice(list.length > room ? t("tooMany", { max: MAX_SCREENSHOTS }) : null);
      const taken = list.slice(0, Math.max(0, room));
      count.current += taken.length;
      const items = await Promise.all(
        taken.map(async (file) => {
          const key = `f${++seq.current}`;
          const refusal = await localRefusal(file);
          const thumbnail = refusal ? undefined : URL.createObjectURL(file);
          if (thumbnail) urls.current.add(thumbnail);
          return { key, file, name: file.name || key, size: file.size, lastModified: file.lastModified, localRefusal: refusal, thumbnail };
        }),
      );
      dispatch({ type: "add", items: items.map((i) => ({ key: i.key, name: i.name, size: i.size, lastModified: i.lastModified, localRefusal: i.localRefusal, thumbnail: i.thumbnail })) });
      queue.push(items.filter((i) => !i.localRefusal).map(({ key, file }) => ({ key, file })));
    },
    [queue, t],
  );

  useSharedFiles(props.shared, addFiles);

  // Object URLs hold the image in memory until revoked: release them when the page goes.
  useEffect(() => {
    const held = urls.current;
    return () => held.forEach((u) => URL.revokeObjectURL(u));
  }, []);

  const release = (url?: string) => {
    if (!url) return;
    URL.revokeObjectURL(url);
    urls.current.delete(url);
  };

  const onCard = (a: Action) => {
    if (a.type === "remove") {
      release(state.items.find((i) => i.key === a.key)?.thumbnail);
      queue.drop(a.key);
      count.current--;
    }
    dispatch(a);
  };

  const ctx = { historyProduct: props.historyProduct, scale: props.scale, today: props.today };
  const payload = toSave(state, ctx);
  const reading = busy(state);

  const confirm = async () => {
    setSave({ name: "saving" });
    try {
      const res = await fetch("/api/app/screenshots/commit", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(payload) });
      const body = await res.json();
      if (res.ok) setSave({ name: "saved", outcome: body as ScreenshotSaveOutcome });
      else setSave({ name: "failed", message: [body?.error?.message, ...(body?.error?.problems ?? [])].filter(Boolean).join(" ") });
    } catch {
      setSave({ name: "failed", message: t("network") });
    }
  };

  const startOver = () => {
    state.items.forEach((i) => release(i.thumbnail));
    queue.clear();
    count.current = 0;
    dispatch({ type: "clear" });
    setSave({ name: "idle" });
  };

  if (save.name === "saved") {
    return (
      <div className="space-y-4">
        <Alert>{t("saved", { added: save.outcome.added + save.outcome.updated, unchanged: save.outcome.unchanged })}</Alert>
        <div className="flex flex-wrap gap-2">
          <Link href="/dashboard" className={buttonClasses("primary")}>
            {t("toDashboard")}
          </Link>
          <Button variant="secondary" onClick={startOver}>
            {t("again")}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <div>
        <input
          id="screenshot-files"
          type="file"
          multiple
          accept="image/png,image/jpeg,image/webp,image/heic,image/heif"
          className="sr-only"
          onChange={(e) => {
            const list = Array.from(e.target.files ?? []);
            e.target.value = "";
            void addFiles(list);
          }}
        />
        <label htmlFor="screenshot-files" className={buttonClasses("primary", "w-full cursor-pointer sm:w-auto")}>
          {t("choose")}
        </label>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{t("formats")}</p>
      </div>
      {props.shared === "unavailable" ? <Alert>{t("sharedUnavailable")}</Alert> : null}
      {notice ? <Alert>{notice}</Alert> : null}
      {state.items.length ? (
        <ul className="space-y-3" aria-label={t("title")}>
          {state.items.map((item) => (
            <ScreenshotCard key={item.key} item={item} historyProduct={props.historyProduct} scale={props.scale} today={props.today} dispatch={onCard} />
          ))}
        </ul>
      ) : null}
      {save.name === "failed" ? <Alert tone="error">{t("saveFailed", { message: save.message })}</Alert> : null}
      {state.items.length ? (
        <div className="sticky bottom-0 -mx-5 border-t border-slate-200 bg-white/95 px-5 py-3 sm:-mx-6 sm:px-6 dark:border-slate-800 dark:bg-slate-900/95">
          {reading ? <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">{t("waitReading")}</p> : null}
          <Button className="w-full sm:w-auto" disabled={reading || payload.observations.length === 0 || save.name === "saving"} onClick={confirm}>
            {save.name === "saving" ? t("saving") : t("save", { count: payload.observations.length })}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
