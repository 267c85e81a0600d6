/**
 * The indicator cache (tables `indicator_cache_*`, db/schema.ts): each
 * instrument's provision-level figures for an "as of" date
 * (lib/indicators/instrument-figures.ts), computed from a snapshot scoped to a
 * batch of instruments and kept until something they were computed from
 * changes — the triggers of migration 0005 delete an instrument's rows in the
 * same transaction as the change. The dashboard then reads 2,000 instruments'
 * figures as a few SQL sums instead of 3 million correspondences.
 *
 * Rows are computed lazily, by whichever request first needs a date, inside
 * an IMMEDIATE transaction so that no write can slip between reading the
 * records and storing what was computed from them. When to compute a date in
 * the background of the server instead is decided by
 * server/cache/indicator-fill.ts; today's by the warm-up (server/cache/warm-up.ts). `takenOn` is part of the
 * key: undated facts count from the day the figures were computed
 * (lib/indicators/inventory.ts), so yesterday's rows are never reused today.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { indicatorCacheCells, indicatorCacheGaps, indicatorCacheInstruments } from "@/db/schema";
import { loadInventorySnapshot } from "@/db/queries/inventory-snapshot";
import { writeDerived } from "@/db/cache/content-version";
import { computeInstrumentFigures, LARGEST_GAPS_LENGTH, type CoverageSums, type ProvisionLevelFigures } from "@/lib/indicators/instrument-figures";
import type { ProvisionHarmonisation } from "@/lib/indicators/harmonisation";
import { pairKey, type IsoDate } from "@/lib/indicators/inventory";

/** Instruments computed per transaction: about 75,000 correspondences at full scale, a few hundred milliseconds of holding the write lock. */
export const CACHE_BATCH_SIZE = 50;

/** Dates kept at once; the least recently computed are dropped beyond this. */
export const CACHED_DATES = 12;

/** The instruments without figures for the date, all or among some. */
export function missingInstrumentIds(db: Db, asOf: IsoDate, takenOn: IsoDate, among?: readonly number[]): number[] {
  const rows = db.$client
    .prepare(
      `select id from instruments where id not in (select instrument_id from indicator_cache_instruments where as_of = ? and taken_on = ?)
       ${among ? "and id in (select value from json_each(?))" : ""} order by id`,
    )
    .pluck()
    .all(asOf, takenOn, ...(among ? [JSON.stringify(among)] : [])) as number[];
  return rows;
}

/** Computes and stores the figures of one batch of instruments (those still missing when the write lock is held). */
export function computeIndicatorBatch(db: Db, asOf: IsoDate, takenOn: IsoDate, batch: readonly number[]): void {
  writeDerived(db, () =>
    db.$client
      .transaction(() => {
        const ids = missingInstrumentIds(db, asOf, takenOn, batch);
        if (ids.length === 0) return;
        const snapshot = loadInventorySnapshot(db, takenOn, { instrumentIds: ids });
        const figures = computeInstrumentFigures(snapshot, asOf, LARGEST_GAPS_LENGTH);
        const key = { asOf, takenOn };
        const json = JSON.stringify(ids);
        // Rows left behind by a connection without foreign keys (e.g. the sqlite3 shell) would collide with the new ones.
        db.$client
          .prepare("delete from indicator_cache_cells where as_of = ? and taken_on = ? and instrument_id in (select value from json_each(?))")
          .run(asOf, takenOn, json);
        db.$client
          .prepare("delete from indicator_cache_gaps where as_of = ? and taken_on = ? and instrument_id in (select value from json_each(?))")
          .run(asOf, takenOn, json);
        for (const f of figures) {
          db.insert(indicatorCacheInstruments)
            .values({ instrumentId: f.instrumentId, ...key, assessedPairs: f.assessedPairs, boundPairs: f.boundPairs })
            .run();
          const nonConforming = new Set(f.nonConformingStateCodes);
          if (f.coverage.length)
            db.insert(indicatorCacheCells)
              .values(
                f.coverage.map((c) => ({
                  instrumentId: f.instrumentId,
                  ...key,
                  stateCode: c.stateCode,
                  provisionCount: c.provisionCount,
                  fullCount: c.counts.full,
                  partialCount: c.counts.partial,
                  notTransposedCount: c.counts.not_transposed,
                  nonConformingCount: c.counts.non_conforming,
                  notApplicableCount: c.counts.not_applicable,
                  unknownCount: c.counts.unknown,
                  notYetDueCount: c.notYetDueCount,
                  isRepealedOnAsOf: c.isRepealedOnAsOf,
                  hasNonConformingProvision: nonConforming.has(c.stateCode),
                })),
              )
              .run();
          if (f.largestGaps.length)
            db.insert(indicatorCacheGaps)
              .values(
                f.largestGaps.map((g) => ({
                  instrumentId: f.instrumentId,
                  ...key,
                  provisionId: g.provisionId,
                  gap: g.gap!,
                  assessedCount: g.assessedCount,
                  figures: g,
                })),
              )
              .run();
        }
      })
      .immediate(),
  );
}

/** Drops the rows of earlier days and of all but the most recently computed dates. */
export function pruneIndicatorCache(db: Db, takenOn: IsoDate): void {
  const stale = db.$client.prepare("select count(*) from indicator_cache_instruments where taken_on <> ?").pluck().get(takenOn) as number;
  const dates = db.$client.prepare("select count(distinct as_of) from indicator_cache_instruments").pluck().get() as number;
  if (stale === 0 && dates <= CACHED_DATES) return;
  writeDerived(db, () =>
    db.$client
      .transaction(() => {
        db.$client.prepare("delete from indicator_cache_instruments where taken_on <> ?").run(takenOn);
        db.$client
          .prepare(
            `delete from indicator_cache_instruments where as_of not in (
             select as_of from indicator_cache_instruments group by as_of order by max(computed_at) desc limit ?)`,
          )
          .run(CACHED_DATES);
      })
      .immediate(),
  );
}

