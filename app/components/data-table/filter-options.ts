import type { Db } from "@/db/client";
import { listInstruments } from "@/db/queries/instruments";
import { listMemberStates } from "@/db/queries/member-states";
import { listObligationChoices } from "@/db/queries/obligations";
import type { FilterOptions } from "./filter-form";

export function loadFilterOptions(db: Db, withObligations = false): FilterOptions {
  return {
    states: listMemberStates(db)
      .map((s) => ({ code: s.code, name: s.name }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    instruments: listInstruments(db).map((i) => ({ celex: i.celex, shortName: i.shortName })),
    obligations: withObligations ? listObligationChoices(db) : undefined,
  };
}
