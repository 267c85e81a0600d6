/**
 * The charts of /charts and their CSV route (app/api/v1/charts/[chart]):
 * one pure function per chart from (snapshot, as-of date) to the table that
 * is drawn, listed and exported.
 */
import type { InventorySnapshot, IsoDate, SnapshotInstrument } from "@/lib/indicators/inventory";
import type { ChartId } from "@/lib/dashboard-params";
import { toCsv } from "@/lib/csv";
import { coverageChart } from "./coverage";
import { deficitChart } from "./deficit";
import { delaysChart } from "./delays";
import { timelineChart } from "./timeline";
import { tableRows, type ChartTable } from "./types";

export * from "./types";
export { coverageChart, deficitChart, delaysChart, timelineChart };
export { DEFICIT_REFERENCE_LINES } from "./deficit";
export { DELAY_BINS } from "./delays";

/** The instrument a timeline is drawn for: the requested CELEX, else the first in the snapshot's order; null when there is none or it is unknown. */
export function timelineInstrument(snapshot: InventorySnapshot, celex: string | null): SnapshotInstrument | null {
  if (celex === null) return snapshot.instruments[0] ?? null;
  return snapshot.instruments.find((i) => i.celex === celex) ?? null;
}

export function chartTable(id: ChartId, snapshot: InventorySnapshot, asOf: IsoDate, instrument: SnapshotInstrument | null): ChartTable | null {
  switch (id) {
    case "deficit":
      return deficitChart(snapshot, asOf);
    case "timeline":
      return instrument ? timelineChart(snapshot, instrument, asOf) : null;
    case "delays":
      return delaysChart(snapshot, asOf);
    case "coverage":
      return coverageChart(snapshot, asOf);
  }
}

/** The chart's CSV: its column labels, then its rows exactly as drawn. */
export function chartCsv(table: ChartTable): string {
  return toCsv(
    table.columns.map((c) => c.label),
    tableRows(table),
  );
}
