import Database from "better-sqlite3";
import { cpSync, existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { checkDatabaseFile, pruneBackups } from "@/db/backup";
import { MIGRATIONS_FOLDER, expectedMigrations, pendingMigrationCount } from "@/db/migrate";
import { migrateOrFail, SetupError } from "@/server/setup";
import { readSeed } from "@/seed/read";
import { loadSeed } from "@/seed/load";
import { tempPath } from "../helpers/db";

interface Journal {
  entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
}

/** A copy of the committed migrations, cut to the first `keep` and optionally followed by an extra one. */
function migrationsFolder(keep: number, extra?: { tag: string; sql: string }): string {
  const dir = tempPath("migrations");
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalPath = join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as Journal;
  journal.entries = journal.entries.slice(0, keep);
  if (extra) {
    const last = journal.entries.at(-1)!;
    journal.entries.push({ idx: last.idx + 1, version: last.version, when: last.when + 1000, tag: extra.tag, breakpoints: true });
    writeFileSync(join(dir, `${extra.tag}.sql`), extra.sql);
  }
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

function seededAt(folder: string) {
  const handle = openDatabase(tempPath());
  migrateOrFail(handle, folder);
  loadSeed(handle, readSeed());
  return handle;
}

describe("migrating an existing database on upgrade", () => {
  it("takes a consistent copy first, then applies what is pending, keeping the data", () => {
    // Seeded by this code at its schema, then upgraded by a newer release's migration (the seed writes every column of this schema).
    const all = expectedMigrations().length;
    const handle = seededAt(migrationsFolder(all));
    const newer = migrationsFolder(all, { tag: "9999_newer_release", sql: "ALTER TABLE national_measures ADD eli_checked integer;" });
    const measuresBefore = (handle.sqlite.prepare("select count(*) as n from national_measures").get() as { n: number }).n;
    expect(pendingMigrationCount(handle, newer)).toBe(1);
    const { applied, backup } = migrateOrFail(handle, newer);
    expect(applied).toBe(1);
    expect(backup).toMatch(/\.before-migrate-/);
    expect(existsSync(backup!)).toBe(true);
    expect(checkDatabaseFile(backup!)).toMatchObject({ ok: true, appliedMigrations: all });
    expect(pendingMigrationCount(handle, newer)).toBe(0);
    expect((handle.sqlite.pragma("table_info(national_measures)") as { name: string }[]).map((c) => c.name)).toContain("eli_checked");
    expect((handle.sqlite.prepare("select count(*) as n from national_measures").get() as { n: number }).n).toBe(measuresBefore);
  });

  it("rolls a failing migration back entirely and says so, leaving the database as it was", () => {
    const all = expectedMigrations().length;
    const handle = seededAt(migrationsFolder(all));
    const broken = migrationsFolder(all, {
      tag: "9999_broken",
      sql: "ALTER TABLE national_measures ADD eli_checked integer;\n--> statement-breakpoint\nCREATE TABLE national_measures (x);",
    });
    const columnsBefore = handle.sqlite.pragma("table_info(national_measures)") as unknown[];
    let error: unknown;
    try {
      migrateOrFail(handle, broken);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SetupError);
    expect((error as Error).message).toMatch(
      /failed and was rolled back, so it is unchanged \(a copy from before is at .*before-migrate-.*\): .*already exists/,
    );
    expect((error as Error).message).not.toContain("\n");
    expect(handle.sqlite.pragma("table_info(national_measures)")).toEqual(columnsBefore); // the first statement was undone too
    expect(pendingMigrationCount(handle, broken)).toBe(1);
    expect(handle.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
  });
});

describe("a file that is not a database of this code", () => {
  it("is reported, not restored", () => {
    const path = tempPath();
    const db = new Database(path);
    db.exec("create table notes(x)");
    db.close();
    expect(checkDatabaseFile(path)).toMatchObject({ ok: false, problems: [expect.stringMatching(/not an NIS Measures Inventory database/)] });
    expect(checkDatabaseFile(tempPath())).toMatchObject({ ok: false, problems: [expect.stringMatching(/does not exist/)] });
  });
});

describe("scheduled backup retention", () => {
  it("keeps the newest backups and removes the rest", () => {
    const dir = tempPath("backups");
    mkdirSync(dir);
    const names = ["2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01"].map((d) => `inventory-${d}T03-00-00-000Z.sqlite`);
    for (const n of [...names, "unrelated.sqlite", "inventory-notes.txt"]) {
      writeFileSync(join(dir, n), "x");
      utimesSync(join(dir, n), new Date(), new Date());
    }
    expect(pruneBackups(dir, "inventory-", 2)).toEqual(names.slice(0, 2));
    expect(existsSync(join(dir, names[3]!))).toBe(true);
    expect(existsSync(join(dir, "unrelated.sqlite"))).toBe(true);
  });
});
