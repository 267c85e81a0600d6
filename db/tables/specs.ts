/** The browse tables not yet in a module of their own: their columns, filters, statuses and default order (lib/table-state.ts parses against these). */
import { obligationColumns, type ObligationListRow } from "@/db/tables/obligations";
import { provisionColumns, type ProvisionListRow } from "@/db/tables/provisions";
import type { TableSpec } from "@/lib/table-state";

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
