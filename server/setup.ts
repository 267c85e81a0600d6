/**
 * Brings a database file to the state the code expects: created if missing,
 * migrated, and seeded once. Each failure is a SetupError whose message is
 * one line saying what is wrong and what to do.
 */
import { existsSync } from "node:fs";
import { sql } from "drizzle-orm";
import { openDatabase, type DbHandle } from "@/db/client";
import { expectedMigrations, migrateDatabase, pendingMigrationCount } from "@/db/migrate";
import { snapshotDatabase, timestamp } from "@/db/backup";
import { memberStates } from "@/db/schema";
import { readSeed, SeedError, SEED_DIR } from "@/seed/read";
import { loadSeed, type SeedReport } from "@/seed/load";
import { ensureDemoAccounts, presentDemoAccounts, type DemoAccount } from "@/db/demo-accounts";

export class SetupError extends Error {
  override name = "SetupError";
}

/** An error as one line, with its cause (drizzle wraps SQLite's message), for start-up messages. */
function oneLine(error: unknown): string {
  const e = error as Error & { cause?: unknown };
  const cause = e.cause instanceof Error ? ` (${e.cause.message})` : "";
  return `${e.message ?? String(error)}${cause}`.replace(/\s+/g, " ").trim();
}

export interface SetupResult {
  path: string;
  createdFile: boolean;
  migrationsApplied: number;
  /** The copy taken before migrating an existing database. */
  preMigrationBackup: string | null;
  seeded: SeedReport | null;
  demoAccountsCreated: number;
  demoAccounts: DemoAccount[];
}

export function openOrFail(path: string): DbHandle {
  try {
    const handle = openDatabase(path);
    handle.sqlite.prepare("select count(*) from sqlite_master").get();
    return handle;
  } catch (error) {
    throw new SetupError(
      `Cannot open the database at ${path}: ${oneLine(error)}. Move the file aside (or set INVENTORY_DB_PATH to another path) and run npm start again.`,
    );
  }
}

/**
 * Applies pending migrations in one transaction. On a database that already
 * holds data, a consistent copy is taken first (`<file>.before-migrate-<time>`).
 */
export function migrateOrFail(handle: DbHandle, migrationsFolder?: string): { applied: number; backup: string | null } {
  const pending = pendingMigrationCount(handle, migrationsFolder);
  if (pending === 0) return { applied: 0, backup: null };
  const hasData = handle.path !== ":memory:" && pending < expectedMigrations(migrationsFolder).length;
  const backup = hasData ? `${handle.path}.before-migrate-${timestamp()}` : null;
  if (backup) snapshotDatabase(handle.sqlite, backup);
  try {
    return { applied: migrateDatabase(handle, migrationsFolder).applied, backup };
  } catch (error) {
    throw new SetupError(
      `Migrating the database at ${handle.path} failed and was rolled back, so it is unchanged${backup ? ` (a copy from before is at ${backup})` : ""}: ${oneLine(error)}. Report the error; do not edit the database by hand.`,
    );
  }
}

export function isSeeded(handle: DbHandle): boolean {
  return (
    (handle.db
      .select({ n: sql<number>`count(*)` })
      .from(memberStates)
      .get()?.n ?? 0) > 0
  );
}

export function seedOrFail(handle: DbHandle, seedDir: string = SEED_DIR): SeedReport {
  try {
    return loadSeed(handle, readSeed(seedDir));
  } catch (error) {
    if (error instanceof SeedError)
      throw new SetupError(`Seed data is invalid, nothing was written: ${error.message}. Fix the file or restore it with git checkout -- seed/data.`);
    throw new SetupError(`Seeding the database at ${handle.path} failed, nothing was written: ${oneLine(error)}.`);
  }
}

/**
 * Create, migrate, and seed when the inventory is empty; an existing
 * inventory is kept as it is. Outside production, demo accounts for each
 * role are added when missing.
 */
export function prepareDatabase(path: string, options: { seedDir?: string; demoAccounts?: boolean } = {}): SetupResult {
  const createdFile = !existsSync(path);
  const handle = openOrFail(path);
  try {
    const migration = migrateOrFail(handle);
    const seeded = isSeeded(handle) ? null : seedOrFail(handle, options.seedDir);
    const wantDemo = options.demoAccounts ?? process.env.NODE_ENV !== "production";
    const demoAccountsCreated = wantDemo ? ensureDemoAccounts(handle) : 0;
    return {
      path,
      createdFile,
      migrationsApplied: migration.applied,
      preMigrationBackup: migration.backup,
      seeded,
      demoAccountsCreated,
      demoAccounts: presentDemoAccounts(handle),
    };
  } finally {
    handle.sqlite.close();
  }
}
