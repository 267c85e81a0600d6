import type { InventorySnapshot, IsoDate } from "@/lib/indicators/inventory";
import { computeTranspositionDeficits, DEFICIT_TARGETS } from "@/lib/indicators/transposition-deficit";
import { percentOf, type ChartTable } from "./types";

/** The reference lines drawn on the deficit chart, in percent. */
export const DEFICIT_REFERENCE_LINES = [
  { value: DEFICIT_TARGETS.europeanCouncil2007.value * 100, label: DEFICIT_TARGETS.europeanCouncil2007.label },
  { value: DEFICIT_TARGETS.singleMarketAct2011.value * 100, label: DEFICIT_TARGETS.singleMarketAct2011.label },
] as const;

/**
 * Transposition deficit per Member State on asOf, one bar per member with a
 * deficit, largest first (ties by code). States with nothing due or no known
 * notification are listed in the caption, not drawn.
 */
export function deficitChart(snapshot: InventorySnapshot, asOf: IsoDate): ChartTable {
  const names = new Map(snapshot.memberStates.map((s) => [s.code, s.name]));
  const deficits = computeTranspositionDeficits(snapshot, asOf);
  const drawn = deficits.filter((d) => d.deficit !== null).sort((a, b) => b.deficit! - a.deficit! || a.stateCode.localeCompare(b.stateCode));
  const undrawn = deficits.length - drawn.length;
  const inferred = drawn.reduce((n, d) => n + d.transposedDateInferredCount, 0);
  return {
    id: "deficit",
    title: `Transposition deficit per Member State, as of ${asOf} (Scoreboard-style, not official)`,
    caption:
      `Deficit = instruments in force whose deadline for the state passed before ${asOf} and whose complete transposition had not been notified by then, ` +
      `divided by those whose notification is known (not recorded or undatable notifications are left out). ` +
      `Reference lines: ${DEFICIT_REFERENCE_LINES.map((l) => l.label).join("; ")}. ` +
      `${inferred} of the transpositions counted are dated from the principal measure's entry into force (or adoption), not a recorded notification date. ` +
      `${undrawn} of ${deficits.length} member states have no deficit on this date (nothing due, or no notification known) and are not drawn.`,
    asOf,
    columns: [
      { key: "state", label: "Member State", kind: "text" },
      { key: "deficit_percent", label: "Deficit (%)", kind: "number" },
      { key: "not_transposed", label: "Not transposed", kind: "number" },
      { key: "assessed", label: "Due, notification known", kind: "number" },
      { key: "not_assessed", label: "Due, notification unknown", kind: "number" },
      { key: "date_inferred", label: "Transposed, date inferred", kind: "number" },
    ],
    rows: drawn.map((d) => ({
      state: `${names.get(d.stateCode) ?? d.stateCode} (${d.stateCode})`,
      deficit_percent: percentOf(d.deficit),
      not_transposed: d.notTransposedCount,
      assessed: d.assessedCount,
      not_assessed: d.notAssessedCount,
      date_inferred: d.transposedDateInferredCount,
    })),
    figures: { inferred, undrawn, states: deficits.length },
    emptyMessage: drawn.length
      ? null
      : `No Member State has a transposition deficit on ${asOf}: no instrument of the inventory is both in force and past its deadline with a known notification.`,
  };
}
