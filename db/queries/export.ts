/**
 * The row sources of the open-data exports and the JSON API: for each table,
 * ONE select whose WHERE is the table's own condition builder (the same
 * `measureConditions`, `transpositionConditions`, … the browse pages use),
 * ordered by the allow-listed sort column with the unique id as tiebreaker
 * (table-helpers `orderBy`). Nested lists come from correlated subqueries as
 * JSON, so a row is complete in one statement and the CSV can be streamed
 * with `.iterate()`; the API pages through the same statement by keyset.
 */
import { and, asc, desc, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { openDatabase, type Db } from "../client";
import { infringements, instruments, memberStates, nationalMeasures, notifications, obligations, provisions, transpositions } from "../schema";
import { type AsOf } from "@/lib/as-of";
import type { ColumnSpec } from "@/lib/table-types";
import { decodeRow, type Field, type Fields } from "@/db/tables/fields";
import { measureConditions, measureFields, measureListFields, selectMeasures, type MeasureRow } from "@/db/tables/measures";
import { obligationConditions, obligationFields, obligationListFields, selectObligations, type ObligationRow } from "@/db/tables/obligations";
import { provisionConditions, provisionCountFields, provisionFields, provisionKeyset, selectProvisions, type ProvisionRow } from "@/db/tables/provisions";
import {
  selectTranspositionCells,
  selectTranspositions,
  transpositionConditions,
  transpositionCsvCells,
  transpositionFields,
  transpositionKeyset,
  transpositionListFields,
  type TranspositionRow,
} from "@/db/tables/transpositions";
import { infringementConditions, infringementFields, selectInfringements, type InfringementRow } from "@/db/tables/infringements";
import { instrumentConditions, instrumentFields, selectInstruments, type InstrumentRow } from "@/db/tables/instruments";
import { memberStateConditions, memberStateFields, selectMemberStates, type MemberStateRow } from "@/db/tables/member-states";
import { notificationConditions, notificationFields, selectNotifications, type NotificationRow } from "@/db/tables/notifications";
import type { TableQuery } from "@/lib/table-state";
import { orderBy } from "./table-helpers";

/** The part of a drizzle select the sources share once `.$dynamic()` erased the joins from the type. */
interface DynamicSelect {
  where(where: SQL | undefined): DynamicSelect;
  orderBy(...order: SQL[]): DynamicSelect;
  limit(n: number): DynamicSelect;
  toSQL(): { sql: string; params: unknown[] };
}

/** `as_of` as the API read it: `given` tells an explicit date from the default (today). */
export type ExportAsOf = AsOf & { given?: boolean };

/** `_Row` is the row its fields decode to: it ties a source to its table's columns (`ColumnSpec<Row>`) where both are passed. */
export interface RowSource<_Row> {
  /** The unique tiebreaker of the order, and of the cursor. */
  id: SQLiteColumn;
  fields(query: TableQuery, asOf: AsOf): Fields;
  from(db: Db, fields: Fields): DynamicSelect;
  conditions(query: TableQuery, asOf: AsOf): SQL[];
  /** Keyset parts of sort columns whose `sortSql` is a list (e.g. `instrument_id, position`). */
  keyset?: Record<string, Field[]>;
  /** The CSV export's own select, used only when its cells cover every column of the table. */
  csv?: (query: TableQuery, asOf: AsOf) => CsvSelect;
}

export interface CsvSelect {
  /**
   * The CSV cells in SQL, by column id: each expression yields exactly what
   * the column's `value(row)` gives (text, a number or null), so the export
   * formats the raw values without building a row.
   */
  cells: Fields;
  /** The WHERE, when it differs from `conditions` (e.g. without the as-of check `asOfCell` makes). */
  conditions?: SQL[];
  /**
   * A column whose cell is NULL exactly when the row does not count as of the
   * date: the rule is then evaluated once per row in the select, beside the
   * cell, instead of again in the WHERE, and such rows are skipped.
   */
  asOfCell?: string;
  /** The FROM of the cells, when it differs from the source's (e.g. without joins only the pages need). */
  from?: (db: Db, fields: Fields) => DynamicSelect;
}

const dyn = (q: { $dynamic(): unknown }) => q.$dynamic() as DynamicSelect;

export const measureSource: RowSource<MeasureRow> = {
  id: nationalMeasures.id,
  fields: () => ({ ...measureFields, ...measureListFields }),
  from: (db, fields) => dyn(selectMeasures(db, fields)),
  conditions: measureConditions,
};

export const transpositionSource: RowSource<TranspositionRow> = {
  id: transpositions.id,
  fields: () => ({ ...transpositionFields, ...transpositionListFields }),
  from: (db, fields) => selectTranspositions(db, fields),
  conditions: transpositionConditions,
  keyset: transpositionKeyset,
  // The as-of rule is decided by the `measures` cell (db/tables/transpositions.ts).
  csv: (query, asOf) => ({
    cells: transpositionCsvCells(asOf),
    conditions: transpositionConditions(query, asOf, { measureRule: false }),
    from: (db, fields) => dyn(selectTranspositionCells(db, fields)),
    asOfCell: "measures",
  }),
};

export const provisionSource: RowSource<ProvisionRow> = {
  id: provisions.id,
  fields: (query, asOf) => ({ ...provisionFields, ...provisionCountFields(query, asOf) }),
  from: (db, fields) => dyn(selectProvisions(db, fields)),
  conditions: provisionConditions,
  keyset: provisionKeyset,
};

export const obligationSource: RowSource<ObligationRow> = {
  id: obligations.id,
  fields: (query, asOf) => ({ ...obligationFields, ...obligationListFields(query, asOf) }),
  from: (db, fields) => dyn(selectObligations(db, fields)),
  conditions: obligationConditions,
};

export const notificationSource: RowSource<NotificationRow> = {
  id: notifications.id,
  fields: () => notificationFields,
  from: (db, fields) => selectNotifications(db, fields),
  conditions: notificationConditions,
};

export const infringementSource: RowSource<InfringementRow> = {
  id: infringements.id,
  fields: () => infringementFields,
  from: (db, fields) => dyn(selectInfringements(db, fields)),
  conditions: infringementConditions,
};

/** Member States: all that have ever been members, or, with an explicit `as_of`, those that were members then. */
export const memberStateSource: RowSource<MemberStateRow> = {
  id: memberStates.code as unknown as SQLiteColumn,
  fields: () => memberStateFields,
  from: (db, fields) => dyn(selectMemberStates(db, fields)),
  conditions: memberStateConditions,
};

export const instrumentSource: RowSource<InstrumentRow> = {
  id: instruments.id,
  fields: () => instrumentFields,
  from: (db, fields) => dyn(selectInstruments(db, fields)),
  conditions: instrumentConditions,
};

/** The keyset position after a row: its sort-key parts and its id. */
export interface Cursor {
  sort: string;
  values: (string | number | null)[];
  id: string | number;
}

function sortParts<Row>(source: RowSource<Row>, columns: readonly ColumnSpec<Row>[], query: TableQuery): Field[] {
  const override = source.keyset?.[query.sort.id];
  if (override) return override;
  const column = columns.find((c) => c.id === query.sort.id);
  if (!column?.sortSql) throw new Error(`sort column ${query.sort.id} is not sortable`);
  return [column.sortSql];
}

/**
 * Rows after the cursor in the order (parts…, id), all in one direction.
 * SQLite sorts NULL first ascending and last descending; the comparison
 * follows that, so the walk visits every row exactly once.
 */
function afterCursor(parts: Field[], id: SQLiteColumn, cursor: Cursor, desc: boolean): SQL {
  const after = (p: Field, v: string | number | null): SQL => {
    if (v === null) return desc ? sql`0` : sql`${p} is not null`;
    return desc ? sql`(${p} < ${v} or ${p} is null)` : sql`${p} > ${v}`;
  };
  const same = (p: Field, v: string | number | null): SQL => (v === null ? sql`${p} is null` : sql`${p} = ${v}`);
  let condition: SQL = desc ? sql`${id} < ${cursor.id}` : sql`${id} > ${cursor.id}`;
  for (let i = parts.length - 1; i >= 0; i--) {
    const v = cursor.values[i] ?? null;
    condition = sql`(${after(parts[i]!, v)} or (${same(parts[i]!, v)} and ${condition}))`;
  }
  return condition;
}

export interface BuiltQuery {
  sql: string;
  params: unknown[];
  /** Field names in the order of the result columns. */
  names: string[];
  /** How many trailing columns are keyset parts (then the id). */
  keyParts: number;
  /** The source's own fields, which decode a row. */
  rowFields: Fields;
}

/**
 * The one statement of a table view: filters, as-of, order, and optionally the keyset and a limit.
 * With `select`, exactly those fields are selected (no keyset columns: the CSV needs no cursor).
 */
export function buildTableQuery<Row>(
  db: Db,
  source: RowSource<Row>,
  columns: readonly ColumnSpec<Row>[],
  query: TableQuery,
  asOf: AsOf,
  page?: { after: Cursor | null; limit: number },
  select?: Fields,
): BuiltQuery {
  const parts = sortParts(source, columns, query);
  const rowFields = select ?? source.fields(query, asOf);
  const fields: Fields = { ...rowFields };
  if (!select) {
    parts.forEach((p, i) => (fields[`__k${i}`] = sql`${p}`));
    fields.__id = source.id;
  }
  const where = [...source.conditions(query, asOf)];
  if (page?.after) where.push(afterCursor(parts, source.id, page.after, query.sort.desc));
  // A list-valued sortSql (`instrument_id, position`) gets the direction on every part; a plain one orders as the pages do.
  const dir = query.sort.desc ? desc : asc;
  const order = source.keyset?.[query.sort.id] ? [...parts.map((p) => dir(p)), dir(source.id)] : orderBy(columns, query, source.id);
  let q = source
    .from(db, fields)
    .where(and(...where))
    .orderBy(...order);
  if (page) q = q.limit(page.limit);
  const built = q.toSQL();
  return { sql: built.sql, params: built.params, names: Object.keys(fields), keyParts: parts.length, rowFields };
}

export interface KeyedRow<Row> {
  row: Row;
  cursor: Omit<Cursor, "sort">;
}

function rowOf<Row>(source: RowSource<Row>, built: BuiltQuery, raw: Record<string, unknown>): Row {
  return decodeRow(built.rowFields, raw) as Row;
}

function keyed<Row>(source: RowSource<Row>, built: BuiltQuery, values: unknown[]): KeyedRow<Row> {
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < built.names.length; i++) raw[built.names[i]!] = values[i];
  const n = built.names.length;
  return {
    row: rowOf(source, built, raw),
    cursor: { values: values.slice(n - 1 - built.keyParts, n - 1) as Cursor["values"], id: values[n - 1] as string | number },
  };
}

