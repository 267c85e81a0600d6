import { sql } from "drizzle-orm";
import { instruments, provisions, transpositions } from "@/db/schema";
import type { ColumnSpec } from "@/lib/table-types";

export interface TranspositionListRow {
  id: number;
  stateCode: string;
  stateName: string;
  celex: string;
  shortName: string;
  provisionId: number;
  provisionKind: string;
  provisionNumber: string;
  provisionHeading: string;
  status: string;
  relation: string | null;
  nationalProvision: string | null;
  note: string | null;
  assessedAt: string | null;
  verification: string;
  measures: { key: string; titleOriginal: string; language: string }[];
}

export const transpositionColumns: ColumnSpec<TranspositionListRow>[] = [
  { id: "state", header: "Member State", sortSql: transpositions.stateCode, value: (r) => r.stateCode },
  { id: "instrument", header: "Instrument", sortSql: sql`${instruments.adoptionDate}`, value: (r) => r.celex },
  {
    id: "provision",
    header: "Provision",
    sortSql: sql`${provisions.instrumentId}, ${provisions.position}`,
    value: (r) => `${r.provisionKind === "annex" ? "Annex" : "Art."} ${r.provisionNumber}`,
  },
  { id: "heading", header: "Heading", value: (r) => r.provisionHeading, hiddenByDefault: true },
  { id: "status", header: "Status", sortSql: transpositions.status, value: (r) => r.status },
  { id: "relation", header: "Relation", sortSql: transpositions.relation, value: (r) => r.relation },
  { id: "national_provision", header: "National provision", sortSql: transpositions.nationalProvision, value: (r) => r.nationalProvision },
  { id: "measures", header: "National measures", value: (r) => r.measures.map((m) => m.key).join(" ") },
  { id: "note", header: "Assessment note", value: (r) => r.note, hiddenByDefault: true },
  { id: "assessed_at", header: "Assessed", sortSql: transpositions.assessedAt, value: (r) => r.assessedAt, hiddenByDefault: true },
  { id: "verification", header: "Verification", sortSql: transpositions.verification, value: (r) => r.verification },
];
