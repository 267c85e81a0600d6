/**
 * Column lists of the tables that have no browse page of their own yet
 * (notifications, infringements, Member States, instruments, indicators),
 * in the same ColumnSpec shape as db/tables/*: one definition for the CSV
 * export, the JSON API and the documentation.
 */
import { sql } from "drizzle-orm";
import { infringements, instruments, memberStates, notifications } from "@/db/schema";
import type { ColumnSpec, PlainValue } from "@/lib/table-types";
import { INDICATORS, type Indicator } from "@/lib/indicators/catalogue";

export interface NotificationListRow {
  id: number;
  stateCode: string;
  stateName: string;
  celex: string;
  shortName: string;
  status: string;
  notifiedOn: string | null;
  principalMeasureKey: string | null;
  verification: string;
}

export const notificationColumns: ColumnSpec<NotificationListRow>[] = [
  { id: "state", header: "Member State", sortSql: notifications.stateCode, value: (r) => r.stateCode },
  { id: "instrument", header: "Instrument", sortSql: instruments.adoptionDate, value: (r) => r.celex },
  { id: "status", header: "Notification", sortSql: notifications.status, value: (r) => r.status },
  { id: "notified_on", header: "Notified", sortSql: notifications.notifiedOn, value: (r) => r.notifiedOn },
  { id: "principal_measure", header: "Principal measure", value: (r) => r.principalMeasureKey },
  { id: "verification", header: "Verification", sortSql: notifications.verification, value: (r) => r.verification },
];

export interface InfringementListRow {
  id: number;
  stateCode: string;
  celex: string;
  shortName: string;
  type: string;
  procedureNumber: string | null;
  courtCase: string | null;
  outcome: string | null;
  startedOn: string | null;
  stages: { stage: string; date: string | null }[];
  verification: string;
}

/** The date of the earliest dated stage: when the proceeding is known to have started. */
export const infringementStartedOn = sql`(select min(s.date) from infringement_stages s where s.infringement_id = ${infringements.id})`;

export const infringementColumns: ColumnSpec<InfringementListRow>[] = [
  { id: "state", header: "Member State", sortSql: infringements.stateCode, value: (r) => r.stateCode },
  { id: "instrument", header: "Instrument", sortSql: instruments.adoptionDate, value: (r) => r.celex },
  { id: "type", header: "Type", sortSql: infringements.type, value: (r) => r.type },
  { id: "procedure_number", header: "Procedure number", value: (r) => r.procedureNumber },
  { id: "court_case", header: "Court case", sortSql: infringements.courtCase, value: (r) => r.courtCase },
  { id: "started_on", header: "Started", sortSql: infringementStartedOn, value: (r) => r.startedOn },
  { id: "stages", header: "Stages", value: (r) => r.stages.map((s) => `${s.stage}${s.date ? ` ${s.date}` : ""}`).join("; ") },
  { id: "outcome", header: "Outcome", value: (r) => r.outcome },
  { id: "verification", header: "Verification", sortSql: infringements.verification, value: (r) => r.verification },
];

export interface MemberStateListRow {
  code: string;
  name: string;
  accessionDate: string;
  exitDate: string | null;
}

export const memberStateColumns: ColumnSpec<MemberStateListRow>[] = [
  { id: "code", header: "EU code", sortSql: memberStates.code, value: (r) => r.code },
  { id: "name", header: "Name", sortSql: memberStates.name, value: (r) => r.name },
  { id: "accession_date", header: "Accession", sortSql: memberStates.accessionDate, value: (r) => r.accessionDate },
  { id: "exit_date", header: "Exit", sortSql: memberStates.exitDate, value: (r) => r.exitDate },
];

export interface InstrumentListRow {
  id: number;
  celex: string;
  type: string;
  shortName: string;
  title: string;
  adoptionDate: string;
  ojReference: string;
  eli: string | null;
  transpositionDeadline: string | null;
  repealedBy: string | null;
  repealedFrom: string | null;
  verification: string;
}

export const instrumentColumns: ColumnSpec<InstrumentListRow>[] = [
  { id: "celex", header: "CELEX", sortSql: instruments.celex, value: (r) => r.celex },
  { id: "short_name", header: "Short name", value: (r) => r.shortName },
  { id: "type", header: "Type", value: (r) => r.type },
  { id: "title", header: "Title", value: (r) => r.title },
  { id: "adoption_date", header: "Adopted", sortSql: instruments.adoptionDate, value: (r) => r.adoptionDate },
  { id: "oj_reference", header: "Official Journal", value: (r) => r.ojReference },
  { id: "eli", header: "ELI", value: (r) => r.eli },
  { id: "transposition_deadline", header: "Transposition deadline", sortSql: instruments.transpositionDeadline, value: (r) => r.transpositionDeadline },
  { id: "repealed_by", header: "Repealed by", value: (r) => r.repealedBy },
  { id: "repealed_from", header: "Repealed from", value: (r) => r.repealedFrom },
  { id: "verification", header: "Verification", value: (r) => r.verification },
];

/** One Member State's Scoreboard-style figures on the as-of date (lib/indicators). */
export interface IndicatorRow {
  stateCode: string;
  stateName: string;
  dueCount: number;
  transposedCount: number;
  notTransposedCount: number;
  deficit: number | null;
  deficitRating: string | null;
  change: number | null;
  longOverdue: number;
  totalDelayMonths: number | null;
  conformityDeficit: number | null;
  overallScore: number | null;
  overallBand: string | null;
  coverage: number | null;
  openInfringements: number;
}

/**
 * In-memory rows: `sortSql` is unused for SQL, but marks the column sortable
 * (the API sorts these rows in memory by the column's value).
 */
const inMemory = sql`1`;
/** An indicator's column as the catalogue declares it (lib/indicators/catalogue.ts): the id and description are the indicator's own. */
function indicatorColumn(indicator: Indicator, value: (r: IndicatorRow) => PlainValue, sortable = true): ColumnSpec<IndicatorRow> {
  return { id: indicator.column.id, header: indicator.column.header, ...(sortable ? { sortSql: inMemory } : {}), value };
}

export const indicatorColumns: ColumnSpec<IndicatorRow>[] = [
  { id: "state", header: "Member State", sortSql: inMemory, value: (r) => r.stateCode },
  { id: "due", header: "Instruments due", value: (r) => r.dueCount },
  { id: "transposed", header: "Notified as transposed", value: (r) => r.transposedCount },
  { id: "not_transposed", header: "Not transposed", value: (r) => r.notTransposedCount },
  indicatorColumn(INDICATORS.deficit, (r) => r.deficit),
  { id: "deficit_rating", header: "Deficit rating", value: (r) => r.deficitRating },
  indicatorColumn(INDICATORS.change, (r) => r.change, false),
  indicatorColumn(INDICATORS.long_overdue, (r) => r.longOverdue),
  indicatorColumn(INDICATORS.total_delay, (r) => r.totalDelayMonths),
  indicatorColumn(INDICATORS.conformity, (r) => r.conformityDeficit),
  indicatorColumn(INDICATORS.overall, (r) => r.overallScore),
  { id: "overall_band", header: "Overall", value: (r) => r.overallBand },
  indicatorColumn(INDICATORS.coverage, (r) => r.coverage),
  indicatorColumn(INDICATORS.infringements, (r) => r.openInfringements),
];
