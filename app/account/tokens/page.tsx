import { Link } from "@/app/i18n/navigation";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { formatTimestamp, type Locale } from "@/lib/format";
import { getDb } from "@/db/client";
import { listTokensOf } from "@/db/queries/api-tokens";
import { requirePermission } from "@/server/auth/require";
import { createToken, revokeToken } from "./actions";
import { CreateTokenForm, RevokeTokenForm } from "./token-forms";
import { ClientMessages } from "@/app/i18n/client-messages-provider";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tokens"))("title") };
}

export default async function TokensPage() {
  const actor = await requirePermission("token.manage", undefined, "/account/tokens");
  const tokens = listTokensOf(getDb(), actor.id);
  const t = await getTranslations("tokens");
  const locale = (await getLocale()) as Locale;
  const when = (iso: string | null) => (iso ? formatTimestamp(iso, locale) : "—");
  // One provider for the page's forms (the create form and a revoke form per token): each would send the messages again.
  return (
    <ClientMessages namespaces={["tokens"]}>
      <p className="muted">
        <Link href="/account">{t("breadcrumbAccount")}</Link> / {t("title")}
      </p>
      <h1>{t("title")}</h1>
      <p className="lead">{t.rich("lead", { code: (chunks) => <code>{chunks}</code> })}</p>
      <h2>{t("create")}</h2>
      <CreateTokenForm action={createToken} />
      <h2>{t("yours")}</h2>
      {tokens.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("colName")}</th>
                <th scope="col">{t("colPrefix")}</th>
                <th scope="col">{t("colCreated")}</th>
                <th scope="col">{t("colLastUsed")}</th>
                <th scope="col">{t("colExpires")}</th>
                <th scope="col">{t("colState")}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => {
                const expired = token.isExpired;
                return (
                  <tr key={token.id}>
                    <th scope="row">{token.name}</th>
                    <td>
                      <code>{token.prefix}…</code>
                    </td>
                    <td>{when(token.createdAt)}</td>
                    <td>{when(token.lastUsedAt)}</td>
                    <td>{token.expiresAt ? when(token.expiresAt) : t("never")}</td>
                    <td>
                      {token.revokedAt ? (
                        t("revoked", { date: when(token.revokedAt) })
                      ) : expired ? (
                        t("expired")
                      ) : (
                        <RevokeTokenForm action={revokeToken} tokenId={token.id} name={token.name} />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </ClientMessages>
  );
}
