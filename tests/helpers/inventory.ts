/** A seeded inventory with the demo accounts, and actors read from it the way the app reads them. */
import { eq } from "drizzle-orm";
import { openDatabase, type DbHandle } from "@/db/client";
import { users } from "@/db/schema";
import { prepareDatabase } from "@/server/setup";
import type { Actor } from "@/lib/policy";
import { tempPath } from "./db";

export function seededInventory(): DbHandle {
  const path = tempPath();
  prepareDatabase(path, { demoAccounts: true });
  return openDatabase(path);
}

export function actorByEmail(handle: DbHandle, email: string): Extract<Actor, { kind: "user" }> {
  const u = handle.db.select().from(users).where(eq(users.email, email)).get();
  if (!u) throw new Error(`no user ${email}`);
  return { kind: "user", id: u.id, email: u.email, name: u.name, role: u.role, memberStateCode: u.memberStateCode };
}

/** A record's editable fields as a change payload (what the draft form prefills): the snapshot's values of the keys its input schema declares. */
export function payloadOf(snapshot: Record<string, unknown>, schema: { shape: Record<string, unknown> }): Record<string, unknown> {
  return Object.fromEntries(Object.keys(schema.shape).map((f) => [f, snapshot[f]]));
}
