/**
 * What the inventory's content is at, for caches held in memory: SQLite's
 * `data_version` (bumped by commits of other connections) with this
 * connection's `total_changes()` (bumped by its own writes) and the day —
 * minus the changes the connection made to derived data only (the indicator
 * cache, db/cache/indicator-cache.ts), which must not make the inventory
 * look changed. The caches held in memory key on it (db/cache/memo.ts,
 * db/cache/snapshot.ts).
 */
import type { Statement } from "better-sqlite3";
import type { Db } from "@/db/client";

const derivedChanges = new WeakMap<Db["$client"], number>();

export function contentVersion(db: Db, takenOn: string): string {
  const dataVersion = db.$client.prepare("pragma data_version").pluck().get() as number;
  const changes = db.$client.prepare("select total_changes()").pluck().get() as number;
  return `${dataVersion}|${changes - (derivedChanges.get(db.$client) ?? 0)}|${takenOn}`;
}

/** Runs a write of derived data only, keeping the content version as it was. */
export function writeDerived<T>(db: Db, work: () => T): T {
  const total = () => db.$client.prepare("select total_changes()").pluck().get() as number;
  const before = total();
  try {
    return work();
  } finally {
    derivedChanges.set(db.$client, (derivedChanges.get(db.$client) ?? 0) + total() - before);
  }
}

/** The counter the triggers of migration 0007 bump on any change to the records the Scoreboard-style indicators read, by any process. */
export function scoreboardVersion(db: Db): number {
  return (db.$client.prepare("select version from part_versions where part = 'scoreboard'").pluck().get() as number | undefined) ?? -1;
}

/** What the published content is at, the same in every process: migration 0012's counter, bumped in the transaction of every change. */
export interface PublishedVersion {
  /** Random per database file, renewed by a restore: a counter of another file never passes for this one's. */
  epoch: string;
  version: number;
  /** ISO time of the latest change (of the migration, before any). */
  changedAt: string;
}

interface PublishedVersionRow {
  epoch: string;
  version: number;
  changed_at: string;
}
const publishedVersionStatements = new WeakMap<Db["$client"], Statement<[], PublishedVersionRow>>();

/** One indexed read of one row (a prepared statement kept per connection): cheap enough to ask on every request. */
export function publishedVersion(db: Db): PublishedVersion {
  let statement = publishedVersionStatements.get(db.$client);
  if (!statement)
    publishedVersionStatements.set(
      db.$client,
      (statement = db.$client.prepare<[], PublishedVersionRow>("select epoch, version, changed_at from content_version where id = 1")),
    );
  const row = statement.get();
  if (!row) throw new Error("the content_version row is missing: run the migrations (npm run db:migrate)");
  return { epoch: row.epoch, version: row.version, changedAt: row.changed_at };
}

/** Gives the database a new epoch: a restored file must not share validators with the state it was copied from. */
export function renewContentEpoch(sqlite: Db["$client"]): void {
  const hasTable = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'content_version'").get();
  if (hasTable) sqlite.prepare("update content_version set epoch = lower(hex(randomblob(8))), version = version + 1 where id = 1").run();
}
