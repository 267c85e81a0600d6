/**
 * The body of GET /api/v1/export/<table>.csv: the table's matching rows as a
 * pull-driven CSV stream. SQL-backed tables are read from the statement as
 * raw cell arrays (db/queries/export.ts `iterateCsvCells`) on a reader of the
 * export's own, or by several readers side by side when the export can be cut
 * into parts (parallel-csv.ts); computed tables (indicators) from their rows
 * in memory.
 */
import type { Db } from "@/db/client";
import { csvPartsByState, iterateCsvCells, openExportReader } from "@/db/queries/export";
import type { AsOf } from "@/lib/as-of";
import type { ColumnSpec } from "@/lib/table-types";
import type { CsvValue } from "@/lib/csv";
import { csvStream, type CsvStreamOptions } from "@/lib/csv-stream";
import { errorFields, log } from "@/lib/log";
import type { TableQuery } from "@/lib/table-state";
import type { ApiTable } from "@/server/export/registry";
import { borrowCsvReaders, csvReaderCount } from "./csv-readers";
import { parallelCsvStream } from "./parallel-csv";

/** `db` is the app's connection (computed tables, and the plan of the parts); `path` the file an own reader opens. */
export async function exportCsvBody(
  db: Db,
  path: string,
  t: ApiTable<unknown>,
  query: TableQuery,
  asOf: AsOf,
  options: CsvStreamOptions = {},
): Promise<ReadableStream<Uint8Array>> {
  const columns = t.spec.columns as readonly ColumnSpec<unknown>[];
  const header = columns.map((c) => c.id);
  if (!t.source) {
    const rows = t.rows!(db, query, asOf).map((row) => columns.map((c) => c.value(row)) as CsvValue[]);
    return csvStream(header, rows[Symbol.iterator](), options);
  }
  const cut = csvPartsByState(db, t.source, columns, query, asOf);
  const borrowed = cut && cut.parts.length > 1 ? borrowCsvReaders(csvReaderCount()) : null;
  if (cut && borrowed) {
    try {
      const stream = await parallelCsvStream(borrowed.readers, borrowed.release, { path, header, ...cut }, options);
      if (stream) return stream;
    } catch (error) {
      // Threads that cannot start (e.g. resource limits) leave the export to one reader, not to a failure.
      log("warn", "parallel csv export unavailable, reading alone", errorFields(error));
    }
  }
  const own = openExportReader(path);
  const onClose = options.onClose;
  try {
    return csvStream(header, iterateCsvCells(own.db, t.source, columns, query, asOf) as Iterator<CsvValue[]>, {
      ...options,
      onClose: (result) => {
        own.close();
        onClose?.(result);
      },
    });
  } catch (error) {
    own.close();
    throw error;
  }
}
