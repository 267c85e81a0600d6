import type { Db } from "@/db/client";
import { listMemberStates } from "@/db/queries/member-states";
import { listObligationChoices } from "@/db/queries/obligations";
import { instrumentFilterChoices } from "@/db/queries/options";
import type { FilterOptions } from "./filter-form";

/** `selectedInstrument` is the view's `instrument`, kept among the choices when the full list is too long to send. */
export function loadFilterOptions(db: Db, withObligations = false, selectedInstrument: string | null = null): FilterOptions {
  const instruments = instrumentFilterChoices(db, selectedInstrument);
  return {
    states: listMemberStates(db)
      .map((s) => ({ code: s.code, name: s.name }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    instruments: instruments.choices,
    instrumentsAreComplete: instruments.isComplete,
    obligations: withObligations ? listObligationChoices(db) : undefined,
  };
}