/**
 * Every matching row as its CSV cells in column order, straight from the
 * statement (`.raw()` arrays): no row objects, no per-row closures. Falls back
 * to each field's decoder and each column's `value` when the source has no SQL for a column.
 */
export function iterateCsvCells<Row>(db: Db, source: RowSource<Row>, columns: readonly ColumnSpec<Row>[], query: TableQuery, asOf: AsOf): Iterator<unknown[]> {
  const cells = csvCellsQuery(db, source, columns, query, asOf);
  if (cells) {
    const rows = db.$client
      .prepare(cells.sql)
      .raw(true)
      .iterate(...cells.params) as IterableIterator<unknown[]>;
    const at = cells.skipAt;
    if (at < 0) return rows;
    return {
      next() {
        for (;;) {
          const next = rows.next();
          if (next.done || next.value[at] !== null) return next;
        }
      },
      return: () => rows.return!(),
    };
  }
  const rows = iterateTable(db, source, columns, query, asOf);
  const values = columns.map((c) => c.value);
  return {
    next() {
      const next = rows.next();
      if (next.done) return { done: true, value: undefined };
      const row = next.value;
      const out = new Array<unknown>(values.length);
      for (let i = 0; i < values.length; i++) out[i] = values[i]!(row);
      return { done: false, value: out };
    },
    return() {
      rows.return();
      return { done: true, value: undefined };
    },
  };
}

