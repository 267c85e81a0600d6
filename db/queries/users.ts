import { and, eq, gte, sql } from "drizzle-orm";
import type { RecentFailures } from "@/lib/auth/throttle";
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
  return db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .get();
}

export function findUserById(db: Db, id: number): PublicUser | undefined {
  return db.select(publicColumns).from(users).where(eq(users.id, id)).get();
}

export function listUsers(db: Db): PublicUser[] {
  return db.select(publicColumns).from(users).orderBy(users.role, users.email).all();
}

/** Failed sign-ins since `since` for the account from this address, and from this address for any account, with the last of each. */
export function countRecentFailures(db: Db, email: string, address: string, since: string): RecentFailures {
  const failures = (where: ReturnType<typeof and>) =>
    db
      .select({ n: sql<number>`count(*)`, last: sql<string | null>`max(${signInAttempts.at})` })
      .from(signInAttempts)
      .where(where)
      .get() ?? { n: 0, last: null };
  const pair = failures(
    and(
      eq(signInAttempts.email, normaliseEmail(email)),
      eq(signInAttempts.address, address),
      eq(signInAttempts.succeeded, false),
      gte(signInAttempts.at, since),
    ),
  );
  const fromAddress = failures(and(eq(signInAttempts.address, address), eq(signInAttempts.succeeded, false), gte(signInAttempts.at, since)));
  return { pair: pair.n, lastPairFailureAt: pair.last, address: fromAddress.n, lastAddressFailureAt: fromAddress.last };
}
