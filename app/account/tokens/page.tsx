import { Link } from "@/app/i18n/navigation";
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listTokensOf } from "@/db/queries/api-tokens";
import { requirePermission } from "@/server/auth/require";
import { createToken, revokeToken } from "./actions";
import { CreateTokenForm, RevokeTokenForm } from "./token-forms";

export const metadata: Metadata = { title: "API tokens" };

const when = (iso: string | null) => (iso ? `${iso.replace("T", " ").slice(0, 16)} UTC` : "—");

export default async function TokensPage() {
  const actor = await requirePermission("token.manage", undefined, "/account/tokens");
  const tokens = listTokensOf(getDb(), actor.id);
  return (
    <>
      <p className="muted">
        <Link href="/account">Account</Link> / API tokens
      </p>
      <h1>API tokens</h1>
      <p className="lead">
        A personal token lets a national system call the inventory’s API as you, e.g. <code>POST /api/v1/submissions</code>, with the same rules as the forms.
        Only a hash is stored.
      </p>
      <h2>Create a token</h2>
      <CreateTokenForm action={createToken} />
      <h2>Your tokens</h2>
      {tokens.length === 0 ? (
        <p>You have no tokens.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Your API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Starts with</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => {
                const expired = t.isExpired;
                return (
                  <tr key={t.id}>
                    <th scope="row">{t.name}</th>
                    <td>
                      <code>{t.prefix}…</code>
                    </td>
                    <td>{when(t.createdAt)}</td>
                    <td>{when(t.lastUsedAt)}</td>
                    <td>{t.expiresAt ? when(t.expiresAt) : "never"}</td>
                    <td>
                      {t.revokedAt ? (
                        `Revoked ${when(t.revokedAt)}`
                      ) : expired ? (
                        "Expired"
                      ) : (
                        <RevokeTokenForm action={revokeToken} tokenId={t.id} name={t.name} />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
