/**
 * The national-transposition table's columns, one description for the page and its CSV:
 * the CSV writes `value`, the page shows the same headers (and links where a cell names a record).
 */
import type { NationalTranspositionEntry } from "@/lib/indicators/national-transposition";
import type { CsvValue } from "@/lib/csv";
import { label } from "@/lib/vocabulary";

export interface NationalTranspositionColumn {
  id: string;
  header: string;
  value: (row: NationalTranspositionEntry) => CsvValue;
}

export const DELAY_STATUS_TEXT: Record<NationalTranspositionEntry["delayStatus"], string> = {
  on_time: "On time",
  late: "Late",
  overdue: "Not yet transposed",
  not_yet_due: "Not yet due",
  date_unknown: "Complete, date unknown",
  not_recorded: "No notification recorded",
};

export const nationalTranspositionColumns: NationalTranspositionColumn[] = [
  { id: "state", header: "Member State", value: (r) => r.stateCode },
  { id: "deadline", header: "Deadline", value: (r) => r.deadline },
  { id: "notification", header: "Notification", value: (r) => (r.notificationStatus ? label(r.notificationStatus) : null) },
  { id: "transposed_on", header: "Transposed on", value: (r) => r.transposedOn },
  { id: "date_basis", header: "Date basis", value: (r) => r.dateBasis },
  { id: "principal_measure", header: "Principal measure", value: (r) => r.principalMeasure?.titleOriginal ?? null },
  { id: "principal_measure_key", header: "Principal measure key", value: (r) => r.principalMeasure?.key ?? null },
  { id: "principal_in_force", header: "Principal measure in force", value: (r) => r.principalMeasure?.inForceOn ?? null },
  { id: "delay_status", header: "Delay", value: (r) => DELAY_STATUS_TEXT[r.delayStatus] },
  { id: "delay_days", header: "Delay (days)", value: (r) => r.delayDays },
  { id: "delay_months", header: "Delay (months)", value: (r) => r.delayMonths },
  { id: "non_conforming_provisions", header: "Provisions assessed non-conforming", value: (r) => r.nonConformingProvisions },
  { id: "infringement_stage", header: "Infringement stage", value: (r) => (r.infringement ? label(r.infringement.stage) : null) },
  { id: "infringement_date", header: "Stage date", value: (r) => r.infringement?.date ?? null },
  { id: "court_case", header: "Court case", value: (r) => r.infringement?.courtCase ?? null },
];
