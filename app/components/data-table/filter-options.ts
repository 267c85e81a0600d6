import type { Db } from "@/db/client";
import { listMemberStates } from "@/db/queries/member-states";
import { instrumentFilterChoices, obligationFilterChoices } from "@/db/queries/options";
import type { TableQuery } from "@/lib/table-state";
import type { FilterOptions } from "./filter-form";

/** The view's instrument and obligation stay among the choices when a full list is too long to send. */
export function loadFilterOptions(db: Db, query: Pick<TableQuery, "instrument" | "obligation">, withObligations = false): FilterOptions {
  return {
    states: listMemberStates(db)
      .map((s) => ({ code: s.code, name: s.name }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    instruments: instrumentFilterChoices(db, query.instrument),
    obligations: withObligations ? obligationFilterChoices(db, query.obligation) : undefined,
  };
}
