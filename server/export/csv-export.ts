/**
 * The body of GET /api/v1/export/<table>.csv: the table's matching rows as a
 * pull-driven CSV stream. SQL-backed tables are read from the statement as
 * raw cell arrays (db/queries/export.ts `iterateCsvCells`); computed tables
 * (indicators) from their rows in memory.
 */
import type { Db } from "@/db/client";
import { iterateCsvCells } from "@/db/queries/export";
import type { AsOf } from "@/lib/as-of";
import type { ColumnSpec } from "@/lib/table-types";
import type { CsvValue } from "@/lib/csv";
import { csvStream, type CsvStreamOptions } from "@/lib/csv-stream";
import type { TableQuery } from "@/lib/table-state";
import type { ApiTable } from "@/server/export/registry";

/** `db` is the export's own reader for SQL-backed tables, the app's connection for computed ones. */
export function exportCsvStream(db: Db, t: ApiTable<unknown>, query: TableQuery, asOf: AsOf, options: CsvStreamOptions = {}): ReadableStream<Uint8Array> {
  const columns = t.spec.columns as readonly ColumnSpec<unknown>[];
  const header = columns.map((c) => c.id);
  const rows: Iterator<readonly CsvValue[]> = t.source
    ? (iterateCsvCells(db, t.source, columns, query, asOf) as Iterator<CsvValue[]>)
    : t.rows!(db, query, asOf)
        .map((row) => columns.map((c) => c.value(row)))
        [Symbol.iterator]();
  return csvStream(header, rows, options);
}
