/** The inventory snapshot (db/queries/inventory-snapshot.ts) kept in memory per connection and scope while what it was read from is unchanged. */
import type { IsoDate, InventorySnapshot } from "@/lib/indicators/inventory";
import type { Db } from "../client";
import { loadInventorySnapshot, type SnapshotScope } from "../queries/inventory-snapshot";
import { contentVersion, scoreboardVersion } from "./content-version";

interface CachedSnapshot {
  key: string;
  snapshot: InventorySnapshot;
}
const snapshotCache = new WeakMap<Db, Map<string, CachedSnapshot>>();
/** Parts kept per connection (whole, frame, obligation provisions, a few instruments). */
const CACHED_SCOPES = 8;

/**
 * `loadInventorySnapshot`, reused while the inventory has not changed
 * (`contentVersion`), per scope: any write anywhere makes the next request
 * read afresh — except for the snapshot without provisions, which is read
 * afresh only when one of its records changes (`scoreboardVersion`).
 */
export function loadInventorySnapshotCached(db: Db, takenOn: IsoDate = new Date().toISOString().slice(0, 10), scope: SnapshotScope = {}): InventorySnapshot {
  // Without provisions the snapshot holds only the Scoreboard's records, whose own counter (migration 0007) survives changes to correspondences.
  const key = scope.provisions === false && !scope.instrumentIds ? `scoreboard ${scoreboardVersion(db)}|${takenOn}` : contentVersion(db, takenOn);
  const scopeKey = JSON.stringify(scope);
  let perScope = snapshotCache.get(db);
  if (!perScope) snapshotCache.set(db, (perScope = new Map()));
  const cached = perScope.get(scopeKey);
  if (cached && cached.key === key) return cached.snapshot;
  const snapshot = loadInventorySnapshot(db, takenOn, scope);
  perScope.delete(scopeKey);
  perScope.set(scopeKey, { key, snapshot });
  // Maps iterate in insertion order: the first entry is the least recently loaded.
  // Scopes are keyed on different versions, so an entry is stale only when its own key moves on; the oldest go beyond the bound.
  for (const k of perScope.keys()) if (perScope.size > CACHED_SCOPES) perScope.delete(k);
  return snapshot;
}
