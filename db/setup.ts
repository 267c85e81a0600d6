/**
 * Brings a database file to the state the code expects: created if missing,
 * migrated, and seeded once. Each failure is a SetupError whose message is
 * one line saying what is wrong and what to do.
 */
import { existsSync } from "node:fs";
import { sql } from "drizzle-orm";
import { openDatabase, type DbHandle } from "./client";
import { migrateDatabase } from "./migrate";
import { memberStates } from "./schema";
import { readSeed, SeedError, SEED_DIR } from "../seed/read";
import { loadSeed, type SeedReport } from "../seed/load";
import { ensureDemoAccounts, presentDemoAccounts, type DemoAccount } from "./demo-accounts";

export class SetupError extends Error {
  override name = "SetupError";
}

export interface SetupResult {
  path: string;
  createdFile: boolean;
  migrationsApplied: number;
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
      `Cannot open the database at ${path}: ${(error as Error).message}. Move the file aside (or set INVENTORY_DB_PATH to another path) and run npm start again.`,
    );
  }
}

export function migrateOrFail(handle: DbHandle): number {
  try {
    return migrateDatabase(handle).applied;
  } catch (error) {
    throw new SetupError(
      `Migrating the database at ${handle.path} failed, and it was left unchanged: ${(error as Error).message}. Restore a backup or move the file aside, then run npm start again.`,
    );
  }
}

export function isSeeded(handle: DbHandle): boolean {
  return (handle.db.select({ n: sql<number>`count(*)` }).from(memberStates).get()?.n ?? 0) > 0;
}

export function seedOrFail(handle: DbHandle, seedDir: string = SEED_DIR): SeedReport {
  try {
    return loadSeed(handle, readSeed(seedDir));
  } catch (error) {
    if (error instanceof SeedError) throw new SetupError(`Seed data is invalid, nothing was written: ${error.message}. Fix the file or restore it with git checkout -- seed/data.`);
    throw new SetupError(`Seeding the database at ${handle.path} failed, nothing was written: ${(error as Error).message}.`);
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
    const migrationsApplied = migrateOrFail(handle);
    const seeded = isSeeded(handle) ? null : seedOrFail(handle, options.seedDir);
    const wantDemo = options.demoAccounts ?? process.env.NODE_ENV !== "production";
    const demoAccountsCreated = wantDemo ? ensureDemoAccounts(handle) : 0;
    return { path, createdFile, migrationsApplied, seeded, demoAccountsCreated, demoAccounts: presentDemoAccounts(handle) };
  } finally {
    handle.sqlite.close();
  }
}
