/**
 * The audit event of a CSV export (SECURITY.md: "exports audited"): which table was taken out, with which filters,
 * as of which date. The export route writes it when it renders the file; the server writes it when the response
 * cache replays a kept export (server/cache/responses.ts `onReplay`), so that an export answered from memory is
 * counted exactly as one rendered.
 */
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/audit";
import { ANONYMOUS } from "@/lib/policy";
import { apiTables, exportTableNames, type TableName } from "@/server/export/registry";
import { exportQueryString, parseParams } from "@/server/export/params";

export const EXPORT_PREFIX = "/api/v1/export/";

export function recordCsvExport(db: Db, event: { table: TableName; search: URLSearchParams; asOf: string; requestId: string; replayed?: boolean }): void {
  recordAudit(db, {
    actor: ANONYMOUS,
    action: "export",
    entity: "export",
    recordId: event.table,
    after: { table: event.table, query: exportQueryString(event.search), asOf: event.asOf, ...(event.replayed ? { fromCache: true } : {}) },
    requestId: event.requestId,
  });
}

/**
 * The event of an export replayed from the response cache, from its URL (`/api/v1/export/<table>.csv?…`). Only a
 * complete 200 is kept, so the URL parsed when it was rendered; one that does not parse now (another day's defaults)
 * is still recorded, with today's as-of unknown. Returns whether the URL was an export.
 */
export function recordReplayedCsvExport(db: Db, url: string, requestId: string): boolean {
  const parsed = new URL(url, "http://localhost");
  if (!parsed.pathname.startsWith(EXPORT_PREFIX)) return false;
  const table = parsed.pathname.slice(EXPORT_PREFIX.length).replace(/\.csv$/, "");
  if (!(exportTableNames as readonly string[]).includes(table)) return false;
  const params = parseParams(apiTables[table as TableName].spec, "csv", parsed.searchParams);
  recordCsvExport(db, {
    table: table as TableName,
    search: parsed.searchParams,
    asOf: params.ok ? params.table.asOf.date : "unknown",
    requestId,
    replayed: true,
  });
  return true;
}
