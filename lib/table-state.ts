/**
 * The query-string vocabulary of every browse table, shared with the JSON API:
 * `state` (EU codes, repeatable), `instrument` (CELEX), `status` (repeatable),
 * `relation`, `property`, `addressee` (repeatable), `obligation` (key),
 * `principal` (yes/no), `verification`, `type`, `q`, `as_of`, `sort`
 * (`adopted_on` or `-adopted_on`), `page`, `page_size`, `hide` (column ids),
 * and the date ranges `adopted_from`/`adopted_to`, `in_force_from`/`in_force_to`,
 * `notified_from`/`notified_to`.
 *
 * Parsed once, here, with zod. Each bad value is dropped with a notice
 * (lib/param-notices.ts) the page words and shows; the rest of the view still
 * works (never a 500).
 */
import { z } from "zod";
import { dateReason, isoDate, resolveAsOf, type AsOf } from "./as-of";
import type { ParamNotice, ParamReason } from "./param-notices";
import { MAX_QUERY_LENGTH } from "./search-text";
import type { ColumnSpec } from "@/lib/table-types";
import { addressees, measureStatuses, measureTypes, securityProperties, transpositionRelations, transpositionStatuses, verificationStates } from "./vocabulary";

export type RawSearchParams = Record<string, string | string[] | undefined>;

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
const MAX_PAGE = 100_000;

export const stateCode = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}$/, "must be a two-letter EU country code such as DE or EL");
export const celex = z
  .string()
  .trim()
  .regex(/^[0-9]{5}[A-Z]{1,2}[0-9]{4}$/, "must be a CELEX number such as 31995L0046");
export const obligationKey = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,79}$/, "must be an obligation key");

export type FilterName =
  | "state"
  | "instrument"
  | "status"
  | "relation"
  | "property"
  | "obligation"
  | "addressee"
  | "principal"
  | "verification"
  | "type"
  | "q"
  | "adopted"
  | "in_force"
  | "notified";

export interface TableSpec<Row> {
  /** Path of the page, for links. */
  path: string;
  columns: readonly ColumnSpec<Row>[];
  filters: readonly FilterName[];
  /** Allowed `status` values for this table. */
  statuses?: readonly string[];
  defaultSort: { id: string; desc: boolean };
}

export interface DateRange {
  from: string | null;
  to: string | null;
}

export interface TableQuery {
  state: string[];
  instrument: string | null;
  status: string[];
  relation: string[];
  property: string[];
  obligation: string | null;
  addressee: string[];
  principal: boolean | null;
  verification: string | null;
  type: string[];
  q: string;
  adopted: DateRange;
  inForce: DateRange;
  notified: DateRange;
  sort: { id: string; desc: boolean };
  page: number;
  pageSize: number;
  hide: string[];
}

export interface ParsedTable {
  query: TableQuery;
  asOf: AsOf;
  /** One notice per rejected parameter, worded by the page (lib/param-notices.ts). */
  notices: ParamNotice[];
}

/**
 * A parameter's string values. A query naming `__proto__` gives Next's searchParams object an array as prototype, and a
 * later `sort=x` then reads as [Array.prototype.sort, "x"]: only own properties and strings are values.
 */
