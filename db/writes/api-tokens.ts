/** Writes of personal API tokens, each with its audit event; only the SHA-256 hash of a token is stored. */
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { recordAudit } from "../audit";
import { apiTokens } from "../schema";
import { writeTransaction } from "../transaction";
import type { ApiTokenListItem, ApiTokenRow } from "../queries/api-tokens";
import type { Actor } from "../../lib/policy";

type User = Extract<Actor, { kind: "user" }>;

export function insertToken(
  db: Db,
  owner: User,
  token: { name: string; tokenHash: string; prefix: string; expiresAt: string | null },
  requestId?: string | null,
): ApiTokenListItem {
  return writeTransaction(db, (tx) => {
    const row = tx
      .insert(apiTokens)
      .values({ userId: owner.id, ...token })
      .returning()
      .get();
    const { tokenHash: _hash, userId: _user, ...visible } = row;
    recordAudit(tx, {
      actor: owner,
      action: "api_token.create",
      entity: "api_token",
      recordId: row.id,
      after: { name: row.name, prefix: row.prefix, expiresAt: row.expiresAt, userId: owner.id },
      requestId,
    });
    return visible;
  });
}

/** Revokes one of the owner's own live tokens; false when there is none with that id. */
export function revokeTokenOf(db: Db, owner: User, id: number, requestId?: string | null): boolean {
  return writeTransaction(db, (tx) => {
    const now = new Date().toISOString();
    const row = tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, owner.id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix })
      .get();
    if (!row) return false;
    recordAudit(tx, {
      actor: owner,
      action: "api_token.revoke",
      entity: "api_token",
      recordId: row.id,
      before: { name: row.name, prefix: row.prefix, revokedAt: null },
      after: { name: row.name, prefix: row.prefix, revokedAt: now },
      requestId,
    });
    return true;
  });
}

/** Records a use: the timestamp the owner sees, and an audit event of the authentication. */
export function markTokenUsed(db: Db, token: ApiTokenRow, actor: User, at: string, requestId?: string | null): void {
  writeTransaction(db, (tx) => {
    tx.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, token.id)).run();
    recordAudit(tx, {
      actor,
      action: "auth.api_token_use",
      entity: "api_token",
      recordId: token.id,
      after: { prefix: token.prefix, lastUsedAt: at },
      requestId,
    });
  });
}
