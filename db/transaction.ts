/**
 * better-sqlite3 transactions are synchronous callbacks: an async callback
 * would commit before its awaits run. Writes that read first begin
 * IMMEDIATE so two writers cannot both read the same version.
 */
import type { Db } from "./client";

export function writeTransaction<T>(db: Db, work: (tx: Db) => T): T {
  // drizzle's better-sqlite3 session exposes the raw client; its transaction() is the synchronous one.
  const client = (db as unknown as { $client: import("better-sqlite3").Database }).$client;
  return client.transaction(() => work(db)).immediate();
}
