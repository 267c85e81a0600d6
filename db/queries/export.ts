/**
 * The row sources of the open-data exports and the JSON API: for each table,
 * ONE select whose WHERE is the table's own condition builder (the same
 * `measureConditions`, `transpositionConditions`, … the browse pages use),
 * ordered by the allow-listed sort column with the unique id as tiebreaker
 * (table-helpers `orderBy`). Nested lists come from correlated subqueries as
 * JSON, so a row is complete in one statement and the CSV can be streamed
 * with `.iterate()`; the API pages through the same statement by keyset.
 */
import { instrumentCountsAsOf, notificationCountsAsOf, stateIsMemberAsOf } from "@/db/as-of";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { openDatabase, type Db } from "../client";
import { infringements, instruments, memberStates, nationalMeasures, notifications, obligations, provisions, transpositions } from "../schema";
import { type AsOf } from "@/lib/as-of";
import type { ColumnSpec } from "@/lib/table-types";
import { decodeRow, type Field, type Fields } from "@/db/tables/fields";
import { measureConditions, measureFields, measureListFields, selectMeasures, type MeasureRow } from "@/db/tables/measures";
import { obligationConditions, obligationFields, obligationListFields, selectObligations, type ObligationRow } from "@/db/tables/obligations";
import { provisionConditions, provisionCountFields, provisionFields, provisionKeyset, selectProvisions, type ProvisionRow } from "@/db/tables/provisions";
import {
  selectTranspositions,
  transpositionConditions,
  transpositionCsvCells,
  transpositionFields,
  transpositionKeyset,
  transpositionListFields,
  type TranspositionRow,
} from "@/db/tables/transpositions";
import {
  infringementStartedOn,
  type InfringementListRow,
  type InstrumentListRow,
  type MemberStateListRow,
  type NotificationListRow,
} from "@/db/tables/columns";
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

export interface RowSource<Row> {
  /** The unique tiebreaker of the order, and of the cursor. */
  id: SQLiteColumn;
  fields(query: TableQuery, asOf: AsOf): Fields;
  from(db: Db, fields: Fields): DynamicSelect;
  conditions(query: TableQuery, asOf: AsOf): SQL[];
  /** Keyset parts of sort columns whose `sortSql` is a list (e.g. `instrument_id, position`). */
  keyset?: Record<string, Field[]>;
  /** The row from its raw fields by name; without it, each field's own decoder (db/tables/fields.ts `decodeRow`). */
  map?(raw: Record<string, unknown>): Row;
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
}

const json = <T>(v: unknown): T => JSON.parse(typeof v === "string" ? v : "[]") as T;
const str = (v: unknown) => v as string;
const strOrNull = (v: unknown) => (v ?? null) as string | null;
const num = (v: unknown) => Number(v ?? 0);

const dyn = (q: { $dynamic(): unknown }) => q.$dynamic() as DynamicSelect;

const inStates = (column: SQLiteColumn, query: TableQuery): SQL[] => (query.state.length ? [inArray(column, query.state)] : []);

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

export function notificationConditions(query: TableQuery, asOf: AsOf): SQL[] {
  const where: SQL[] = [instrumentCountsAsOf(asOf), notificationCountsAsOf(asOf), ...inStates(notifications.stateCode, query)];
  if (query.instrument) where.push(eq(instruments.celex, query.instrument));
  if (query.status.length) where.push(sql`${notifications.status} in ${query.status}`);
  if (query.verification) where.push(sql`${notifications.verification} = ${query.verification}`);
  if (query.notified.from) where.push(sql`${notifications.notifiedOn} >= ${query.notified.from}`);
  if (query.notified.to) where.push(sql`${notifications.notifiedOn} <= ${query.notified.to}`);
  return where;
}

export const notificationSource: RowSource<NotificationListRow> = {
  id: notifications.id,
  fields: () => ({
    id: notifications.id,
    stateCode: notifications.stateCode,
    stateName: memberStates.name,
    celex: instruments.celex,
    shortName: instruments.shortName,
    status: notifications.status,
    notifiedOn: notifications.notifiedOn,
    principalMeasureKey: sql`(select m.key from ${nationalMeasures} m where m.id = ${notifications.principalMeasureId})`,
    verification: notifications.verification,
  }),
  from: (db, fields) =>
    dyn(
      db
        .select(fields)
        .from(notifications)
        .innerJoin(instruments, eq(instruments.id, notifications.instrumentId))
        .innerJoin(memberStates, eq(memberStates.code, notifications.stateCode)),
    ),
  conditions: notificationConditions,
  map: (r) => ({
    id: num(r.id),
    stateCode: str(r.stateCode),
    stateName: str(r.stateName),
    celex: str(r.celex),
    shortName: str(r.shortName),
    status: str(r.status),
    notifiedOn: strOrNull(r.notifiedOn),
    principalMeasureKey: strOrNull(r.principalMeasureKey),
    verification: str(r.verification),
  }),
};

