import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { RevokeTokenButton } from "@/components/tokens/revoke-token-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/data/api-tokens";
import { db } from "@/lib/db";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tokens");
  return { title: t("title") };
}

export default async function TokensPage() {
  const user = await requireUser();
  const [t, format, tokens] = await Promise.all([getTranslations("tokens"), getFormatter(), listApiTokens(db, { userId: user.id })]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 max-w-2xl text-slate-600 dark:text-slate-400">{t("lead")}</p>
        <a className="mt-2 inline-block text-sm text-brand-700 underline dark:text-brand-300" href="/api/v1/openapi.json">
          {t("docs")}
        </a>
      </div>

      <Card>
        <CardTitle>{t("createTitle")}</CardTitle>
        <div className="mt-4">
          <CreateTokenForm />
        </div>
      </Card>

      <Card>
        <CardTitle>{t("listTitle")}</CardTitle>
        {tokens.length === 0 ? (
          <CardDescription>{t("empty")}</CardDescription>
        ) : (
          <div className="mt-4 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-slate-500 dark:text-slate-400">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("colName")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("colToken")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("colCreated")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("colLastUsed")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("colStatus")}</th>
                  <th scope="col" className="py-2 font-medium"><span className="sr-only">{t("colActions")}</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {tokens.map((token) => (
                  <tr key={token.id}>
                    <th scope="row" className="py-3 pr-4 font-medium">{token.name}</th>
                    <td className="py-3 pr-4 font-mono text-xs">{token.prefix}…</td>
                    <td className="py-3 pr-4">{when(token.createdAt)}</td>
                    <td className="py-3 pr-4">{token.lastUsedAt ? when(token.lastUsedAt) : t("never")}</td>
                    <td className="py-3 pr-4">
                      {token.revokedAt ? <Badge tone="danger">{t("revoked", { date: when(token.revokedAt) })}</Badge> : <Badge tone="brand">{t("active")}</Badge>}
                    </td>
                    <td className="py-3 text-right">
                      {token.revokedAt ? null : <RevokeTokenButton tokenId={token.id} name={token.name} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