function values(raw: RawSearchParams, name: string): string[] {
  if (!Object.hasOwn(raw, name)) return [];
  const v = raw[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string").slice(0, 50);
}

function single(raw: RawSearchParams, name: string): string | undefined {
  const v = values(raw, name).filter((x) => x !== "");
  return v[0];
}

export function parseTableQuery<Row>(spec: TableSpec<Row>, raw: RawSearchParams, now: Date = new Date()): ParsedTable {
  const notices: ParamNotice[] = [];
  const has = (f: FilterName) => spec.filters.includes(f);

  function list<T extends string>(name: string, schema: z.ZodType<T>, enabled: boolean, reason: ParamReason): T[] {
    if (!enabled) return [];
    const out: T[] = [];
    // Several values may come as repeated parameters or comma-separated.
    for (const v of values(raw, name)
      .flatMap((x) => x.split(","))
      .map((x) => x.trim())
      .filter(Boolean)) {
      const r = schema.safeParse(v);
      if (r.success) {
        if (!out.includes(r.data)) out.push(r.data);
      } else notices.push({ code: "ignored", name, value: v, reason });
    }
    return out;
  }
  function one<T>(name: string, schema: z.ZodType<T>, enabled: boolean, reason: ParamReason | ((value: string) => ParamReason)): T | null {
    const v = single(raw, name);
    if (!enabled || v === undefined) return null;
    const r = schema.safeParse(v);
    if (r.success) return r.data;
    notices.push({ code: "ignored", name, value: v, reason: typeof reason === "function" ? reason(v) : reason });
    return null;
  }
  function range(prefix: string, enabled: boolean): DateRange {
    const from = one(`${prefix}_from`, isoDate, enabled, dateReason);
    const to = one(`${prefix}_to`, isoDate, enabled, dateReason);
    if (from && to && from > to) {
      notices.push({ code: "rangeReversed", prefix, from, to });
      return { from: null, to: null };
    }
    return { from, to };
  }
  // A parameter whose values must be among `allowed`: the check and the reason a refused value is given, from one list.
  const among = (allowed: readonly string[]) => z.string().refine((v) => allowed.includes(v));
  const listAmong = (name: string, allowed: readonly string[], enabled: boolean) => list(name, among(allowed), enabled, { code: "oneOf", allowed });
  const oneAmong = (name: string, allowed: readonly string[], enabled: boolean) => one(name, among(allowed), enabled, { code: "oneOf", allowed });

  const statusValues = spec.statuses ?? [];
  const sortable = spec.columns.filter((c) => c.sortSql !== undefined).map((c) => c.id);
  const sortRaw = single(raw, "sort");
  let sort = spec.defaultSort;
  if (sortRaw !== undefined) {
    const desc = sortRaw.startsWith("-");
    const id = desc ? sortRaw.slice(1) : sortRaw;
    if (sortable.includes(id)) sort = { id, desc };
    else notices.push({ code: "sortIgnored", value: sortRaw, allowed: sortable });
  }

  const pageRaw = single(raw, "page");
  let page = 1;
  if (pageRaw !== undefined) {
    const r = z.coerce.number().int().min(1).safeParse(pageRaw);
    if (r.success) page = Math.min(r.data, MAX_PAGE);
    else notices.push({ code: "pageIgnored", value: pageRaw });
  }
  const sizeRaw = single(raw, "page_size");
  let pageSize = DEFAULT_PAGE_SIZE;
  if (sizeRaw !== undefined) {
    const r = z.coerce.number().int().safeParse(sizeRaw);
    if (r.success) {
      pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, r.data));
      if (pageSize !== r.data) notices.push({ code: "pageSizeClamped", requested: r.data, shown: pageSize, max: MAX_PAGE_SIZE });
    } else notices.push({ code: "pageSizeIgnored", value: sizeRaw, max: MAX_PAGE_SIZE });
  }

  const qRaw = single(raw, "q") ?? "";
  let q = has("q") ? qRaw.trim() : "";
  if (q.length > MAX_QUERY_LENGTH) {
    notices.push({ code: "queryCut", max: MAX_QUERY_LENGTH });
    q = q.slice(0, MAX_QUERY_LENGTH);
  }

  const principalRaw = one("principal", z.enum(["yes", "no"]), has("principal"), { code: "yesNo" });
  const columnIds = spec.columns.map((c) => c.id);

  const query: TableQuery = {
    state: list("state", stateCode, has("state"), { code: "stateCode" }),
    instrument: one("instrument", celex, has("instrument"), { code: "celex" }),
    status: listAmong("status", statusValues, has("status")),
    relation: listAmong("relation", transpositionRelations, has("relation")),
    property: listAmong("property", securityProperties, has("property")),
    obligation: one("obligation", obligationKey, has("obligation"), { code: "obligationKey" }),
    addressee: listAmong("addressee", addressees, has("addressee")),
    principal: principalRaw === null ? null : principalRaw === "yes",
    verification: oneAmong("verification", verificationStates, has("verification")),
    type: listAmong("type", measureTypes, has("type")),
    q,
    adopted: range("adopted", has("adopted")),
    inForce: range("in_force", has("in_force")),
    notified: range("notified", has("notified")),
    sort,
    page,
    pageSize,
    hide: listAmong("hide", [...columnIds, "none"], true),
  };
  const asOf = resolveAsOf(raw.as_of, now);
  if (asOf.notice) notices.push(asOf.notice);
  return { query, asOf, notices };
}