/**
 * The CSV select of a source whose SQL cells cover every column, or null: its statement, and the index of the cell
 * whose NULL leaves a row out (CsvSelect.asOfCell), or -1.
 */
function csvCellsQuery<Row>(
  db: Db,
  source: RowSource<Row>,
  columns: readonly ColumnSpec<Row>[],
  query: TableQuery,
  asOf: AsOf,
  idRange?: { from: number; to: number },
): { sql: string; params: unknown[]; skipAt: number } | null {
  const csv = source.csv?.(query, asOf);
  if (!csv || !columns.every((c) => c.id in csv.cells)) return null;
  const select: Fields = {};
  for (const c of columns) select[c.id] = csv.cells[c.id]!;
  const conditions = csv.conditions ?? source.conditions(query, asOf);
  const range = idRange ? [sql`${source.id} >= ${idRange.from}`, sql`${source.id} < ${idRange.to}`] : [];
  const own = { ...source, conditions: () => [...conditions, ...range], from: csv.from ?? source.from };
  const built = buildTableQuery(db, own, columns, query, asOf, undefined, select);
  return { sql: built.sql, params: built.params, skipAt: csv.asOfCell === undefined ? -1 : columns.findIndex((c) => c.id === csv.asOfCell) };
}

/** About this many ids per part of a cut export: parts small enough that a reader ahead holds little while it waits. */
const IDS_PER_PART = 20_000;

/**
 * The CSV select cut into parts that follow one another in the export's order, for readers working side by side
 * (server/export/parallel-csv.ts): when the order begins with the Member State (then the id), one state's rows in one
 * range of ids each, states and ranges in the order's direction. One statement for all parts, with each part's
 * parameters; null when the export cannot be cut (another order, one state, or cells not all in SQL).
 */
