import { asc, desc, inArray, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "../client";
import type { ColumnSpec } from "@/lib/table-types";
import type { DateRange, TableQuery } from "@/lib/table-state";

/** ORDER BY the allow-listed column, then the unique id in the same direction (stable, keyset-friendly pages). */
export function orderBy<Row>(columns: readonly ColumnSpec<Row>[], query: TableQuery, id: SQLiteColumn): SQL[] {
  const column = columns.find((c) => c.id === query.sort.id);
  if (!column?.sortSql) throw new Error(`sort column ${query.sort.id} is not sortable`);
  const dir = query.sort.desc ? desc : asc;
  return [dir(column.sortSql), dir(id)];
}

export function dateRange(column: SQLiteColumn, range: DateRange): SQL[] {
  const out: SQL[] = [];
  if (range.from) out.push(sql`${column} >= ${range.from}`);
  if (range.to) out.push(sql`${column} <= ${range.to}`);
  return out;
}

/** The query's Member States filter on a column (none when no state is chosen). */
export function inStates(column: SQLiteColumn, query: TableQuery): SQL[] {
  return query.state.length ? [inArray(column, query.state)] : [];
}

export function offset(query: TableQuery): number {
  return (query.page - 1) * query.pageSize;
}

/** Beyond this many candidate ids, a page across several states is sorted by one query (see pageIdsAcrossStates). */
export const ACROSS_STATES_CANDIDATE_LIMIT = 2_000;

/**
 * The ids of the query's page when it filters on several Member States. SQLite reads `state_code in (…)` as one index
 * range per state but cannot merge the ranges in the sort's order, so a single query sorts every matching row (20,000
 * measures for two states at the scale of the acquis: 9 ms). The page lies within each state's own first rows up to the
 * page's end: one query per state reads its range in order (via the state's index when the sort column is in it), and
 * the page is sorted from those candidates alone (0.5 ms). A deep page, whose candidates would be many, and a filter on
 * one state or none take the single query.
 *
 * `sortedIds(states, limit, offset, among)` is the table's id query: its filters with the state filter set to `states`,
 * restricted to the ids `among` when given, in the page's sort.
 */
export function pageIdsAcrossStates(query: TableQuery, sortedIds: (states: string[], limit: number, offset: number, among?: number[]) => number[]): number[] {
  const end = offset(query) + query.pageSize;
  if (query.state.length < 2 || query.state.length * end > ACROSS_STATES_CANDIDATE_LIMIT) return sortedIds(query.state, query.pageSize, offset(query));
  const candidates = query.state.flatMap((state) => sortedIds([state], end, 0));
  return candidates.length ? sortedIds(query.state, query.pageSize, offset(query), candidates) : [];
}

export interface TablePage<Row> {
  rows: Row[];
  /** The number of matching rows, or COUNT_CAP when `totalIsCapped`. */
  total: number;
  /** True when more than COUNT_CAP rows match: counting stopped there (the JSON API's `count` stays exact). */
  totalIsCapped?: boolean;
}

/**
 * Tables count at most this many rows: an exact count of 300,000 correspondences checks the
 * "as of" rule on each of them (seconds at the scale of the acquis), and beyond this a table
 * says "more than 10,000".
 */
export const COUNT_CAP = 10_000;

/** `select count(*) from (<rows> limit COUNT_CAP + 1)`, given the rows' SQL: the total, capped. */
export function cappedCount(db: Db, rows: { toSQL(): { sql: string; params: unknown[] } }, cap: number = COUNT_CAP): { total: number; totalIsCapped: boolean } {
  const { sql: text, params } = rows.toSQL();
  const n = (db.$client.prepare(`select count(*) as n from (${text} limit ${Math.floor(cap) + 1})`).get(...params) as { n: number }).n;
  return n > cap ? { total: cap, totalIsCapped: true } : { total: n, totalIsCapped: false };
}

/** SQLite binds at most 32,766 variables per statement: long id lists are queried in chunks. */
export const MAX_BOUND_IDS = 10_000;

export function inChunks<T, R>(ids: readonly T[], run: (chunk: T[]) => R[], size: number = MAX_BOUND_IDS): R[] {
  const out: R[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...run(ids.slice(i, i + size)));
  return out;
}
