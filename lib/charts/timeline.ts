import type { InventorySnapshot, IsoDate, SnapshotInstrument } from "@/lib/indicators/inventory";
import { indexSnapshot, pairKey } from "@/lib/indicators/inventory";
import { notificationOnDate, transpositionDateOf } from "@/lib/indicators/transposition-deficit";
import { isMemberOn } from "@/lib/indicators/timeline";
import { stateInstrumentDeadline } from "@/lib/indicators/deadlines";
import type { ChartTable } from "./types";

export interface TimelineMarkers {
  deadline: IsoDate | null;
  repealedFrom: IsoDate | null;
}

/**
 * Timeline of transposition of one instrument: on each date where the count
 * can change (adoption, a state's transposition date — recorded or inferred —,
 * an accession or exit, the deadline, the repeal, the snapshot day, asOf), the
 * number of states that are members then and count as transposed then (the
 * rule of notificationOnDate). Dates after asOf are not drawn.
 */
export function timelineChart(snapshot: InventorySnapshot, instrument: SnapshotInstrument, asOf: IsoDate): ChartTable & { markers: TimelineMarkers } {
  const index = indexSnapshot(snapshot);
  const dates = new Set<IsoDate>([instrument.adoptionDate, asOf]);
  if (instrument.transpositionDeadline) dates.add(instrument.transpositionDeadline);
  if (instrument.repealedFrom) dates.add(instrument.repealedFrom);
  if (snapshot.takenOn) dates.add(snapshot.takenOn);
  for (const state of snapshot.memberStates) {
    dates.add(state.accessionDate);
    if (state.exitDate) dates.add(state.exitDate);
    const record = index.notificationByStateInstrument.get(pairKey(state.code, instrument.id));
    const dated = record && record.status === "complete" ? transpositionDateOf(record, snapshot.takenOn) : null;
    if (dated) dates.add(dated.date);
  }
  const drawn = [...dates].filter((d) => d >= instrument.adoptionDate && d <= asOf).sort();
  const rows: ChartTable["rows"] = [];
  let previous = "";
  for (const date of drawn) {
    let transposed = 0;
    let inferred = 0;
    let members = 0;
    for (const state of snapshot.memberStates) {
      if (!isMemberOn(state, date)) continue;
      members += 1;
      const n = notificationOnDate(snapshot, state.code, instrument.id, date);
      if (n.state !== "transposed") continue;
      transposed += 1;
      if (n.isDateInferred) inferred += 1;
    }
    const key = `${transposed}|${inferred}|${members}`;
    // Keep a date only where something changes, plus the deadline, the repeal and the last date.
    const isMarker = date === instrument.transpositionDeadline || date === instrument.repealedFrom || date === asOf;
    if (key === previous && !isMarker) continue;
    previous = key;
    rows.push({ date, states_transposed: transposed, of_which_date_inferred: inferred, member_states: members });
  }
  const deadlines = new Set(snapshot.memberStates.map((s) => stateInstrumentDeadline(s, instrument)).filter(Boolean));
  return {
    id: "timeline",
    title: `Member States that transposed ${instrument.shortName}, over time to ${asOf}`,
    caption:
      `Cumulative number of Member States (members on each date) whose complete transposition of ${instrument.shortName} counts on that date: ` +
      `from the recorded notification date, or — where none is recorded — from the principal measure's entry into force (else adoption or publication), counted separately as "date inferred"; ` +
      `a complete notification with no date at all counts only from ${snapshot.takenOn}. Partial or no notification never counts. ` +
      `Vertical lines: the general transposition deadline${instrument.repealedFrom ? " and the repeal" : ""}; ${deadlines.size > 1 ? "states that joined later had their accession date as deadline." : ""}`.trim(),
    asOf,
    columns: [
      { key: "date", label: "Date", kind: "date" },
      { key: "states_transposed", label: "States transposed", kind: "number" },
      { key: "of_which_date_inferred", label: "Of which date inferred", kind: "number" },
      { key: "member_states", label: "Member States", kind: "number" },
    ],
    rows,
    figures: {
      instrument: instrument.shortName,
      adopted: instrument.adoptionDate,
      takenOn: snapshot.takenOn,
      repealed: instrument.repealedFrom ? "yes" : "no",
      accessionDeadlines: deadlines.size > 1 ? "yes" : "no",
    },
    emptyMessage: rows.length ? null : `${instrument.shortName} was adopted on ${instrument.adoptionDate}, after ${asOf}: there is nothing to draw yet.`,
    markers: { deadline: instrument.transpositionDeadline, repealedFrom: instrument.repealedFrom },
  };
}
