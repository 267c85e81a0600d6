/** Account changes: each one versioned and audited, never with a password or hash in the audit. */
import { ConflictError, InvalidReferenceError, NotFoundError } from "@/lib/errors";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { recordAudit } from "../audit";
import { signInAttempts, users } from "../schema";
import { writeTransaction } from "../transaction";
import { findUserById, normaliseEmail, type PublicUser } from "../queries/users";
import type { Actor } from "../../lib/policy";
import type { NewUserInput, UserAccessInput } from "../../lib/validation/user";

const audited = (u: PublicUser | undefined) =>
  u && { email: u.email, name: u.name, role: u.role, memberStateCode: u.memberStateCode, disabledAt: u.disabledAt, version: u.version };

/** The hash is computed before the transaction (bcrypt is slow and async). */
export function createUser(db: Db, actor: Actor | { kind: "system"; label: string }, input: Omit<NewUserInput, "password">, passwordHash: string): PublicUser {
  return writeTransaction(db, (tx) => {
    const email = normaliseEmail(input.email);
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get())
      throw new InvalidReferenceError("email", "An account with this email already exists.");
    const id = tx
      .insert(users)
      .values({ email, name: input.name, role: input.role, memberStateCode: input.memberStateCode, passwordHash })
      .returning({ id: users.id })
      .get().id;
    const after = findUserById(tx, id)!;
    recordAudit(tx, { actor, action: "create", entity: "user", recordId: id, after: audited(after) });
    return after;
  });
}

function versionChecked(tx: Db, id: number, expectedVersion: number): PublicUser {
  const before = findUserById(tx, id);
  if (!before) throw new NotFoundError("user", id);
  if (before.version !== expectedVersion) throw new ConflictError("user", id, audited(before)!);
  return before;
}

/** Role, Member State and deactivation take effect on the user's next request (the actor is re-read every time). */
export function updateUserAccess(db: Db, actor: Actor, id: number, expectedVersion: number, input: UserAccessInput): PublicUser {
  return writeTransaction(db, (tx) => {
    const before = versionChecked(tx, id, expectedVersion);
    if (actor.kind === "user" && actor.id === id && (input.role !== "admin" || input.disabled))
      throw new InvalidReferenceError("role", "You cannot remove your own admin role or deactivate yourself.");
    const disabledAt = input.disabled ? (before.disabledAt ?? new Date().toISOString()) : null;
    tx.update(users)
      .set({ name: input.name, role: input.role, memberStateCode: input.memberStateCode, disabledAt, version: sql`${users.version} + 1` })
      .where(eq(users.id, id))
      .run();
    const after = findUserById(tx, id)!;
    recordAudit(tx, {
      actor,
      action: input.disabled && !before.disabledAt ? "deactivate" : "update",
      entity: "user",
      recordId: id,
      before: audited(before),
      after: audited(after),
    });
    return after;
  });
}

/** Sets a new password and ends every session issued before now. */
export function setPassword(db: Db, actor: Actor, id: number, passwordHash: string, action: "password_reset" | "password_change"): void {
  writeTransaction(db, (tx) => {
    const before = findUserById(tx, id);
    if (!before) throw new NotFoundError("user", id);
    tx.update(users)
      .set({ passwordHash, sessionsValidAfter: new Date().toISOString(), version: sql`${users.version} + 1` })
      .where(eq(users.id, id))
      .run();
    recordAudit(tx, {
      actor,
      action: `auth.${action}`,
      entity: "user",
      recordId: id,
      before: { version: before.version },
      after: { version: before.version + 1 },
    });
  });
}

/** One sign-in attempt, counted by the throttle (db/queries/users.ts, countRecentFailures). */
export function recordSignInAttempt(db: Db, attempt: { email: string; address: string; succeeded: boolean; at?: Date }): void {
  db.insert(signInAttempts)
    .values({
      email: normaliseEmail(attempt.email),
      address: attempt.address,
      succeeded: attempt.succeeded,
      ...(attempt.at ? { at: attempt.at.toISOString() } : {}),
    })
    .run();
}