export function csvPartsByState<Row>(
  db: Db,
  source: RowSource<Row>,
  columns: readonly ColumnSpec<Row>[],
  query: TableQuery,
  asOf: AsOf,
  idsPerPart = IDS_PER_PART,
): { sql: string; parts: unknown[][]; skipAt: number } | null {
  if (query.sort.id !== "state" || query.state.length === 1) return null;
  const chosen = query.state.length
    ? [...new Set(query.state)]
    : db
        .select({ code: memberStates.code })
        .from(memberStates)
        .all()
        .map((s) => s.code);
  // SQLite compares the codes as bytes (BINARY), as this sort does for ASCII codes.
  const states = chosen.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const ids = db
    .select({ low: sql<number | null>`min(${source.id})`, high: sql<number | null>`max(${source.id})` })
    .from(source.id.table as SQLiteTable)
    .get();
  const low = ids?.low ?? 0;
  const high = (ids?.high ?? 0) + 1;
  const slices = Math.min(64, Math.max(1, Math.ceil((high - low) / states.length / idsPerPart)));
  const step = Math.ceil((high - low) / slices);
  const ranges = Array.from({ length: slices }, (_, i) => ({ from: low + i * step, to: i === slices - 1 ? high : low + (i + 1) * step }));
  if (query.sort.desc) {
    states.reverse();
    ranges.reverse();
  }
  const parts = states.flatMap((state) => ranges.map((range) => csvCellsQuery(db, source, columns, { ...query, state: [state] }, asOf, range)));
  const first = parts[0];
  if (!first || parts.some((p) => !p || p.sql !== first.sql)) return null;
  return { sql: first.sql, parts: parts.map((p) => p!.params), skipAt: first.skipAt };
}

/** Every matching row, one at a time, from a prepared statement: constant memory whatever the table's size. */
export function* iterateTable<Row>(
  db: Db,
  source: RowSource<Row>,
  columns: readonly ColumnSpec<Row>[],
  query: TableQuery,
  asOf: AsOf,
): Generator<Row, void, undefined> {
  const built = buildTableQuery(db, source, columns, query, asOf);
  const raw: Record<string, unknown> = {};
  const names = built.names;
  for (const values of db.$client
    .prepare(built.sql)
    .raw(true)
    .iterate(...built.params) as IterableIterator<unknown[]>) {
    for (let i = 0; i < names.length; i++) raw[names[i]!] = values[i];
    yield rowOf(source, built, raw);
  }
}

/** One page after the cursor; `next` is set when more rows follow. */
export function pageTable<Row>(
  db: Db,
  source: RowSource<Row>,
  columns: readonly ColumnSpec<Row>[],
  query: TableQuery,
  asOf: AsOf,
  after: Cursor | null,
  limit: number,
): { rows: Row[]; next: Cursor | null } {
  const built = buildTableQuery(db, source, columns, query, asOf, { after, limit: limit + 1 });
  const all = (
    db.$client
      .prepare(built.sql)
      .raw(true)
      .all(...built.params) as unknown[][]
  ).map((v) => keyed(source, built, v));
  const rows = all.slice(0, limit);
  const last = rows.at(-1);
  return { rows: rows.map((r) => r.row), next: all.length > limit && last ? { sort: `${query.sort.desc ? "-" : ""}${query.sort.id}`, ...last.cursor } : null };
}

/** How many rows match (for the API's `total`). */
export function countTable<Row>(db: Db, source: RowSource<Row>, query: TableQuery, asOf: AsOf): number {
  const q = source
    .from(db, { n: sql`count(*)` })
    .where(and(...source.conditions(query, asOf)))
    .toSQL();
  const row = db.$client
    .prepare(q.sql)
    .raw(true)
    .get(...q.params) as unknown[] | undefined;
  return Number(row?.[0] ?? 0);
}

/**
 * A read-only connection of its own for one streamed export: better-sqlite3
 * keeps a connection busy while a statement iterates, so a long export on the
 * app's shared connection would block every other request. WAL gives the
 * reader a consistent snapshot for the whole export.
 */
export function openExportReader(path: string): { db: Db; close: () => void } {
  const handle = openDatabase(path, { readonly: true, mustExist: true });
  // 32 MB instead of 2: the export reads the provisions, instruments and measures of 3 million rows at scale, and any
  // sort an order needs then stays in memory instead of spilling to temporary files; memory stays bounded.
  handle.sqlite.pragma("cache_size = -32768");
  return { db: handle.db, close: () => handle.sqlite.close() };
}
