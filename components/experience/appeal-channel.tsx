import { getTranslations } from "next-intl/server";
import type { AppealChannel } from "@/lib/appeal/channels";

/** Where the letter goes, written in the letter's language (the borrower follows it in that app). */
export async function AppealChannelCard({ channel, language }: { channel: AppealChannel; language: "zh" | "en" }) {
  const t = await getTranslations("recovery.appeal");
  const lang = language === "zh" ? "zh-CN" : "en";
  return (
    <section aria-labelledby="appeal-send" className="rounded-xl border border-brand-200 bg-brand-50/60 p-4 dark:border-slate-700 dark:bg-slate-800/60" data-testid="appeal-channel">
      <h2 id="appeal-send" className="font-semibold">
        {t("sendTitle")}
      </h2>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{t("sendPath")}</p>
      <ol lang={lang} className="mt-1 flex flex-wrap items-center gap-1 text-sm font-medium">
        {channel.path.map((p, i) => (
          <li key={p} className="flex items-center gap-1">
            {i > 0 ? <span aria-hidden="true" className="text-slate-400">→</span> : null}
            <span className="rounded-md bg-white px-2 py-0.5 dark:bg-slate-900">{p}</span>
          </li>
        ))}
      </ol>
      <p lang={lang} className="mt-2 text-sm">
        {channel.how}
      </p>
      {channel.phone ? <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{t("sendPhone", { phone: channel.phone })}</p> : null}
      <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">{t("sendNote")}</p>
    </section>
  );
}
