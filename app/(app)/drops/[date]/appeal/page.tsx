import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { AppealChannelCard } from "@/components/experience/appeal-channel";
import { AppealEditor } from "@/components/experience/appeal-editor";
import { FilingForm } from "@/components/experience/filing-form";
import { serverFormat } from "@/components/experience/server-format";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { appealChannel, channelLine } from "@/lib/appeal/channels";
import { appealLetter } from "@/lib/appeal/letter";
import { requireUser } from "@/lib/auth/session";
import { appealFactsOf, listAppeals } from "@/lib/data/appeals";
import { todayInShanghai } from "@/lib/days";
import { findDrop } from "@/lib/data/drop-view";
import { readBorrower } from "@/lib/data/history";
import { listStepStates } from "@/lib/data/recovery";
import { db } from "@/lib/db";

type Props = { params: Promise<{ date: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const query = z.object({ lang: z.enum(["zh", "en"]).optional() });
/**
 * Letters whose filing is shown, newest first: each save after a filing starts a letter, so a
 * drop can gather any number; older ones are counted, not drawn (the page stays ≤ 300 KB).
 */
const FILINGS_SHOWN = 5;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("experience.appeal");
  return { title: t("title") };
}

export default async function AppealPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { date } = await params;
  const view = await findDrop(db, { userId: user.id, date });
  if (!view) notFound();
  const today = todayInShanghai();
  const borrower = await readBorrower(db, user.id);
  const [t, locale, states, appeals, fmt, facts] = await Promise.all([
    getTranslations("experience.appeal"),
    getLocale(),
    listStepStates(db, { userId: user.id, drops: [view.drop] }),
    listAppeals(db, { userId: user.id, dropDate: view.drop.date }),
    serverFormat(borrower.currency),
    // The record up to the drop measured off the request thread, kept until the data change.
    appealFactsOf(db, { userId: user.id, drop: view.drop, today, historyVersion: view.historyVersion }),
  ]);
  const q = query.safeParse(await searchParams);
  const language = (q.success && q.data.lang) || (locale === "zh-CN" ? "zh" : "en");
  const stepsDone = (states.get(view.drop.date) ?? []).filter((s) => s.status === "done").map((s) => s.code);
  const letter = appealLetter({ borrower, facts, drop: view.drop, language, name: user.name ?? user.email, today, stepsDone });
  const draft = appeals.find((a) => a.language === language && !a.filedAt);
  const channel = appealChannel(borrower.product, language);

  return (
    <div className="space-y-6">
      {/* Printing gives the letter alone: the app's header, navigation and footer stay on screen. */}
      <style>{`@media print { header, nav, footer, [data-print-hide] { display: none !important; } body { background: white; } main { padding: 0 !important; } }`}</style>
      <div data-print-hide>
        <Link href={`/drops/${view.drop.date}`} className="inline-flex min-h-10 items-center text-sm text-brand-700 hover:underline dark:text-brand-300">
          ← {t("back")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t("lead", { date: fmt.day(view.drop.date) })}</p>
        <nav aria-label={t("languageLabel")} className="mt-4 inline-flex rounded-lg border border-slate-300 p-0.5 dark:border-slate-700">
          {(["zh", "en"] as const).map((l) => (
            <Link
              key={l}
              href={`?lang=${l}`}
              aria-current={l === language ? "page" : undefined}
              className={`inline-flex min-h-10 items-center rounded-md px-4 text-sm font-medium ${l === language ? "bg-brand-600 text-white dark:bg-brand-500 dark:text-slate-950" : "text-slate-700 dark:text-slate-300"}`}
            >
              {t(`languages.${l}`)}
            </Link>
          ))}
        </nav>
      </div>
      <Card className="print:border-0 print:p-0 print:shadow-none">
        <AppealEditor key={language} dropDate={view.drop.date} language={language} subject={letter.subject} initialBody={draft?.body ?? letter.body} generatedBody={letter.body} />
        {draft ? <p className="mt-2 text-xs text-slate-500 print:hidden">{t("draftNote")}</p> : null}
        <div className="mt-4 print:hidden">
          <AppealChannelCard channel={channel} language={language} />
        </div>
      </Card>
      {appeals.length > 0 ? (
        <Card data-print-hide>
          <CardTitle>{t("filingTitle")}</CardTitle>
          <CardDescription>{t("filingLead")}</CardDescription>
          <ul className="mt-4 space-y-6">
            {appeals.slice(0, FILINGS_SHOWN).map((a) => (
              <li key={a.id}>
                <p className="mb-2 text-sm font-medium">
                  {t("letterIn", { language: t(`languages.${a.language === "zh" ? "zh" : "en"}`) })}
                  {a.filedAt ? ` · ${t("filedOn", { date: fmt.day(a.filedAt), with: a.filedWith ?? "" })} · ${t(`outcomes.${a.outcome ?? "pending"}` as never)}` : ` · ${t("notFiled")}`}
                </p>
                <FilingForm dropDate={view.drop.date} appealId={a.id} today={today} defaults={{ filedAt: a.filedAt, outcome: a.outcome, filedWith: a.filedWith ?? channelLine(appealChannel(borrower.product, a.language === "zh" ? "zh" : "en")) }} />
              </li>
            ))}
          </ul>
          {appeals.length > FILINGS_SHOWN ? (
            <p className="mt-4 text-sm text-slate-600 dark:text-slate-400" data-testid="older-filings">
              {t("olderFilings", { count: appeals.length - FILINGS_SHOWN, total: appeals.length })}
            </p>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
