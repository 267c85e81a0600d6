import { sql, type SQL } from "drizzle-orm";
import { instruments, obligations, obligationSecurityProperties, provisionObligations, provisions } from "@/db/schema";
import type { TableQuery } from "@/lib/table-state";
import type { ColumnSpec } from "@/lib/table-types";

export interface ProvisionListRow {
  id: number;
  celex: string;
  shortName: string;
  kind: string;
  number: string;
  heading: string;
  summary: string;
  requiresTransposition: boolean;
  securityRelevant: boolean;
  deadline: string | null;
  verification: string;
  obligationCount: number;
  /** Correspondences recorded as `full`, among the states in the filter (all states without one). */
  fullCount: number;
  assessedCount: number;
}

export const provisionColumns: ColumnSpec<ProvisionListRow>[] = [
  { id: "instrument", header: "Instrument", sortSql: instruments.adoptionDate, value: (r) => r.celex },
  { id: "number", header: "Provision", sortSql: sql`${provisions.instrumentId}, ${provisions.position}`, value: (r) => `${r.kind === "annex" ? "Annex" : "Art."} ${r.number}` },
  { id: "heading", header: "Heading", sortSql: sql`${provisions.heading} collate nocase`, value: (r) => r.heading },
  { id: "summary", header: "Summary", value: (r) => r.summary, hiddenByDefault: true },
  { id: "requires_transposition", header: "Requires transposition", value: (r) => r.requiresTransposition },
  { id: "deadline", header: "Own deadline", sortSql: provisions.deadline, value: (r) => r.deadline, hiddenByDefault: true },
  { id: "obligations", header: "Obligations", value: (r) => r.obligationCount },
  { id: "full", header: "States full", value: (r) => r.fullCount },
  { id: "assessed", header: "States assessed", value: (r) => r.assessedCount },
  { id: "verification", header: "Verification", sortSql: provisions.verification, value: (r) => r.verification },
];

/** Obligation-based filters on a provision id expression, shared by the transpositions and provisions tables. */
export function provisionObligationConditions(provisionId: SQL | typeof provisions.id, query: TableQuery): SQL[] {
  const where: SQL[] = [];
  if (query.property.length)
    where.push(
      sql`exists (select 1 from ${provisionObligations} po join ${obligationSecurityProperties} osp on osp.obligation_id = po.obligation_id where po.provision_id = ${provisionId} and osp.property in ${query.property})`,
    );
  if (query.obligation)
    where.push(sql`exists (select 1 from ${provisionObligations} po join ${obligations} o on o.id = po.obligation_id where po.provision_id = ${provisionId} and o.key = ${query.obligation})`);
  if (query.addressee.length)
    where.push(sql`exists (select 1 from ${provisionObligations} po join ${obligations} o on o.id = po.obligation_id where po.provision_id = ${provisionId} and o.addressee in ${query.addressee})`);
  return where;
}
