/**
 * Opens the SQLite database with the pragmas the inventory relies on, and
 * keeps ONE connection per process for the app (better-sqlite3 is
 * synchronous; one connection serialises writes inside the process and WAL
 * lets readers run beside it).
 */
import Database from "better-sqlite3";
import { AsyncLocalStorage } from "node:async_hooks";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export interface DbHandle {
  sqlite: Database.Database;
  db: Db;
  path: string;
}

export const DEFAULT_DB_PATH = "db/inventory.sqlite";

export function databasePath(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(/* turbopackIgnore: true */ env.INVENTORY_DB_PATH || DEFAULT_DB_PATH);
}

/**
 * The pragmas are part of the data-safety contract (SECURITY.md):
 * WAL for concurrent readers; foreign keys enforced; a busy timeout so a
 * second process waits instead of failing; synchronous=FULL because the
 * audit trail must survive a power cut, not only a process crash.
 */
export function applyPragmas(sqlite: Database.Database): void {
  if (sqlite.name !== ":memory:") sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = FULL");
  // Bound the WAL: checkpoint every ~1000 pages (the default, made explicit) and truncate it back.
  sqlite.pragma("wal_autocheckpoint = 1000");
  sqlite.pragma("journal_size_limit = 67108864");
}

/**
 * `pragma optimize` may run ANALYZE, which needs the write lock. It is only advice to the planner: while another
 * process holds the lock (the indicator warm-up, another worker's write) opening a connection must not wait for it,
 * nor fail the request that opened it (a page answered 500 during the start-up warm-up at scale).
 */
function optimizeIfFree(sqlite: Database.Database): void {
  const timeout = sqlite.pragma("busy_timeout", { simple: true }) as number;
  sqlite.pragma("busy_timeout = 0");
  try {
    sqlite.pragma("optimize=0x10002");
  } catch (error) {
    if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
  } finally {
    sqlite.pragma(`busy_timeout = ${timeout}`);
  }
}

export function openDatabase(path: string, options: { readonly?: boolean; mustExist?: boolean } = {}): DbHandle {
  if (path !== ":memory:" && !options.mustExist) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.mustExist ?? false });
  applyPragmas(sqlite);
  // Gives the query planner statistics (the scale bench found plans unguided without them); cheap when nothing changed.
  if (!options.readonly) optimizeIfFree(sqlite);
  return { sqlite, db: drizzle(sqlite, { schema }), path };
}

/**
 * The connection lives on globalThis because scripts/server.ts and Next's bundle each load their own copy of this
 * module, and they must share ONE connection. Nothing else reads it there: use the functions below.
 */
const globalForDb = globalThis as unknown as { inventoryDb?: DbHandle; inventoryEditionScope?: AsyncLocalStorage<EditionScope> };

/** The process-wide connection's handle, opened on first use: its path for a reader of its own, its SQLite for maintenance. */
export function getDbHandle(): DbHandle {
  if (!globalForDb.inventoryDb) globalForDb.inventoryDb = openDatabase(databasePath(), { mustExist: true });
  return globalForDb.inventoryDb;
}

/** The process-wide connection if it was opened, without opening it (to close it at shutdown). */
export function openedDbHandle(): DbHandle | undefined {
  return globalForDb.inventoryDb;
}

/** A published edition a request reads instead of the live inventory (db/editions.ts opens its copy). */
export interface EditionView {
  name: string;
  reportingDate: string;
  datasetVersion: string;
  handle: DbHandle;
}

/** What a request asked to view: an edition, or a name no edition has (then it reads the live inventory). */
export type EditionScope = { edition: EditionView } | { missing: string };

/**
 * The edition a request views, set per request by scripts/server.ts around Next's handler. On globalThis for the
 * same reason as the connection: the server's copy of this module and Next's bundle's must share one store.
 */
function editionStorage(): AsyncLocalStorage<EditionScope> {
  return (globalForDb.inventoryEditionScope ??= new AsyncLocalStorage<EditionScope>());
}

/** Runs `work` (and everything it awaits) viewing the scope's edition. */
export function runInEditionScope<T>(scope: EditionScope, work: () => T): T {
  return editionStorage().run(scope, work);
}

/** The edition the current request views, if it asked for one. */
export function currentEditionScope(): EditionScope | undefined {
  return editionStorage().getStore();
}

/**
 * The connection the app's pages and route handlers read: the live inventory, or the published edition's frozen
 * copy while a request views one ("?edition=2026-H2"). Edits are refused in an edition (server/action.ts, and the
 * copy's own trigger, db/editions.ts).
 */
export function getDb(): Db {
  const scope = currentEditionScope();
  return scope && "edition" in scope ? scope.edition.handle.db : getDbHandle().db;
}

/** The live inventory whatever the request views: accounts, sessions and sign-ins are never read from an edition. */
export function getLiveDb(): Db {
  return getDbHandle().db;
}
