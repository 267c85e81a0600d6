/** The filters of the changes page and the feeds of changes, parsed once for both (unknown keys are refused by the callers). */
import { z } from "zod";
import { celex, stateCode } from "../table-state";
import { dateReason, isoDate } from "../as-of";
import { quoted, reasonText, type ParamReason } from "../param-notices";
import type { Translate } from "../translate";

export const CHANGES_PAGE_SIZE = 50;
/** A feed carries at most this many entries, the newest: a reader that wants more reads the changes page. */
export const FEED_ENTRY_LIMIT = 50;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v == null ? undefined : v), schema.optional());

export const changesQuery = z
  .object({
    since: optional(isoDate),
    state: optional(stateCode),
    instrument: optional(celex),
    /** Keyset paging: changes recorded before this one. */
    before: optional(z.coerce.number().int("must be a whole number").min(1, "must be a positive number").max(Number.MAX_SAFE_INTEGER, "is too large")),
  })
  .strict();

export type ChangesQuery = z.infer<typeof changesQuery>;

export const CHANGES_PARAMS = ["since", "state", "instrument", "before"] as const;

/** The query string's first values, for the schema (a repeated parameter is read once, as the tables read them). */
export function firstValues(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const entries = params instanceof URLSearchParams ? [...params.keys()].map((k) => [k, params.get(k)] as const) : Object.entries(params);
  return Object.fromEntries(entries.map(([k, v]) => [k, Array.isArray(v) ? (v.find((x) => typeof x === "string") ?? "") : typeof v === "string" ? v : ""]));
}

/** Why each filter refused its value (`raw`: the query's first values, as parsed). */
function reasonOf(field: string, raw: Record<string, string>): ParamReason | null {
  if (field === "since") return dateReason(raw.since);
  if (field === "state") return { code: "stateCode" };
  if (field === "instrument") return { code: "celex" };
  if (field === "before") return { code: "positiveWhole" };
  return null;
}

/** The parse failures as one sentence per field, in the language of `t`: "since must be a date written YYYY-MM-DD". */
export function changesQueryProblems(error: z.ZodError, raw: Record<string, string>, t: Translate): string[] {
  // One sentence per field: a day that is not a date need not also be told it is out of range.
  const seen = new Set<string>();
  return error.issues.flatMap((i) => {
    if (i.code === "unrecognized_keys") return [t("changes.problemUnknownParameter", { names: i.keys.map(quoted).join(", ") })];
    const field = String(i.path[0] ?? "query");
    if (seen.has(field)) return [];
    seen.add(field);
    const reason = reasonOf(field, raw);
    return [reason ? t("changes.problemField", { field, reason: reasonText(reason, t) }) : t("changes.problemUnreadable", { field })];
  });
}