/**
 * Makes sure every instrument's figures for asOf are stored, computing the
 * missing ones in batches (`shouldStop` is asked before each, `betweenBatches` called between two). Returns how
 * many instruments were looked at (those another process computed meanwhile
 * included).
 */
export function ensureIndicatorCache(
  db: Db,
  asOf: IsoDate,
  takenOn: IsoDate,
  options: { batchSize?: number; shouldStop?: () => boolean; betweenBatches?: () => void } = {},
): number {
  const missing = missingInstrumentIds(db, asOf, takenOn);
  if (missing.length === 0) return 0;
  pruneIndicatorCache(db, takenOn);
  const size = options.batchSize ?? CACHE_BATCH_SIZE;
  let computed = 0;
  for (let i = 0; i < missing.length; i += size) {
    if (i > 0) options.betweenBatches?.();
    if (options.shouldStop?.()) break;
    const batch = missing.slice(i, i + size);
    computeIndicatorBatch(db, asOf, takenOn, batch);
    computed += batch.length;
  }
  return computed;
}

/**
 * The provision-level figures on asOf of the whole inventory, or of some instruments only (a collection), from the
 * cache (filled first where needed); lists of at most LARGEST_GAPS_LENGTH.
 */
export function loadProvisionLevelFigures(
  db: Db,
  asOf: IsoDate,
  takenOn: IsoDate,
  listLength: number = LARGEST_GAPS_LENGTH,
  instrumentIds: readonly number[] | null = null,
): ProvisionLevelFigures {
  if (listLength > LARGEST_GAPS_LENGTH) throw new RangeError(`the cache keeps the ${LARGEST_GAPS_LENGTH} largest gaps of each instrument, not ${listLength}`);
  ensureIndicatorCache(db, asOf, takenOn);
  const onDate = (t: typeof indicatorCacheCells | typeof indicatorCacheGaps | typeof indicatorCacheInstruments) =>
    and(
      eq(t.asOf, asOf),
      eq(t.takenOn, takenOn),
      instrumentIds === null ? undefined : sql`${t.instrumentId} in (select value from json_each(${JSON.stringify(instrumentIds)}))`,
    );
  // Read in one transaction: the sums, the flags and the list describe the same state of the cache.
  return db.$client.transaction(() => {
    const coverageByState = new Map<string, CoverageSums>();
    const sums = db
      .select({
        stateCode: indicatorCacheCells.stateCode,
        full: sql<number>`sum(${indicatorCacheCells.fullCount})`,
        applicable: sql<number>`sum(${indicatorCacheCells.provisionCount} - ${indicatorCacheCells.notApplicableCount})`,
        unknown: sql<number>`sum(${indicatorCacheCells.unknownCount})`,
      })
      .from(indicatorCacheCells)
      .where(onDate(indicatorCacheCells))
      .groupBy(indicatorCacheCells.stateCode)
      .all();
    for (const s of sums) coverageByState.set(s.stateCode, { fullCount: s.full, applicableCount: s.applicable, assessedCount: s.applicable - s.unknown });
    const nonConforming = new Set(
      db
        .select({ stateCode: indicatorCacheCells.stateCode, instrumentId: indicatorCacheCells.instrumentId })
        .from(indicatorCacheCells)
        .where(and(onDate(indicatorCacheCells), eq(indicatorCacheCells.hasNonConformingProvision, true)))
        .all()
        .map((r) => pairKey(r.stateCode, r.instrumentId)),
    );
    const totals = db
      .select({
        assessed: sql<number>`coalesce(sum(${indicatorCacheInstruments.assessedPairs}), 0)`,
        bound: sql<number>`coalesce(sum(${indicatorCacheInstruments.boundPairs}), 0)`,
      })
      .from(indicatorCacheInstruments)
      .where(onDate(indicatorCacheInstruments))
      .get();
    const largestGaps = db
      .select({ figures: indicatorCacheGaps.figures })
      .from(indicatorCacheGaps)
      .where(onDate(indicatorCacheGaps))
      .orderBy(desc(indicatorCacheGaps.gap), desc(indicatorCacheGaps.assessedCount), asc(indicatorCacheGaps.provisionId))
      .limit(listLength)
      .all()
      .map((r) => r.figures as ProvisionHarmonisation);
    return { coverageByState, nonConforming, assessedPairs: totals?.assessed ?? 0, boundPairs: totals?.bound ?? 0, largestGaps };
  })();
}

/** How far the date's figures are: instruments stored out of all instruments. */
export function indicatorCacheCounts(db: Db, asOf: IsoDate, takenOn: IsoDate): { computed: number; total: number } {
  const total = db.$client.prepare("select count(*) from instruments").pluck().get() as number;
  return { computed: cachedInstrumentCount(db, asOf, takenOn), total };
}

/** How many instruments have figures stored for the date (for the health of the cache, and tests). */
export function cachedInstrumentCount(db: Db, asOf: IsoDate, takenOn: IsoDate): number {
  return db.$client.prepare("select count(*) from indicator_cache_instruments where as_of = ? and taken_on = ?").pluck().get(asOf, takenOn) as number;
}
