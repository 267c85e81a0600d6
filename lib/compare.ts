/**
 * Whether states transposed a provision alike. A state not assessed
 * (`unknown`) is neither the same nor different: the row is "differs" when
 * the assessed states already disagree, "same" only when every state is
 * assessed and all agree, and "unknown" otherwise — never "= Same" for two
 * states nobody assessed.
 */
export type CompareVerdict = "same" | "differs" | "unknown";

export function compareVerdict(cells: readonly { status: string; relation: string | null }[]): CompareVerdict {
  const assessed = cells.filter((c) => c.status !== "unknown");
  if (new Set(assessed.map((c) => `${c.status}|${c.relation ?? ""}`)).size > 1) return "differs";
  return assessed.length === cells.length && cells.length > 0 ? "same" : "unknown";
}
