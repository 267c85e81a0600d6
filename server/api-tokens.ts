/**
 * Personal API tokens: `nis_` + 32 random bytes in base64url, shown once;
 * only the SHA-256 hash is stored. A bearer token authenticates as its
 * owner, whose role, state and deactivation are read from the database on
 * every request, like a session.
 */
import { markTokenUsed } from "@/db/writes/api-tokens";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/db/client";
import { unsafeFindTokenByHash } from "@/db/queries/api-tokens";
import type { Actor } from "@/lib/policy";
import { requiredText } from "@/lib/validation/common";

export const TOKEN_PREFIX = "nis_";
/** What the owner sees of a token after creation: enough to tell tokens apart, far too little to use. */
const VISIBLE_CHARS = TOKEN_PREFIX.length + 8;
/** A use is recorded (last-used time and an audit event) at most this often per token. */
export const USE_RECORD_INTERVAL_MS = 60_000;

export const tokenFormat = z.string().regex(/^nis_[A-Za-z0-9_-]{43}$/);

export const tokenExpiries = ["30", "90", "365", "never"] as const;
export const createTokenInput = z
  .object({
    name: requiredText(100, "Name the token, e.g. the system that will use it."),
    expiresInDays: z.enum(tokenExpiries, { error: "Choose when the token expires." }),
  })
  .strict();

export function generateToken(): { token: string; tokenHash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashToken(token), prefix: token.slice(0, VISIBLE_CHARS) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function expiryDate(choice: (typeof tokenExpiries)[number], now: Date = new Date()): string | null {
  return choice === "never" ? null : new Date(now.getTime() + Number(choice) * 86_400_000).toISOString();
}

export type TokenAuthentication =
  { ok: true; actor: Extract<Actor, { kind: "user" }> } | { ok: false; reason: "missing" | "malformed" | "unknown" | "revoked" | "expired" | "disabled" };

/** Reads `Authorization: Bearer <token>`; every refusal looks the same to the caller (401), the reason is for the log. */
export function authenticateBearer(db: Db, headers: Headers, now: Date = new Date(), requestId?: string | null): TokenAuthentication {
  const header = headers.get("authorization");
  if (!header) return { ok: false, reason: "missing" };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const token = tokenFormat.safeParse(match?.[1]);
  if (!token.success) return { ok: false, reason: "malformed" };
  const found = unsafeFindTokenByHash(db, hashToken(token.data));
  if (!found) return { ok: false, reason: "unknown" };
  if (found.token.revokedAt) return { ok: false, reason: "revoked" };
  if (found.token.expiresAt && Date.parse(found.token.expiresAt) <= now.getTime()) return { ok: false, reason: "expired" };
  if (found.user.disabledAt) return { ok: false, reason: "disabled" };
  const actor = {
    kind: "user" as const,
    id: found.user.id,
    email: found.user.email,
    name: found.user.name,
    role: found.user.role,
    memberStateCode: found.user.memberStateCode,
  };
  if (!found.token.lastUsedAt || now.getTime() - Date.parse(found.token.lastUsedAt) >= USE_RECORD_INTERVAL_MS)
    markTokenUsed(db, found.token, actor, now.toISOString(), requestId);
  return { ok: true, actor };
}
