/** "Download CSV" for a table page: the export URL with the view's own query string (filters, as-of, sort). */
import type { AsOf } from "@/lib/as-of";
import { tableSearchParams, type TableQuery, type TableSpec } from "@/lib/table-state";

export function DownloadCsv<Row>({ table, spec, query, asOf }: { table: string; spec: TableSpec<Row>; query: TableQuery; asOf: AsOf }) {
  const params = tableSearchParams(spec, { ...query, page: 1, pageSize: 25 }, asOf, []);
  params.delete("hide");
  const qs = params.toString();
  const withBom = new URLSearchParams(params);
  withBom.set("bom", "1");
  return (
    <p className="download-csv">
      <a href={`/api/v1/export/${table}.csv${qs ? `?${qs}` : ""}`} download>
        Download CSV
      </a>{" "}
      ·{" "}
      <a href={`/api/v1/export/${table}.csv?${withBom.toString()}`} download>
        CSV for Excel
      </a>{" "}
      <span className="muted">(with a byte-order mark, so accents show right)</span>{" "}
      <span className="muted">
        (every row of this view, all columns; see <a href="/api#csv">the column list</a>)
      </span>
    </p>
  );
}
