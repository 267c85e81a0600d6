/**
 * Reads of personal API tokens (the writes: db/writes/api-tokens.ts). Only the
 * SHA-256 hash of a token is stored; the owner's id is in the WHERE of every
 * owner query.
 */
import { desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { apiTokens, users } from "../schema";

export type ApiTokenRow = typeof apiTokens.$inferSelect;
/** A token as its owner's page shows it: never the hash. */
export type ApiTokenListItem = Omit<ApiTokenRow, "tokenHash" | "userId">;
export type ApiTokenWithState = ApiTokenListItem & { isExpired: boolean };

export function listTokensOf(db: Db, userId: number, now: Date = new Date()): ApiTokenWithState[] {
  const rows = db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .all();
  return rows.map((t) => ({ ...t, isExpired: t.expiresAt != null && Date.parse(t.expiresAt) <= now.getTime() }));
}

/** Includes the owner's state of account: for authenticating a bearer token only. */
export function unsafeFindTokenByHash(db: Db, tokenHash: string) {
  return db
    .select({
      token: apiTokens,
      user: { id: users.id, email: users.email, name: users.name, role: users.role, memberStateCode: users.memberStateCode, disabledAt: users.disabledAt },
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, tokenHash))
    .get();
}
