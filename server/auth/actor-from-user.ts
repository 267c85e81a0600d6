import type { PublicUser } from "@/db/queries/users";
import { ANONYMOUS, type Actor } from "@/lib/policy";
import { SESSION_ABSOLUTE_SECONDS } from "@/lib/auth/session-lifetime";

/**
 * Decides whether a session (who, signed in when) still stands, given the
 * user's current row. Kept apart from next-auth so it is tested directly.
 */
export function actorFromUser(user: PublicUser | undefined, authTimeMs: number, nowMs: number): Actor {
  if (!user || user.disabledAt) return ANONYMOUS;
  if (user.sessionsValidAfter && authTimeMs < Date.parse(user.sessionsValidAfter)) return ANONYMOUS;
  if (nowMs > authTimeMs + SESSION_ABSOLUTE_SECONDS * 1000) return ANONYMOUS;
  return { kind: "user", id: user.id, email: user.email, name: user.name, role: user.role, memberStateCode: user.memberStateCode };
}
