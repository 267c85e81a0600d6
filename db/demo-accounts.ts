/**
 * One account per role for trying the inventory out. Created by `npm start`
 * outside production only, marked is_demo, and printed at start-up.
 */
import bcrypt from "bcryptjs";
import { and, eq } from "drizzle-orm";
import type { DbHandle } from "./client";
import { recordAudit } from "./audit";
import { users } from "./schema";
import { BCRYPT_COST } from "@/lib/auth/password";
import type { Role } from "../lib/policy";

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  memberStateCode: string | null;
  password: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "admin@example.eu", name: "Ada Admin", role: "admin", memberStateCode: null, password: "demo-admin-password" },
  { email: "editor@example.eu", name: "Erik Editor", role: "editor", memberStateCode: null, password: "demo-editor-password" },
  { email: "regulator.fr@example.eu", name: "Françoise Régulatrice", role: "regulator", memberStateCode: "FR", password: "demo-regulator-fr" },
  { email: "regulator.de@example.eu", name: "Dieter Regulierer", role: "regulator", memberStateCode: "DE", password: "demo-regulator-de" },
  { email: "researcher@example.eu", name: "Rita Researcher", role: "researcher", memberStateCode: null, password: "demo-researcher-password" },
];

/** Creates the demo accounts that are missing; never touches an existing account. Returns how many were created. */
export function ensureDemoAccounts(handle: DbHandle): number {
  let created = 0;
  const run = handle.sqlite.transaction(() => {
    for (const account of DEMO_ACCOUNTS) {
      if (handle.db.select({ id: users.id }).from(users).where(eq(users.email, account.email)).get()) continue;
      const row = handle.db
        .insert(users)
        .values({
          email: account.email,
          name: account.name,
          role: account.role,
          memberStateCode: account.memberStateCode,
          passwordHash: bcrypt.hashSync(account.password, BCRYPT_COST),
          isDemo: true,
        })
        .returning({ id: users.id })
        .get();
      recordAudit(handle.db, {
        actor: { kind: "system", label: "setup" },
        action: "create",
        entity: "user",
        recordId: row.id,
        after: { email: account.email, role: account.role, memberStateCode: account.memberStateCode, isDemo: true },
      });
      created++;
    }
  });
  run.immediate();
  return created;
}

/** The demo accounts present and usable in this database (for the start-up banner). */
export function presentDemoAccounts(handle: DbHandle): DemoAccount[] {
  return DEMO_ACCOUNTS.filter((a) =>
    handle.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, a.email), eq(users.isDemo, true)))
      .get(),
  );
}
