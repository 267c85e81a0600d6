import { sql } from "drizzle-orm";
import { nationalMeasures } from "@/db/schema";
import type { ColumnSpec } from "@/lib/table-types";
import { toPartialDateText } from "@/lib/partial-date";
import type { DatePrecision } from "@/lib/vocabulary";

export interface MeasureListRow {
  id: number;
  key: string;
  stateCode: string;
  stateName: string;
  titleOriginal: string;
  titleEnglish: string | null;
  language: string;
  type: string;
  nationalIdentifier: string | null;
  adoptedOn: string | null;
  adoptedOnPrecision: DatePrecision | null;
  inForceOn: string | null;
  inForceOnPrecision: DatePrecision | null;
  notifiedOn: string | null;
  notifiedOnPrecision: DatePrecision | null;
  repealedOn: string | null;
  repealedOnPrecision: DatePrecision | null;
  status: string;
  verification: string;
  isPrincipal: boolean;
  instruments: { celex: string; shortName: string }[];
}

export const measureColumns: ColumnSpec<MeasureListRow>[] = [
  // The key correspondences cite (transpositions.csv `measures`), so the two exports join.
  { id: "key", header: "Key", sortSql: nationalMeasures.key, value: (r) => r.key, hiddenByDefault: true },
  { id: "title", header: "Title (original)", sortSql: sql`${nationalMeasures.titleOriginal} collate nocase`, value: (r) => r.titleOriginal },
  { id: "title_english", header: "Title (English)", value: (r) => r.titleEnglish },
  { id: "state", header: "Member State", sortSql: nationalMeasures.stateCode, value: (r) => r.stateCode },
  { id: "instruments", header: "Transposes", value: (r) => r.instruments.map((i) => i.celex).join(" ") },
  { id: "type", header: "Type", sortSql: nationalMeasures.type, value: (r) => r.type, hiddenByDefault: true },
  { id: "national_identifier", header: "National identifier", value: (r) => r.nationalIdentifier, hiddenByDefault: true },
  { id: "adopted_on", header: "Adopted", sortSql: nationalMeasures.adoptedOn, value: (r) => toPartialDateText(r.adoptedOn, r.adoptedOnPrecision) },
  { id: "in_force_on", header: "In force", sortSql: nationalMeasures.inForceOn, value: (r) => toPartialDateText(r.inForceOn, r.inForceOnPrecision) },
  {
    id: "notified_on",
    header: "Notified",
    sortSql: nationalMeasures.notifiedOn,
    value: (r) => toPartialDateText(r.notifiedOn, r.notifiedOnPrecision),
    hiddenByDefault: true,
  },
  {
    id: "repealed_on",
    header: "Repealed",
    sortSql: nationalMeasures.repealedOn,
    value: (r) => toPartialDateText(r.repealedOn, r.repealedOnPrecision),
    hiddenByDefault: true,
  },
  { id: "status", header: "Status", sortSql: nationalMeasures.status, value: (r) => r.status },
  { id: "principal", header: "Principal", value: (r) => r.isPrincipal },
  { id: "verification", header: "Verification", sortSql: nationalMeasures.verification, value: (r) => r.verification },
];