/** Columns hidden in this view: those the URL hides, else the defaults. */
export function hiddenColumns<Row>(spec: TableSpec<Row>, query: TableQuery, raw: RawSearchParams): string[] {
  if (raw.hide !== undefined) return query.hide.filter((h) => h !== "none");
  return spec.columns.filter((c) => c.hiddenByDefault).map((c) => c.id);
}

/**
 * The canonical query string of a view: defaults are left out, so equal views
 * have equal URLs. `hide` is written only when it differs from the defaults
 * (`hide=none` shows every column).
 */
export function tableSearchParams<Row>(spec: TableSpec<Row>, query: TableQuery, asOf: AsOf, hidden: string[]): URLSearchParams {
  const p = new URLSearchParams();
  for (const s of query.state) p.append("state", s);
  if (query.instrument) p.set("instrument", query.instrument);
  for (const s of query.status) p.append("status", s);
  for (const s of query.relation) p.append("relation", s);
  for (const s of query.property) p.append("property", s);
  if (query.obligation) p.set("obligation", query.obligation);
  for (const s of query.addressee) p.append("addressee", s);
  if (query.principal !== null) p.set("principal", query.principal ? "yes" : "no");
  if (query.verification) p.set("verification", query.verification);
  for (const s of query.type) p.append("type", s);
  if (query.q) p.set("q", query.q);
  const ranges: [string, DateRange][] = [
    ["adopted", query.adopted],
    ["in_force", query.inForce],
    ["notified", query.notified],
  ];
  for (const [name, r] of ranges) {
    if (r.from) p.set(`${name}_from`, r.from);
    if (r.to) p.set(`${name}_to`, r.to);
  }
  if (!asOf.isToday) p.set("as_of", asOf.date);
  if (query.sort.id !== spec.defaultSort.id || query.sort.desc !== spec.defaultSort.desc) p.set("sort", `${query.sort.desc ? "-" : ""}${query.sort.id}`);
  if (query.pageSize !== DEFAULT_PAGE_SIZE) p.set("page_size", String(query.pageSize));
  if (query.page !== 1) p.set("page", String(query.page));
  const defaults = spec.columns.filter((c) => c.hiddenByDefault).map((c) => c.id);
  const sameAsDefault = hidden.length === defaults.length && hidden.every((h) => defaults.includes(h));
  if (!sameAsDefault) {
    if (hidden.length === 0) p.set("hide", "none");
    else for (const h of hidden) p.append("hide", h);
  }
  return p;
}

export function tableHref<Row>(
  spec: TableSpec<Row>,
  query: TableQuery,
  asOf: AsOf,
  hidden: string[],
  patch: Partial<TableQuery> = {},
  hiddenPatch?: string[],
): string {
  const qs = tableSearchParams(spec, { ...query, ...patch }, asOf, hiddenPatch ?? hidden).toString();
  return qs ? `${spec.path}?${qs}` : spec.path;
}

export const tableStatuses = { measures: measureStatuses, transpositions: transpositionStatuses } as const;
