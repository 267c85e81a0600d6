/**
 * What the inventory's content is at, for caches held in memory: SQLite's
 * `data_version` (bumped by commits of other connections) with this
 * connection's `total_changes()` (bumped by its own writes) and the day —
 * minus the changes the connection made to derived data only (the indicator
 * cache, db/queries/indicator-cache.ts), which must not make the inventory
 * look changed.
 */
import type { Db } from "../client";

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

/**
 * A bound on how many results of one kind a connection keeps, least recently computed first out. Kinds that many
 * views produce (one per instrument) have their own group, so they cannot push out the few results that take
 * seconds (dashboard, charts, the obligation and property gap views) from the default group.
 */
export interface MemoGroup {
  name: string;
  kept: number;
}
const DEFAULT_GROUP: MemoGroup = { name: "default", kept: 64 };

const memos = new WeakMap<Db["$client"], Map<string, Map<string, { version: string; value: unknown }>>>();

/** `compute()`, reused on this connection while the content version (of today) stays the same. */
export function memoOnContent<T>(db: Db, name: string, takenOn: string, compute: () => T, group: MemoGroup = DEFAULT_GROUP): T {
  const version = contentVersion(db, takenOn);
  let groups = memos.get(db.$client);
  if (!groups) memos.set(db.$client, (groups = new Map()));
  let byName = groups.get(group.name);
  if (!byName) groups.set(group.name, (byName = new Map()));
  const hit = byName.get(name);
  if (hit && hit.version === version) return hit.value as T;
  const value = compute();
  byName.delete(name);
  byName.set(name, { version, value });
  // Maps iterate in insertion order: drop the least recently computed beyond the group's bound.
  for (const key of byName.keys()) if (byName.size > group.kept) byName.delete(key);
  return value;
}
