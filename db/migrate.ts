import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { DbHandle } from "./client";

// Resolved from the project root: scripts and tests run there, and the bundled server has no stable __dirname.
export const MIGRATIONS_FOLDER = resolve(process.cwd(), "db", "migrations");

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

/** The migrations committed with this version of the code, in order. */
export function expectedMigrations(folder: string = MIGRATIONS_FOLDER): Journal["entries"] {
  return (JSON.parse(readFileSync(join(folder, "meta", "_journal.json"), "utf8")) as Journal).entries;
}

/** How many committed migrations the database has not had yet. */
export function pendingMigrationCount(handle: DbHandle, folder: string = MIGRATIONS_FOLDER): number {
  const hasTable = handle.sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  const applied = hasTable ? (handle.sqlite.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n : 0;
  return Math.max(0, expectedMigrations(folder).length - applied);
}

/** Applies pending migrations; drizzle runs them in one transaction, so a failure leaves the database as it was. */
export function migrateDatabase(handle: DbHandle, folder: string = MIGRATIONS_FOLDER): { applied: number } {
  const pending = pendingMigrationCount(handle, folder);
  if (pending > 0) migrate(handle.db, { migrationsFolder: folder });
  return { applied: pending };
}
