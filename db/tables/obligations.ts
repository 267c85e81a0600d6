import { sql } from "drizzle-orm";
import { obligations } from "@/db/schema";
import type { ColumnSpec } from "@/lib/table-types";

export interface ObligationListRow {
  id: number;
  key: string;
  duty: string;
  addressee: string;
  verification: string;
  securityProperties: string[];
  threats: string[];
  provisions: { id: number; celex: string; shortName: string; kind: string; number: string }[];
  /** States with a `full` correspondence for at least one provision imposing it. */
  statesCovering: number;
}

export const obligationColumns: ColumnSpec<ObligationListRow>[] = [
  { id: "duty", header: "Obligation", sortSql: sql`${obligations.duty} collate nocase`, value: (r) => r.duty },
  { id: "key", header: "Key", sortSql: obligations.key, value: (r) => r.key, hiddenByDefault: true },
  { id: "addressee", header: "Addressee", sortSql: obligations.addressee, value: (r) => r.addressee },
  { id: "properties", header: "Security properties", value: (r) => r.securityProperties.join(" ") },
  { id: "threats", header: "Threats", value: (r) => r.threats.join(" "), hiddenByDefault: true },
  {
    id: "provisions",
    header: "Imposed by",
    value: (r) => r.provisions.map((p) => `${p.celex} ${p.kind === "annex" ? "Annex" : "Art."} ${p.number}`).join("; "),
  },
  { id: "states", header: "States covering", value: (r) => r.statesCovering },
  { id: "verification", header: "Verification", sortSql: obligations.verification, value: (r) => r.verification },
];
