/**
 * What the inventory's content is at, for caches held in memory: SQLite's
 * `data_version` (bumped by commits of other connections) with this
 * connection's `total_changes()` (bumped by its own writes) and the day —
 * minus the changes the connection made to derived data only (the indicator
 * cache, db/cache/indicator-cache.ts), which must not make the inventory
 * look changed. The caches held in memory key on it (db/cache/memo.ts,
 * db/cache/snapshot.ts).
 */
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
