/**
 * The frozen copies of published editions: where they live (an `editions` folder beside the database, or
 * EDITIONS_DIR), and their connections, opened once per process and kept. A copy is opened read-write because the
 * dashboard fills its indicator cache there (derived data); a TEMP trigger on the copy's connection refuses every
 * audited write — and every change of the inventory writes an audit event (db/writes/entity.ts) — so nothing can
 * change an edition's records even if a caller forgot to ask (server/action.ts refuses first, with a message).
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { eq } from "drizzle-orm";
import { getDbHandle, openDatabase, type DbHandle, type EditionScope } from "./client";
import { editions } from "./schema";
import { EDITION_NAME } from "../lib/editions";

export const EDITION_READ_ONLY = "This is a published edition of the inventory: it cannot be changed.";

export function editionsDir(databaseFile: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(/* turbopackIgnore: true */ env.EDITIONS_DIR || join(dirname(databaseFile), "editions"));
}

const globalForEditions = globalThis as unknown as { inventoryEditionHandles?: Map<string, DbHandle> };

/** The connection to an edition's copy, opened on first use and kept for the process. */
export function openEditionCopy(path: string): DbHandle {
  const handles = (globalForEditions.inventoryEditionHandles ??= new Map());
  let handle = handles.get(path);
  if (!handle || !handle.sqlite.open) {
    handle = openDatabase(path, { mustExist: true });
    handle.sqlite.exec(
      `CREATE TEMP TRIGGER IF NOT EXISTS edition_read_only BEFORE INSERT ON main.audit_events BEGIN SELECT RAISE(ABORT, '${EDITION_READ_ONLY.replace(/'/g, "''")}'); END;`,
    );
    handles.set(path, handle);
  }
  return handle;
}

/** Closes the copies' connections (at shutdown, and in tests). */
export function closeEditionCopies(): void {
  for (const handle of globalForEditions.inventoryEditionHandles?.values() ?? []) if (handle.sqlite.open) handle.sqlite.close();
  globalForEditions.inventoryEditionHandles?.clear();
}

/**
 * The scope of a request that asked for `?edition=<name>`: the edition's copy when the live inventory has published
 * it and its file is there; else "missing", and the request reads the live inventory (the banner says so).
 */
export function resolveEditionScope(name: string, live: DbHandle = getDbHandle()): EditionScope {
  if (!EDITION_NAME.test(name)) return { missing: name.slice(0, 40) };
  const edition = live.db.select().from(editions).where(eq(editions.name, name)).get();
  if (!edition) return { missing: name };
  const path = join(editionsDir(live.path), edition.file);
  if (!existsSync(path)) return { missing: name };
  return { edition: { name: edition.name, reportingDate: edition.reportingDate, datasetVersion: edition.datasetVersion, handle: openEditionCopy(path) } };
}
