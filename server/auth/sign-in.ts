/**
 * The password check behind the sign-in form, free of Next so it can be
 * tested: zod-parsed input, throttling per account and per address, the same
 * answer and similar timing for an unknown email and a wrong password, and
 * an audit event either way (never with the password).
 */
import { recordSignInAttempt } from "@/db/writes/users";
import { z } from "zod";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/audit";
import { countRecentFailures, unsafeFindUserWithHashByEmail } from "@/db/queries/users";
import { dummyHash, verifyPassword } from "@/lib/auth/password";
import { retryAfterSeconds, throttleWindowStart } from "@/lib/auth/throttle";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(128),
});

export type SignInResult =
  | { ok: true; user: { id: number; email: string; name: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export async function checkPasswordSignIn(db: Db, credentials: unknown, address: string, now: Date = new Date()): Promise<SignInResult> {
  const parsed = signInInput.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const wait = retryAfterSeconds(countRecentFailures(db, email, address, throttleWindowStart(now)), now);
  if (wait > 0) {
    recordAudit(db, {
      actor: { kind: "system", label: email },
      action: "auth.sign_in_throttled",
      entity: "user",
      recordId: null,
      after: { email, address, retryAfterSeconds: wait },
    });
    return { ok: false, reason: "throttled", retryAfterSeconds: wait };
  }

  const user = unsafeFindUserWithHashByEmail(db, email);
  const matches = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  const succeeded = Boolean(user && matches && !user.disabledAt);
  recordSignInAttempt(db, { email, address, succeeded, at: now });
  recordAudit(db, {
    actor: succeeded && user ? { kind: "system", label: user.email } : { kind: "system", label: email },
    action: succeeded ? "auth.sign_in" : "auth.sign_in_failed",
    entity: "user",
    recordId: succeeded && user ? user.id : null,
    after: { email, address },
  });
  if (!succeeded || !user) return { ok: false, reason: "invalid" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

/** The client address for throttling, as scripts/server.ts found it (lib/auth/client-address.ts); "unknown" outside that server. */
export function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  const value = headers?.[CLIENT_ADDRESS_HEADER];
  return (Array.isArray(value) ? value[0] : value) || "unknown";
}
