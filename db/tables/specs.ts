/** The four browse tables: their columns, filters, statuses and default order (lib/table-state.ts parses against these). */
import { measureColumns, type MeasureListRow } from "@/db/tables/measures";
import { obligationColumns, type ObligationListRow } from "@/db/tables/obligations";
import { provisionColumns, type ProvisionListRow } from "@/db/tables/provisions";
import { transpositionColumns, type TranspositionListRow } from "@/db/tables/transpositions";
import type { TableSpec } from "@/lib/table-state";
import { measureStatuses, transpositionStatuses } from "@/lib/vocabulary";

export const measuresSpec: TableSpec<MeasureListRow> = {
  path: "/measures",
  columns: measureColumns,
  filters: ["state", "instrument", "status", "type", "principal", "verification", "q", "adopted", "in_force", "notified"],
  statuses: measureStatuses,
  defaultSort: { id: "adopted_on", desc: true },
};

export const transpositionsSpec: TableSpec<TranspositionListRow> = {
  path: "/transpositions",
  columns: transpositionColumns,
  filters: ["state", "instrument", "status", "relation", "property", "obligation", "addressee", "verification", "q"],
  statuses: transpositionStatuses,
  defaultSort: { id: "state", desc: false },
};

export const provisionsSpec: TableSpec<ProvisionListRow> = {
  path: "/provisions",
  columns: provisionColumns,
  filters: ["state", "instrument", "property", "obligation", "addressee", "verification", "q"],
  defaultSort: { id: "number", desc: false },
};

export const obligationsSpec: TableSpec<ObligationListRow> = {
  path: "/obligations",
  columns: obligationColumns,
  filters: ["state", "instrument", "property", "addressee", "verification", "q"],
  defaultSort: { id: "addressee", desc: false },
};
