import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PublicHeader } from "@/components/layout/public-header";
import { SiteFooter } from "@/components/layout/site-footer";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { DemoCard } from "@/components/demo/demo-card";

// The language depends on the request.
export const dynamic = "force-dynamic";

export default async function LandingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [t, params] = await Promise.all([getTranslations("landing"), searchParams]);
  const features = [
    { title: t("feature1Title"), body: t("feature1Body") },
    { title: t("feature2Title"), body: t("feature2Body") },
    { title: t("feature3Title"), body: t("feature3Body") },
  ];
  return (
    <>
      <PublicHeader />
      <main id="main" className="flex-1">
        <section className="mx-auto max-w-5xl px-4 pt-12 pb-10 sm:pt-20">
          <p className="text-sm font-medium text-brand-700 dark:text-brand-300">{t("eyebrow")}</p>
          <h1 className="mt-3 max-w-3xl text-3xl font-semibold tracking-tight text-balance sm:text-5xl">{t("title")}</h1>
          <p className="mt-5 max-w-2xl text-base leading-relaxed text-slate-600 sm:text-lg dark:text-slate-300">{t("lead")}</p>
          <div className="mt-8 flex flex-col gap-3 sm:flex-row">
            <Link href="/sign-up" className={buttonClasses("primary", "px-6")}>
              {t("ctaStart")}
            </Link>
            <Link href="/sign-in" className={buttonClasses("secondary", "px-6")}>
              {t("ctaSignIn")}
            </Link>
          </div>
        </section>

        <DemoCard unavailable={params.demo === "unavailable"} />

        <section aria-labelledby="features-title" className="mx-auto max-w-5xl px-4 pb-16">
          <h2 id="features-title" className="sr-only">
            {t("featuresTitle")}
          </h2>
          <ul className="grid gap-4 sm:grid-cols-3">
            {features.map((f) => (
              <li key={f.title}>
                <Card className="h-full">
                  <CardTitle className="text-base">{f.title}</CardTitle>
                  <CardDescription className="leading-relaxed">{f.body}</CardDescription>
                </Card>
              </li>
            ))}
          </ul>
          <Card className="mt-4">
            <CardTitle className="text-base">{t("privacyTitle")}</CardTitle>
            <CardDescription className="leading-relaxed">{t("privacyBody")}</CardDescription>
          </Card>
        </section>
      </main>
      <SiteFooter />
    </>
  );
}
