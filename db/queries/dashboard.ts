/**
 * The dashboard's figures for a date: the Scoreboard-style part from the
 * notifications and infringements (a snapshot without provisions, reused
 * while the inventory is unchanged), the provision-level part from the
 * indicator cache (db/cache/indicator-cache.ts). The figures of a date are
 * kept with the snapshot they were computed from, so repeated views of an
 * unchanged inventory cost a lookup; any write starts afresh.
 */
import { loadInventorySnapshotCached } from "@/db/cache/snapshot";
import { memoOnContent } from "@/db/cache/memo";
import { inArray } from "drizzle-orm";
import type { Db } from "../client";
import { provisions } from "../schema";
import { loadProvisionLevelFigures } from "@/db/cache/indicator-cache";
import { countPerInstrument, countPerState, inventoryTotals, lastUpdatedAt } from "./overview";
import { computeDashboardFigures, computeNotificationFigures, type DashboardFigures, type NotificationFigures } from "@/lib/indicators/dashboard";
import type { Scoreboard } from "@/lib/indicators/transposition-deficit";
import { restrictSnapshot, type InventorySnapshot, type IsoDate, type SnapshotInstrument } from "@/lib/indicators/inventory";
import type { CollectionId } from "@/lib/collections";
import { loadCollectionIds } from "./collections";
import { findPreviousEdition } from "./editions";
import type { ChartId } from "@/lib/dashboard-params";
import { chartTable, type ChartTable } from "@/lib/charts";

export interface Dashboard {
  /** States, instruments, notifications and infringements (no provisions). */
  snapshot: InventorySnapshot;
  figures: DashboardFigures;
}

interface SnapshotParts {
  notificationFigures: NotificationFigures;
  /** Kept for the non-conforming pairs and the previous edition it was computed with. */
  scoreboard?: { nonConforming: string; previousEdition: string | null; scoreboard: Scoreboard };
}
/** Per snapshot without provisions (it lives until a Scoreboard record changes) and date: the parts that depend on it alone. */
const partsBySnapshot = new WeakMap<InventorySnapshot, Map<IsoDate, SnapshotParts>>();
const DATES_PER_SNAPSHOT = 16;

function snapshotParts(snapshot: InventorySnapshot, asOf: IsoDate): SnapshotParts {
  let byDate = partsBySnapshot.get(snapshot);
  if (!byDate) partsBySnapshot.set(snapshot, (byDate = new Map()));
  let parts = byDate.get(asOf);
  if (!parts) {
    parts = { notificationFigures: computeNotificationFigures(snapshot, asOf) };
    if (byDate.size >= DATES_PER_SNAPSHOT) byDate.delete(byDate.keys().next().value!);
    byDate.set(asOf, parts);
  }
  return parts;
}

/**
 * The dashboard for a date. The whole figures are reused while nothing
 * changes; after a write to a correspondence only the changed instrument's
 * cache rows and the SQL sums are redone — the notification figures, and the
 * Scoreboard unless the non-conforming pairs changed, are kept with the
 * snapshot they came from.
 */
export function loadDashboard(db: Db, asOf: IsoDate, takenOn: IsoDate, collection: CollectionId = "all"): Dashboard {
  const instrumentIds = loadCollectionIds(db, collection, asOf, takenOn);
  const whole = loadInventorySnapshotCached(db, takenOn, { provisions: false });
  const snapshot = instrumentIds === null ? whole : restrictSnapshot(whole, instrumentIds);
  return memoOnContent(db, `dashboard|${asOf}|${collection}`, takenOn, () => {
    const provisionLevel = loadProvisionLevelFigures(db, asOf, takenOn, undefined, instrumentIds);
    const parts = snapshotParts(snapshot, asOf);
    const nonConforming = [...provisionLevel.nonConforming].sort().join(",");
    // The Scoreboard's previous reporting date is the last edition published of this collection before the date, where there is one.
    const edition = findPreviousEdition(db, asOf, collection);
    const previous = edition ? { date: edition.reportingDate, edition: edition.name, figures: edition.figures } : undefined;
    const previousEdition = edition?.name ?? null;
    const kept = parts.scoreboard;
    const figures = computeDashboardFigures(snapshot, asOf, {
      provisionLevel,
      previous,
      reuse: {
        notificationFigures: parts.notificationFigures,
        scoreboard: kept?.nonConforming === nonConforming && kept.previousEdition === previousEdition ? kept.scoreboard : undefined,
      },
    });
    parts.scoreboard = { nonConforming, previousEdition, scoreboard: figures.scoreboard };
    return { snapshot, figures };
  });
}

export interface ProvisionLabel {
  id: number;
  kind: string;
  number: string;
}

/** Kind and number of the given provisions (the dashboard's lists name a handful). */
export function provisionLabels(db: Db, ids: readonly number[]): Map<number, ProvisionLabel> {
  if (ids.length === 0) return new Map();
  const rows = db
    .select({ id: provisions.id, kind: provisions.kind, number: provisions.number })
    .from(provisions)
    .where(inArray(provisions.id, [...ids]))
    .all();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The part of the inventory a chart of /charts is drawn from: the coverage chart needs the provisions imposing obligations, the others only the notifications. */
export function snapshotForChart(db: Db, chart: ChartId, takenOn: IsoDate, instrumentIds: readonly number[] | null = null): InventorySnapshot {
  const whole = loadInventorySnapshotCached(db, takenOn, chart === "coverage" ? { obligationProvisionsOnly: true } : { provisions: false });
  return instrumentIds === null ? whole : restrictSnapshot(whole, instrumentIds);
}

/**
 * A chart's table on a date (lib/charts), reused while the inventory is unchanged, like the
 * dashboard's figures: the coverage chart reads the 690,000 correspondences of provisions
 * imposing an obligation at the scale of the acquis (3 s), the page and its CSV ask for the same.
 */
export function loadChartTable(
  db: Db,
  id: ChartId,
  asOf: IsoDate,
  takenOn: IsoDate,
  instrument: SnapshotInstrument | null,
  collection: CollectionId = "all",
): ChartTable | null {
  const key = `chart|${id}|${asOf}|${collection}|${id === "timeline" ? (instrument?.id ?? "none") : ""}`;
  return memoOnContent(db, key, takenOn, () =>
    chartTable(id, snapshotForChart(db, id, takenOn, loadCollectionIds(db, collection, asOf, takenOn)), asOf, instrument),
  );
}

/** The dashboard's counts of what the inventory holds (the first `instrumentLimit` instruments by adoption), reused while nothing changes. */
export function loadDashboardOverview(db: Db, instrumentLimit: number, takenOn: IsoDate) {
  return memoOnContent(db, `dashboard-overview|${instrumentLimit}`, takenOn, () => ({
    perInstrument: countPerInstrument(db, { limit: instrumentLimit }),
    totals: inventoryTotals(db),
    perState: countPerState(db),
    updated: lastUpdatedAt(db),
  }));
}
