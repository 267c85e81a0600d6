/**
 * What the country and directive reports are assembled from (lib/reports): the dashboard's figures of the date
 * (db/queries/dashboard.ts, kept while the inventory is unchanged), a state's instruments with their principal
 * measures, an instrument's national transposition and each state's coverage of it, and the dataset version.
 */
import { inArray } from "drizzle-orm";
import type { Db } from "../client";
import { nationalMeasures } from "../schema";
import { memoOnContent } from "@/db/cache/memo";
import type { AsOf } from "@/lib/as-of";
import type { IsoDate } from "@/lib/indicators/inventory";
import { computeCoverageByInstrument } from "@/lib/indicators/coverage";
import type { CountryReportInput } from "@/lib/reports/country";
import { REPORT_TABLE_ROWS } from "@/lib/reports/country";
import type { InstrumentReportInput } from "@/lib/reports/instrument";
import type { DatasetVersion } from "@/lib/reports/document";
import { loadDashboard } from "./dashboard";
import { latestDataEvent } from "./dataset";
import { findLineageInstrument } from "./lineage";
import { findMemberState } from "./member-states";
import { listStateInstrumentSummaries } from "./member-state-summary";
import { loadNationalTransposition } from "./national-transposition";
import { loadInventorySnapshot } from "./inventory-snapshot";

/** The dataset version the open-data snapshots are named by (`v<id>` of the latest audit event that changed data) and when that event happened. */
export function datasetVersion(db: Db): DatasetVersion {
  const event = latestDataEvent(db);
  return { version: `v${event?.id ?? 0}`, at: event?.at ?? null };
}

/** Everything the country report of `code` shows on the date, or null when the inventory has no such state. */
export function loadCountryReportInput(db: Db, code: string, asOf: AsOf, takenOn: IsoDate, url: string): CountryReportInput | null {
  const state = findMemberState(db, code);
  if (!state) return null;
  // Every instrument (the collection "all"): coverage is defined over all of them, repealed ones included (lib/indicators/catalogue.ts).
  const { snapshot, figures } = loadDashboard(db, asOf.date, takenOn, "all");
  const summaries = listStateInstrumentSummaries(db, state.code, asOf, { page: 1, pageSize: REPORT_TABLE_ROWS });
  const principalIds = summaries.rows.map((r) => r.notification?.principalMeasureId).filter((id): id is number => typeof id === "number");
  const principals = new Map(
    principalIds.length
      ? db
          .select({
            id: nationalMeasures.id,
            key: nationalMeasures.key,
            titleOriginal: nationalMeasures.titleOriginal,
            language: nationalMeasures.language,
            titleEnglish: nationalMeasures.titleEnglish,
          })
          .from(nationalMeasures)
          .where(inArray(nationalMeasures.id, principalIds))
          .all()
          .map(({ id, ...m }) => [id, m])
      : [],
  );
  return {
    state: { code: state.code, name: state.name, accessionDate: state.accessionDate, exitDate: state.exitDate },
    asOf: asOf.date,
    dataset: datasetVersion(db),
    url,
    scoreboard: figures.scoreboard,
    coverage: figures.coverage.find((c) => c.stateCode === state.code) ?? null,
    infringements: figures.infringements.find((i) => i.stateCode === state.code) ?? null,
    delays: figures.delays.filter((d) => d.stateCode === state.code),
    instruments: new Map(snapshot.instruments.map((i) => [i.id, { id: i.id, celex: i.celex, shortName: i.shortName }])),
    instrumentRows: summaries.rows.map((r) => ({
      instrumentId: r.instrumentId,
      celex: r.celex,
      shortName: r.shortName,
      notificationStatus: r.notification?.status ?? null,
      measureCount: r.measureCount,
      statusCounts: r.statusCounts,
      principalMeasure: r.notification?.principalMeasureId ? (principals.get(r.notification.principalMeasureId) ?? null) : null,
    })),
    instrumentTotal: summaries.total,
  };
}

/** Everything the directive report of `celex` shows on the date, or null when the inventory has no such instrument. */
export function loadInstrumentReportInput(db: Db, celex: string, asOf: AsOf, takenOn: IsoDate, url: string): InstrumentReportInput | null {
  const instrument = findLineageInstrument(db, celex);
  if (!instrument) return null;
  const national = loadNationalTransposition(db, celex, asOf.date, takenOn);
  // One instrument's correspondences (1,500 at the scale of the acquis): computed from a snapshot scoped to it, kept while nothing changes.
  const coverage = memoOnContent(db, `report-coverage|${instrument.id}|${asOf.date}`, takenOn, () =>
    computeCoverageByInstrument(loadInventorySnapshot(db, takenOn, { instrumentIds: [instrument.id] }), asOf.date),
  );
  const { id: _id, ...facts } = instrument;
  return { instrument: facts, asOf: asOf.date, dataset: datasetVersion(db), url, rows: national?.rows ?? [], coverage };
}
