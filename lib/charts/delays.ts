import type { InventorySnapshot, IsoDate } from "@/lib/indicators/inventory";
import { computeInstrumentDelays } from "@/lib/indicators/transposition-deficit";
import { DAYS_PER_MONTH } from "@/lib/indicators/timeline";
import type { ChartTable } from "./types";

/** Delay classes in months past the deadline: [label, lower bound (exclusive, except the first), upper bound (inclusive)]. */
export const DELAY_BINS: readonly { label: string; maxMonths: number }[] = [
  { label: "On time", maxMonths: 0 },
  { label: "Up to 6 months", maxMonths: 6 },
  { label: "6–12 months", maxMonths: 12 },
  { label: "1–2 years", maxMonths: 24 },
  { label: "2–4 years", maxMonths: 48 },
  { label: "Over 4 years", maxMonths: Infinity },
];

export function delayBinOf(delayDays: number): number {
  const months = delayDays / DAYS_PER_MONTH;
  if (delayDays <= 0) return 0;
  return DELAY_BINS.findIndex((b, i) => i > 0 && months <= b.maxMonths);
}

/**
 * Distribution of transposition delay over the state × instrument pairs on
 * asOf (computeInstrumentDelays): transposed pairs by delay from deadline to
 * transposition, split by whether the date is recorded or inferred; pairs
 * still overdue by the time elapsed (to asOf, or to the repeal).
 */
export function delaysChart(snapshot: InventorySnapshot, asOf: IsoDate): ChartTable {
  const delays = computeInstrumentDelays(snapshot, asOf);
  const counts = DELAY_BINS.map(() => ({ recorded: 0, inferred: 0, overdue: 0 }));
  let drawnCount = 0;
  for (const d of delays) {
    if (d.delayDays === null) continue;
    const bin = counts[delayBinOf(d.delayDays)]!;
    drawnCount += 1;
    if (d.status === "overdue") bin.overdue += 1;
    else if (d.isDateInferred) bin.inferred += 1;
    else bin.recorded += 1;
  }
  const count = (status: string) => delays.filter((d) => d.status === status).length;
  return {
    id: "delays",
    title: `Distribution of transposition delay, as of ${asOf}`,
    caption:
      `Each Member State × instrument pair whose deadline fell before the instrument's repeal, by months from the state's deadline ` +
      `(the later of the instrument's deadline and its accession) to its complete transposition: the recorded notification date, or the principal measure's entry into force (else adoption or publication) where no date is recorded ("date inferred"). ` +
      `Pairs not transposed by ${asOf} are counted by the time elapsed up to ${asOf}, or up to the repeal. A month is 30.44 days. ` +
      `Not drawn: ${count("date_unknown")} pairs complete but with no date at all, ${count("not_recorded")} with no notification recorded, ${count("not_yet_due")} not yet due.`,
    asOf,
    columns: [
      { key: "delay", label: "Delay", kind: "text" },
      { key: "transposed_recorded_date", label: "Transposed (recorded date)", kind: "number" },
      { key: "transposed_inferred_date", label: "Transposed (date inferred)", kind: "number" },
      { key: "not_transposed", label: "Not transposed (still overdue or until repeal)", kind: "number" },
    ],
    rows: DELAY_BINS.map((b, i) => ({
      delay: b.label,
      transposed_recorded_date: counts[i]!.recorded,
      transposed_inferred_date: counts[i]!.inferred,
      not_transposed: counts[i]!.overdue,
    })),
    figures: { dateUnknown: count("date_unknown"), notRecorded: count("not_recorded"), notYetDue: count("not_yet_due") },
    emptyMessage: drawnCount ? null : `No state × instrument pair has a known delay on ${asOf}.`,
  };
}
