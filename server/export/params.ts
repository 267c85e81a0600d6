/**
 * The query parameters of the JSON API and the CSV export, as zod schemas
 * derived from a table's spec: the same names and values as the table pages
 * (lib/table-state.ts), plus `cursor` and `limit` for the API and `bom` for
 * CSV. The API is strict where the pages are forgiving: a bad or unknown
 * parameter is a 400 with a message per parameter, never a silently wider
 * result. Once the parameters pass, `parseTableQuery` — the one parser of the
 * vocabulary — builds the query, so a page URL's query string selects the
 * same rows in the page, the CSV and the JSON.
 */
import { z } from "zod";
import { isoDate, resolveAsOf } from "@/lib/as-of";
import { noticeText, type ParamNotice } from "@/lib/param-notices";
import { MAX_QUERY_LENGTH } from "@/lib/search-text";
import { celex, obligationKey, parseTableQuery, stateCode, type FilterName, type ParsedTable, type RawSearchParams, type TableSpec } from "@/lib/table-state";
import { addressees, measureTypes, securityProperties, transpositionRelations, verificationStates } from "@/lib/vocabulary";
import type { Cursor, ExportAsOf } from "@/db/queries/export";
import { translatorFor } from "@/server/translator";

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export interface ParamDef {
  name: string;
  schema: z.ZodType;
  /** Several values allowed: repeated, or comma-separated. */
  multiple?: boolean;
  description: string;
  example?: string;
}

const FILTER_PARAMS: Record<FilterName, (spec: TableSpec<unknown>) => ParamDef[]> = {
  state: () => [
    {
      name: "state",
      schema: stateCode,
      multiple: true,
      description: "Member State EU code(s), e.g. `DE`, `EL`; repeat or comma-separate for several.",
      example: "DE",
    },
  ],
  instrument: () => [{ name: "instrument", schema: celex, description: "Instrument CELEX number.", example: "31995L0046" }],
  status: (spec) => [{ name: "status", schema: z.enum((spec.statuses ?? []) as [string, ...string[]]), multiple: true, description: "Status value(s)." }],
  relation: () => [
    {
      name: "relation",
      schema: z.enum(transpositionRelations),
      multiple: true,
      description: "Relation of the national text to the directive's (NIST OLIR vocabulary).",
    },
  ],
  property: () => [{ name: "property", schema: z.enum(securityProperties), multiple: true, description: "COM(2001)298 security property." }],
  obligation: () => [{ name: "obligation", schema: obligationKey, description: "Obligation key." }],
  addressee: () => [{ name: "addressee", schema: z.enum(addressees), multiple: true, description: "Addressee of the obligation." }],
  principal: () => [{ name: "principal", schema: z.enum(["yes", "no"]), description: "Only principal measures (yes) or only the others (no)." }],
  verification: () => [{ name: "verification", schema: z.enum(verificationStates), description: "Verification state of the record." }],
  type: () => [{ name: "type", schema: z.enum(measureTypes), multiple: true, description: "Measure type." }],
  q: () => [{ name: "q", schema: z.string().max(MAX_QUERY_LENGTH), description: "Search text." }],
  adopted: () => range("adopted", "adoption"),
  in_force: () => range("in_force", "entry into force"),
  notified: () => range("notified", "notification"),
};

function range(prefix: string, what: string): ParamDef[] {
  return [
    { name: `${prefix}_from`, schema: isoDate, description: `Earliest ${what} date (inclusive), YYYY-MM-DD.` },
    { name: `${prefix}_to`, schema: isoDate, description: `Latest ${what} date (inclusive), YYYY-MM-DD.` },
  ];
}

/** Parameters of the pages that select a page of the HTML table, not rows: accepted and ignored. */
const PAGE_ONLY = ["page", "page_size", "hide"] as const;

export type Endpoint = "api" | "csv";

export function sortValues<Row>(spec: TableSpec<Row>): string[] {
  const ids = spec.columns.filter((c) => c.sortSql !== undefined).map((c) => c.id);
  return [...ids, ...ids.map((id) => `-${id}`)];
}

export function paramDefs<Row>(spec: TableSpec<Row>, endpoint: Endpoint): ParamDef[] {
  const defs = spec.filters.flatMap((f) => FILTER_PARAMS[f](spec as TableSpec<unknown>));
  defs.push({ name: "as_of", schema: isoDate, description: "The inventory as it stood on this date (default today, UTC).", example: "2003-12-31" });
  defs.push({
    name: "sort",
    schema: z.enum(sortValues(spec) as [string, ...string[]]),
    description: `Sort column; prefix \`-\` for descending. Default \`${spec.defaultSort.desc ? "-" : ""}${spec.defaultSort.id}\`. Ties are broken by the record id.`,
  });
  if (endpoint === "api") {
    defs.push({
      name: "cursor",
      schema: z.string().min(1).max(2000),
      description: "The `next_cursor` of the previous page (keyset pagination: stable while records are added).",
    });
    defs.push({
      name: "limit",
      schema: z.coerce.number().int().min(1).max(MAX_LIMIT),
      description: `Rows per page, 1–${MAX_LIMIT} (default ${DEFAULT_LIMIT}).`,
    });
  } else {
    defs.push({ name: "bom", schema: z.enum(["0", "1"]), description: "`1` starts the file with a UTF-8 byte-order mark, for spreadsheet software." });
  }
  return defs;
}

