import { and, eq, gte, sql } from "drizzle-orm";
import type { Db } from "../client";
import { signInAttempts, users } from "../schema";

export type User = typeof users.$inferSelect;
/** A user as pages may see it: never the password hash. */
export type PublicUser = Omit<User, "passwordHash">;

const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  memberStateCode: users.memberStateCode,
  isDemo: users.isDemo,
  disabledAt: users.disabledAt,
  sessionsValidAfter: users.sessionsValidAfter,
  createdAt: users.createdAt,
  version: users.version,
};

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Includes the password hash: for the sign-in check only. */
export function unsafeFindUserWithHashByEmail(db: Db, email: string): User | undefined {
  return db.select().from(users).where(eq(users.email, normaliseEmail(email))).get();
}

export function findUserById(db: Db, id: number): PublicUser | undefined {
  return db.select(publicColumns).from(users).where(eq(users.id, id)).get();
}

export function listUsers(db: Db): PublicUser[] {
  return db.select(publicColumns).from(users).orderBy(users.role, users.email).all();
}

export function recordSignInAttempt(db: Db, attempt: { email: string; address: string; succeeded: boolean }): void {
  db.insert(signInAttempts).values({ email: normaliseEmail(attempt.email), address: attempt.address, succeeded: attempt.succeeded }).run();
}

export function countRecentFailures(db: Db, email: string, address: string, since: string): { account: number; address: number } {
  const count = (where: ReturnType<typeof and>) => db.select({ n: sql<number>`count(*)` }).from(signInAttempts).where(where).get()?.n ?? 0;
  return {
    account: count(and(eq(signInAttempts.email, normaliseEmail(email)), eq(signInAttempts.succeeded, false), gte(signInAttempts.at, since))),
    address: count(and(eq(signInAttempts.address, address), eq(signInAttempts.succeeded, false), gte(signInAttempts.at, since))),
  };
}
