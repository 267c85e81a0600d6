/**
 * Online backups, checks of a database file, and restore. A backup is taken
 * with better-sqlite3's backup API while the server keeps serving and
 * writing; a restore checks the file first and always keeps the database it
 * replaces.
 */
import { renewContentEpoch } from "./cache/content-version";
import Database from "better-sqlite3";
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { expectedMigrations } from "./migrate";

export const timestamp = (d: Date = new Date()) => d.toISOString().replace(/[:.]/g, "-");

/** A consistent copy of a live database, taken page by page without blocking writers for long. */
export async function backupDatabase(sqlite: Database.Database, target: string): Promise<{ path: string; bytes: number }> {
  mkdirSync(dirname(target), { recursive: true });
  if (existsSync(target)) throw new Error(`${target} already exists; choose another file name`);
  await sqlite.backup(target);
  return { path: target, bytes: statSync(target).size };
}

/** A consistent copy taken synchronously (used right before migrations). */
export function snapshotDatabase(sqlite: Database.Database, target: string): void {
  sqlite.prepare("VACUUM INTO ?").run(target);
}

export interface FileCheck {
  ok: boolean;
  problems: string[];
  appliedMigrations: number;
}

/** integrity_check, foreign_key_check and a schema version this code knows. */
export function checkDatabaseFile(path: string): FileCheck {
  const problems: string[] = [];
  if (!existsSync(path)) return { ok: false, problems: [`${path} does not exist`], appliedMigrations: 0 };
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") problems.push(`integrity_check: ${String(integrity)}`);
    const fk = db.pragma("foreign_key_check") as unknown[];
    if (fk.length) problems.push(`foreign_key_check: ${fk.length} row(s) point to missing records`);
    const hasMigrations = db.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
    const applied = hasMigrations ? (db.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n : 0;
    const known = expectedMigrations().length;
    if (applied === 0) problems.push("it is not an NIS Measures Inventory database (no migrations recorded)");
    if (applied > known) problems.push(`its schema is newer than this code (${applied} migrations, this code knows ${known}): upgrade the code first`);
    return { ok: problems.length === 0, problems, appliedMigrations: applied };
  } catch (error) {
    return { ok: false, problems: [`cannot be read as SQLite: ${(error as Error).message}`], appliedMigrations: 0 };
  } finally {
    db?.close();
  }
}

/**
 * Replaces the live database with a checked backup. The server must be
 * stopped. The replaced database (with its WAL folded in) is kept beside it.
 */
export function restoreDatabase(source: string, livePath: string): { previous: string | null } {
  const check = checkDatabaseFile(source);
  if (!check.ok) throw new Error(`${source} was not restored: ${check.problems.join("; ")}`);
  let previous: string | null = null;
  if (existsSync(livePath)) {
    const live = new Database(livePath);
    live.pragma("wal_checkpoint(TRUNCATE)");
    live.close();
    previous = `${livePath}.before-restore-${timestamp()}`;
    renameSync(livePath, previous);
    for (const suffix of ["-wal", "-shm"]) if (existsSync(livePath + suffix)) rmSync(livePath + suffix);
  }
  copyFileSync(source, `${livePath}.restoring`);
  // The restored content is not the content any cache or client saw under the backup's version number.
  const restoring = new Database(`${livePath}.restoring`);
  try {
    renewContentEpoch(restoring);
  } finally {
    restoring.close();
  }
  renameSync(`${livePath}.restoring`, livePath);
  return { previous };
}

/** Keeps the newest `keep` backups written by scheduled backups in `dir`. */
export function pruneBackups(dir: string, prefix: string, keep: number): string[] {
  const files = readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith(".sqlite"))
    .sort();
  const removed = files.slice(0, Math.max(0, files.length - keep));
  for (const f of removed) rmSync(join(dir, f));
  return removed;
}

export function scheduledBackupName(livePath: string, at: Date = new Date()): string {
  return `${basename(livePath, ".sqlite")}-${timestamp(at)}.sqlite`;
}