export type { Cursor };

const cursorShape = z.object({ s: z.string(), v: z.array(z.union([z.string(), z.number(), z.null()])).max(4), i: z.union([z.string(), z.number()]) }).strict();

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.sort, v: cursor.values, i: cursor.id }), "utf8").toString("base64url");
}

export function decodeCursor(text: string): Cursor | null {
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return parsed.success ? { sort: parsed.data.s, values: parsed.data.v, id: parsed.data.i } : null;
  } catch {
    return null;
  }
}

export type ParsedParams =
  { ok: true; table: ParsedTable & { asOf: ExportAsOf }; cursor: Cursor | null; limit: number; bom: boolean } | { ok: false; errors: Record<string, string[]> };

export function searchParamsToRaw(params: URLSearchParams): RawSearchParams {
  // No prototype: a parameter named `constructor` or `__proto__` is a parameter like any other.
  const raw: RawSearchParams = Object.create(null) as RawSearchParams;
  for (const key of new Set(params.keys())) raw[key] = params.getAll(key);
  return raw;
}

/** Validates every parameter with its zod schema, then builds the query with the pages' parser. */
export function parseParams<Row>(spec: TableSpec<Row>, endpoint: Endpoint, params: URLSearchParams, now: Date = new Date()): ParsedParams {
  const defs = new Map(paramDefs(spec, endpoint).map((d) => [d.name, d]));
  const errors = Object.create(null) as Record<string, string[]>;
  const fail = (name: string, message: string) => (errors[name] ??= []).push(message);
  for (const name of new Set(params.keys())) {
    if ((PAGE_ONLY as readonly string[]).includes(name)) continue;
    const def = defs.get(name);
    if (!def) {
      fail(name, `Unknown parameter; this endpoint accepts ${[...defs.keys()].join(", ")}.`);
      continue;
    }
    const values = params.getAll(name);
    if (!def.multiple && values.length > 1) fail(name, "Give this parameter once.");
    const items = def.multiple ? values.flatMap((v) => v.split(",")).map((v) => v.trim()) : values;
    if (items.length > 50) fail(name, "Give at most 50 values.");
    for (const item of items.slice(0, 50)) {
      const r = def.schema.safeParse(item);
      if (!r.success) fail(name, `${JSON.stringify(item.slice(0, 40))}: ${r.error.issues[0]?.message ?? "not allowed"}`);
    }
  }
  const raw = searchParamsToRaw(params);
  for (const p of PAGE_ONLY) delete raw[p];
  delete raw.cursor;
  delete raw.limit;
  delete raw.bom;
  const table = parseTableQuery(spec, raw, now);
  // The strict checks above should leave nothing for the forgiving parser to drop; if it did, say so rather than widen the result.
  if (Object.keys(errors).length === 0) for (const notice of table.notices) fail("_query", noticeText(notice, translatorFor("en")));
  let cursor: Cursor | null = null;
  const cursorText = params.get("cursor");
  if (cursorText && !errors.cursor) {
    cursor = decodeCursor(cursorText);
    const sort = `${table.query.sort.desc ? "-" : ""}${table.query.sort.id}`;
    if (!cursor) fail("cursor", "Not a cursor this API issued; start again without `cursor`.");
    else if (cursor.sort !== sort) fail("cursor", `This cursor belongs to sort=${cursor.sort}; keep the sort of the first page.`);
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const limit = params.get("limit") ? Number(params.get("limit")) : DEFAULT_LIMIT;
  const asOf: ExportAsOf = { ...resolveAsOf(raw.as_of, now), given: params.has("as_of") };
  return { ok: true, table: { ...table, asOf }, cursor, limit, bom: params.get("bom") === "1" };
}

/** The query string the CSV and JSON of a page view share: the page's own, minus what only pages the HTML table. */
export function exportQueryString(params: URLSearchParams): string {
  const p = new URLSearchParams(params);
  for (const name of PAGE_ONLY) p.delete(name);
  return p.toString();
}

/**
 * A query reader (server/api-route.ts `publicRoute`) for a route that accepts only `allowed` parameters and reads them
 * with a page's forgiving parser: an unknown parameter, or any notice the parser reports, refuses the request
 * instead of falling back to a default. The notices are worded in English, like every problem+json answer.
 */
export function strictQuery<T extends { notices: readonly ParamNotice[] }>(allowed: readonly string[], parse: (raw: RawSearchParams) => T) {
  return (search: URLSearchParams): { ok: true; value: T } | { ok: false; errors: Record<string, string[]> } => {
    const errors = Object.create(null) as Record<string, string[]>;
    for (const name of new Set(search.keys()))
      if (!allowed.includes(name)) errors[name.slice(0, 40)] = [`Unknown parameter; this endpoint accepts ${allowed.join(", ")}.`];
    if (Object.keys(errors).length) return { ok: false, errors };
    const value = parse(searchParamsToRaw(search));
    if (!value.notices.length) return { ok: true, value };
    const t = translatorFor("en");
    return { ok: false, errors: { _query: value.notices.map((n) => noticeText(n, t)) } };
  };
}
