import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signIn");
  return { title: t("title") };
}

const query = z.object({
  // next-auth's own error codes when it redirects here (e.g. without JavaScript).
  error: z.string().max(100).optional(),
  email: z.email().max(254).optional().catch(undefined),
  // Set by the account deletion action, which has just cleared the session.
  deleted: z.literal("1").optional().catch(undefined),
});

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getCurrentUser()) redirect("/dashboard");
  const [t, raw] = await Promise.all([getTranslations("auth.signIn"), searchParams]);
  const params = query.safeParse({
    error: typeof raw.error === "string" ? raw.error : undefined,
    email: typeof raw.email === "string" ? raw.email : undefined,
    deleted: typeof raw.deleted === "string" ? raw.deleted : undefined,
  });
  const error = params.success ? params.data.error : undefined;
  const initialError =
    error === "CredentialsSignin"
      ? "invalidCredentials"
      : error === "rate_limited"
        ? "rateLimited"
        : error === "SessionRequired"
          ? "sessionExpired"
          : error
            ? "unexpected"
            : undefined;
  return (
    <Card>
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-400">{t("lead")}</p>
      {params.success && params.data.deleted ? (
        <div className="mb-5">
          <Alert>{t("accountDeleted")}</Alert>
        </div>
      ) : null}
      <SignInForm initialError={initialError} defaultEmail={params.success ? params.data.email : undefined} />
    </Card>
  );
}
