import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { startDemoAction } from "@/lib/actions/demo";
import { DemoSubmit } from "./demo-submit";

// A form's action answers nothing the form reads: the action redirects (to the dashboard, or back here).
const start = startDemoAction as unknown as (form: FormData) => Promise<void>;

/** The landing page's demo offer: a form, so it works before (and without) JavaScript. */
export async function DemoCard({ unavailable }: { unavailable: boolean }) {
  const t = await getTranslations("trust.demo");
  return (
    <section aria-labelledby="demo-title" className="mx-auto max-w-5xl px-4 pb-10">
      <div className="rounded-2xl border border-brand-100 bg-brand-50 p-5 sm:flex sm:items-center sm:justify-between sm:gap-6 sm:p-6 dark:border-slate-700 dark:bg-slate-900">
        <div>
          <h2 id="demo-title" className="font-semibold">
            {t("title")}
          </h2>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{t("body")}</p>
          {unavailable ? (
            <div className="mt-3">
              <Alert tone="error">{t("unavailable")}</Alert>
            </div>
          ) : null}
        </div>
        <form action={start} className="mt-4 shrink-0 sm:mt-0">
          <DemoSubmit label={t("button")} pendingLabel={t("pending")} />
        </form>
      </div>
    </section>
  );
}
