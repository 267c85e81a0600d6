/**
 * The password check behind the sign-in form, free of Next so it can be
 * tested: zod-parsed input, throttling per account and per address, the same
 * answer and similar timing for an unknown email and a wrong password, and
 * an audit event either way (never with the password).
 */
import { z } from "zod";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/audit";
import { countRecentFailures, recordSignInAttempt, unsafeFindUserWithHashByEmail } from "@/db/queries/users";
import { dummyHash, verifyPassword } from "./password";
import { isSignInThrottled, throttleWindowStart } from "./throttle";

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(128),
});

export type SignInResult = { ok: true; user: { id: number; email: string; name: string } } | { ok: false; reason: "invalid" | "throttled" };

export async function checkPasswordSignIn(db: Db, credentials: unknown, address: string, now: Date = new Date()): Promise<SignInResult> {
  const parsed = signInInput.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  if (isSignInThrottled(countRecentFailures(db, email, address, throttleWindowStart(now)))) {
    recordAudit(db, { actor: { kind: "system", label: email }, action: "auth.sign_in_throttled", entity: "user", recordId: null, after: { email, address } });
    return { ok: false, reason: "throttled" };
  }

  const user = unsafeFindUserWithHashByEmail(db, email);
  const matches = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  const succeeded = Boolean(user && matches && !user.disabledAt);
  recordSignInAttempt(db, { email, address, succeeded });
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

/** The client address for throttling. X-Forwarded-For is only believed behind a proxy we were told about. */
export function clientAddress(headers: Record<string, string | string[] | undefined> | undefined, env: Record<string, string | undefined> = process.env): string {
  if (env.TRUST_PROXY === "1" && headers) {
    const forwarded = headers["x-forwarded-for"];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
    if (first) return first;
  }
  return "direct";
}
