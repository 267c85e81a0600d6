/**
 * GET /api/v1/charts/{deficit|timeline|delays|coverage}?as_of=YYYY-MM-DD[&instrument=CELEX]
 * The CSV of exactly the data a chart on /charts draws (lib/charts), RFC 4180
 * with formula neutralisation (lib/csv.ts). Public data: no session needed,
 * like the pages it backs. Bad parameters get a 400 with the message as text.
 */
import { getDb } from "@/db/client";
import { loadChartTable, snapshotForChart } from "@/db/queries/dashboard";
import { todayIso } from "@/lib/as-of";
import { chartCsv, timelineInstrument } from "@/lib/charts";
import { csvFileName } from "@/lib/csv";
import { chartId, parseChartParams } from "@/lib/dashboard-params";
import { errorFields, log, newRequestId } from "@/lib/log";
import { searchParamsToRaw } from "@/server/export/params";

const CHART_PARAMS = ["as_of", "instrument", "collection"];

function badRequest(message: string): Response {
  return new Response(`${message}\n`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export async function GET(request: Request, { params }: { params: Promise<{ chart: string }> }): Promise<Response> {
  const id = chartId.safeParse((await params).chart);
  if (!id.success) return badRequest(`Unknown chart: ${id.error.issues[0]?.message ?? "invalid"}.`);
  const url = new URL(request.url);
  const unknown = [...new Set(url.searchParams.keys())].filter((k) => !CHART_PARAMS.includes(k));
  if (unknown.length) return badRequest(`Unknown parameter ${JSON.stringify(unknown[0]!.slice(0, 40))}; this endpoint accepts ${CHART_PARAMS.join(", ")}.`);
  const raw = searchParamsToRaw(url.searchParams);
  const parsed = parseChartParams(raw);
  if (parsed.errors.length) return badRequest(parsed.errors.join(" "));
  try {
    const db = getDb();
    const takenOn = todayIso();
    const instrument = id.data === "timeline" ? timelineInstrument(snapshotForChart(db, "timeline", takenOn), parsed.instrument) : null;
    if (id.data === "timeline" && !instrument) return badRequest(`No instrument with CELEX ${parsed.instrument} is in the inventory.`);
    const table = loadChartTable(db, id.data, parsed.asOf.date, takenOn, instrument, parsed.collection);
    if (!table) return badRequest("Nothing to export.");
    const name = csvFileName("chart", id.data, ...(id.data === "timeline" && instrument ? [instrument.celex] : []), parsed.asOf.date);
    return new Response(chartCsv(table), {
      status: 200,
      headers: {
        "Content-Type": "text/csv; charset=utf-8; header=present",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    const requestId = newRequestId();
    log("error", "chart csv export failed", { requestId, chart: id.data, ...errorFields(error) });
    return new Response(`Export failed (request ${requestId}).\n`, { status: 500, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
