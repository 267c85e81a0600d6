/**
 * better-sqlite3 transactions are synchronous callbacks: an async callback
 * would commit before its awaits run. Writes that read first begin
 * IMMEDIATE so two writers cannot both read the same version.
 */
import type { Db } from "./client";

export function writeTransaction<T>(db: Db, work: (tx: Db) => T): T {
  return db.$client.transaction(() => work(db)).immediate();
}
