/** Results kept in memory per connection while the inventory's content stays the same (db/cache/content-version.ts). */
import type { Db } from "../client";
import { contentVersion } from "./content-version";

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
