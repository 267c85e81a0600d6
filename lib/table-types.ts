import type { SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

export type PlainValue = string | number | boolean | null;

/**
 * One column of a browse table, defined once for the HTML table, the CSV
 * export and the JSON API: its id (also the `sort` and column-visibility key),
 * its header, the SQL it sorts by (absent = not sortable) and its plain value.
 */
export interface ColumnSpec<Row> {
  id: string;
  header: string;
  sortSql?: SQLiteColumn | SQL;
  value: (row: Row) => PlainValue;
  /** Hidden until the user shows it. */
  hiddenByDefault?: boolean;
}

/** What the browser needs of a column (no SQL, no functions). */
export interface ColumnMeta {
  id: string;
  header: string;
  sortable: boolean;
}

export function columnMeta<Row>(columns: readonly ColumnSpec<Row>[]): ColumnMeta[] {
  return columns.map((c) => ({ id: c.id, header: c.header, sortable: c.sortSql !== undefined }));
}