/** A proceeding counts from its first dated stage; one with no dated stage counts in views of today or later. */
export function infringementConditions(query: TableQuery, asOf: AsOf): SQL[] {
  const started =
    asOf.date >= new Date().toISOString().slice(0, 10)
      ? sql`(${infringementStartedOn} is null or ${infringementStartedOn} <= ${asOf.date})`
      : sql`${infringementStartedOn} <= ${asOf.date}`;
  const where: SQL[] = [instrumentCountsAsOf(asOf), started, ...inStates(infringements.stateCode, query)];
  if (query.instrument) where.push(eq(instruments.celex, query.instrument));
  if (query.verification) where.push(sql`${infringements.verification} = ${query.verification}`);
  return where;
}

export const infringementSource: RowSource<InfringementListRow> = {
  id: infringements.id,
  fields: () => ({
    id: infringements.id,
    stateCode: infringements.stateCode,
    celex: instruments.celex,
    shortName: instruments.shortName,
    type: infringements.type,
    procedureNumber: infringements.procedureNumber,
    courtCase: infringements.courtCase,
    outcome: infringements.outcome,
    startedOn: infringementStartedOn,
    stages: sql`(select json_group_array(json_object('stage', x.stage, 'date', x.date)) from (select s.stage, s.date from infringement_stages s where s.infringement_id = ${infringements.id} order by s.date is null, s.date, s.id) x)`,
    verification: infringements.verification,
  }),
  from: (db, fields) => dyn(db.select(fields).from(infringements).innerJoin(instruments, eq(instruments.id, infringements.instrumentId))),
  conditions: infringementConditions,
  map: (r) => ({
    id: num(r.id),
    stateCode: str(r.stateCode),
    celex: str(r.celex),
    shortName: str(r.shortName),
    type: str(r.type),
    procedureNumber: strOrNull(r.procedureNumber),
    courtCase: strOrNull(r.courtCase),
    outcome: strOrNull(r.outcome),
    startedOn: strOrNull(r.startedOn),
    stages: json(r.stages),
    verification: str(r.verification),
  }),
};

/** Member States: all that have ever been members, or, with an explicit `as_of`, those that were members then. */
export const memberStateSource: RowSource<MemberStateListRow> = {
  id: memberStates.code as unknown as SQLiteColumn,
  fields: () => ({ code: memberStates.code, name: memberStates.name, accessionDate: memberStates.accessionDate, exitDate: memberStates.exitDate }),
  from: (db, fields) => dyn(db.select(fields).from(memberStates)),
  conditions: (query, asOf: ExportAsOf) => [...(asOf.given ? [stateIsMemberAsOf(asOf)] : []), ...inStates(memberStates.code, query)],
  map: (r) => ({ code: str(r.code), name: str(r.name), accessionDate: str(r.accessionDate), exitDate: strOrNull(r.exitDate) }),
};

export const instrumentSource: RowSource<InstrumentListRow> = {
  id: instruments.id,
  fields: () => ({
    id: instruments.id,
    celex: instruments.celex,
    type: instruments.type,
    shortName: instruments.shortName,
    title: instruments.title,
    adoptionDate: instruments.adoptionDate,
    ojReference: instruments.ojReference,
    eli: instruments.eli,
    transpositionDeadline: instruments.transpositionDeadline,
    repealedBy: instruments.repealedBy,
    repealedFrom: instruments.repealedFrom,
    verification: instruments.verification,
  }),
  from: (db, fields) => dyn(db.select(fields).from(instruments)),
  conditions: (query, asOf) => {
    const where: SQL[] = [instrumentCountsAsOf(asOf)];
    if (query.instrument) where.push(eq(instruments.celex, query.instrument));
    if (query.verification) where.push(sql`${instruments.verification} = ${query.verification}`);
    return where;
  },
  map: (r) => ({
    id: num(r.id),
    celex: str(r.celex),
    type: str(r.type),
    shortName: str(r.shortName),
    title: str(r.title),
    adoptionDate: str(r.adoptionDate),
    ojReference: str(r.ojReference),
    eli: strOrNull(r.eli),
    transpositionDeadline: strOrNull(r.transpositionDeadline),
    repealedBy: strOrNull(r.repealedBy),
    repealedFrom: strOrNull(r.repealedFrom),
    verification: str(r.verification),
  }),
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
  return source.map ? source.map(raw) : (decodeRow(built.rowFields, raw) as Row);
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
 * to `map` and each column's `value` when the source has no SQL for a column.
 */
export function iterateCsvCells<Row>(db: Db, source: RowSource<Row>, columns: readonly ColumnSpec<Row>[], query: TableQuery, asOf: AsOf): Iterator<unknown[]> {
  const csv = source.csv?.(query, asOf);
  if (csv && columns.every((c) => c.id in csv.cells)) {
    const select: Fields = {};
    for (const c of columns) select[c.id] = csv.cells[c.id]!;
    const own = csv.conditions ? { ...source, conditions: () => csv.conditions! } : source;
    const built = buildTableQuery(db, own, columns, query, asOf, undefined, select);
    const rows = db.$client
      .prepare(built.sql)
      .raw(true)
      .iterate(...built.params) as IterableIterator<unknown[]>;
    const at = csv.asOfCell === undefined ? -1 : columns.findIndex((c) => c.id === csv.asOfCell);
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
