/**
 * The two read routes of the open data, on publicRoute (server/api-route.ts): a JSON page of a table
 * (keyset-paginated) and a streamed CSV of all its matching rows. Public data: no session and no token.
 * Every refusal is application/problem+json.
 */
import { z } from "zod";
import { getDbHandle } from "@/db/client";
import { countTable, pageTable, type Cursor } from "@/db/queries/export";
import { csvFileName, type CsvValue } from "@/lib/csv";
import { errorFields, log } from "@/lib/log";
import { publicRoute } from "@/server/api-route";
import { apiTables, exportTableNames, type ApiTable, type TableName } from "@/server/export/registry";
import { exportCsvBody } from "@/server/export/csv-export";
import { recordCsvExport } from "@/server/export/audit";
import { encodeCursor, parseParams, exportQueryString, type Endpoint } from "@/server/export/params";
import type { TableSpec } from "@/lib/table-state";

export const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" };

/** Rows after the cursor in memory, for computed tables (same order rule as SQL: nulls first ascending, then the key). */
function pageInMemory(
  t: ApiTable<unknown>,
  rows: unknown[],
  sort: { id: string; desc: boolean },
  after: Cursor | null,
  limit: number,
): { rows: unknown[]; next: Cursor | null } {
  const column = t.spec.columns.find((c) => c.id === sort.id)!;
  const keyOf = (r: unknown): [CsvValue, string | number] => [column.value(r) as CsvValue, t.key(r)];
  const cmpValue = (a: unknown, b: unknown) =>
    a === b ? 0 : a === null || a === undefined ? -1 : b === null || b === undefined ? 1 : (a as number | string) < (b as number | string) ? -1 : 1;
  const cmp = (a: [CsvValue, string | number], b: [CsvValue, string | number]) => (sort.desc ? -1 : 1) * (cmpValue(a[0], b[0]) || cmpValue(a[1], b[1]));
  const sorted = [...rows].sort((a, b) => cmp(keyOf(a), keyOf(b)));
  const start = after ? sorted.findIndex((r) => cmp(keyOf(r), [(after.values[0] ?? null) as CsvValue, after.id]) > 0) : 0;
  const page = start < 0 ? [] : sorted.slice(start, start + limit);
  const more = start >= 0 && start + limit < sorted.length;
  const last = page.at(-1);
  const sortText = `${sort.desc ? "-" : ""}${sort.id}`;
  return { rows: page, next: more && last !== undefined ? { sort: sortText, values: [keyOf(last)[0] as string | number | null], id: t.key(last) } : null };
}

/** The open-data parameters of a table, as publicRoute reads a query. */
function tableQuery<Row>(spec: TableSpec<Row>, endpoint: Endpoint) {
  return (search: URLSearchParams) => {
    const parsed = parseParams(spec, endpoint, search);
    return parsed.ok ? { ok: true as const, value: parsed } : parsed;
  };
}

/** GET /api/v1/<table>: one page of rows as JSON, with `next_cursor`. */
export function listRoute(name: TableName) {
  const t = apiTables[name];
  return publicRoute({ query: tableQuery(t.spec, "api") }, ({ db, url, query: parsed, requestId }) => {
    const { query, asOf } = parsed.table;
    // `count` is every row the query matches, not the page's: a client knows how many pages to expect.
    let page: { rows: unknown[]; next: Cursor | null };
    let count: number;
    if (t.source) {
      page = pageTable(db, t.source, t.spec.columns, query, asOf, parsed.cursor, parsed.limit);
      count = countTable(db, t.source, query, asOf);
    } else {
      const all = t.rows!(db, query, asOf);
      page = pageInMemory(t, all, query.sort, parsed.cursor, parsed.limit);
      count = all.length;
    }
    const next = page.next ? encodeCursor(page.next) : null;
    const nextUrl = next ? new URL(url) : null;
    nextUrl?.searchParams.set("cursor", next!);
    const csvParams = new URLSearchParams(exportQueryString(url.searchParams));
    csvParams.delete("cursor");
    csvParams.delete("limit");
    const qs = csvParams.toString();
    const csv = (exportTableNames as readonly string[]).includes(name) ? `/api/v1/export/${name}.csv${qs ? `?${qs}` : ""}` : null;
    const body = {
      data: page.rows,
      count,
      as_of: asOf.date,
      sort: `${query.sort.desc ? "-" : ""}${query.sort.id}`,
      next_cursor: next,
      links: { self: `${url.pathname}${url.search}`, next: nextUrl ? `${nextUrl.pathname}${nextUrl.search}` : null, csv },
    };
    return new Response(JSON.stringify(body), { status: 200, headers: { ...JSON_HEADERS, "X-Request-Id": requestId } });
  });
}

/** `<table>.csv` of a table with a CSV export. */
const csvFile = z.object({
  file: z
    .string()
    .regex(/^[a-z-]+\.csv$/)
    .transform((file) => file.slice(0, -".csv".length))
    .refine((name): name is (typeof exportTableNames)[number] => (exportTableNames as readonly string[]).includes(name)),
});

/** GET /api/v1/export/<table>.csv: every matching row, streamed; HEAD its headers. */
export const csvRoute = publicRoute(
  {
    params: csvFile,
    notFound: `No such export; exports are ${exportTableNames.map((n) => `${n}.csv`).join(", ")}.`,
    query: (search, params) => tableQuery(apiTables[params.file].spec, "csv")(search),
  },
  async ({ db, params, query: parsed, url, requestId, request }) => {
    const name = params.file;
    const t = apiTables[name];
    const { query, asOf } = parsed.table;
    const parts = [name, ...query.state, ...(query.instrument ? [query.instrument] : []), asOf.date];
    const headers = {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="${csvFileName(...parts)}"`,
      "Cache-Control": "no-store",
      "Access-Control-Allow-Origin": "*",
      "X-Request-Id": requestId,
    };
    // HEAD answers what GET would, without reading a row: a body no one reads would hold the export's readers and
    // their read transactions open.
    if (request.method === "HEAD") return new Response(null, { status: 200, headers });
    // One audit event per export request (cheap: one insert); a replay from the response cache writes its own.
    recordCsvExport(db, { table: name, search: url.searchParams, asOf: asOf.date, requestId });
    const started = performance.now();
    const stream = await exportCsvBody(db, getDbHandle().path, t, query, asOf, {
      bom: parsed.bom,
      onClose: (result) => {
        if (result.error) log("error", "csv export failed", { requestId, table: name, rows: result.rows, ...errorFields(result.error) });
        else
          log("info", "csv export", {
            requestId,
            table: name,
            rows: result.rows,
            cancelled: result.cancelled ?? false,
            ms: Math.round(performance.now() - started),
          });
      },
    });
    return new Response(stream, { status: 200, headers });
  },
);
