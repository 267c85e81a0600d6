/**
 * A chart's data as one table: the same rows are drawn by the chart, listed
 * in its accessible data table and written to its CSV (lib/csv.ts), so the
 * three cannot disagree. Values are already rounded as drawn.
 */
import type { IsoDate } from "@/lib/indicators/inventory";
import type { ChartId } from "@/lib/dashboard-params";

export type ChartValue = string | number | null;

export interface ChartColumn {
  key: string;
  label: string;
  kind: "text" | "number" | "date";
}

export interface ChartTable {
  id: ChartId;
  title: string;
  /** How the figure is computed, with the counts of what it leaves out. */
  caption: string;
  asOf: IsoDate;
  columns: ChartColumn[];
  rows: Record<string, ChartValue>[];
  /** Set when there is nothing to draw on the date, saying why. */
  emptyMessage: string | null;
  /**
   * The figures the caption and the empty message are written from, so that the interface can write them in its
   * language (messages "charts.<id>"); title, caption and labels here stay English, as the CSV writes them.
   */
  figures: Record<string, string | number>;
}

/** A share as a percentage with one decimal (what is drawn). */
export function percentOf(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 10;
}

export function round1(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

export function tableRows(table: ChartTable): ChartValue[][] {
  return table.rows.map((row) => table.columns.map((c) => row[c.key] ?? null));
}
