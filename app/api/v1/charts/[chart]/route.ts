/**
 * GET /api/v1/charts/{deficit|timeline|delays|coverage}?as_of=YYYY-MM-DD[&instrument=CELEX][&collection=…]
 * The CSV of exactly the data a chart on /charts draws (lib/charts), RFC 4180
 * with formula neutralisation (lib/csv.ts). Public data: no session needed,
 * like the pages it backs.
 */
import { z } from "zod";
import { loadChartTable, snapshotForChart } from "@/db/queries/dashboard";
import { todayIso } from "@/lib/as-of";
import { chartCsv, timelineInstrument } from "@/lib/charts";
import { csvFileName } from "@/lib/csv";
import { chartId, parseChartParams } from "@/lib/dashboard-params";
import { publicRoute } from "@/server/api-route";
import { strictQuery } from "@/server/export/params";
import { problem } from "@/server/problem";

export const GET = publicRoute(
  {
    params: z.object({ chart: chartId }),
    notFound: `No such chart; the charts are ${chartId.options.join(", ")}.`,
    query: strictQuery(["as_of", "instrument", "collection"], parseChartParams),
  },
  ({ db, params, query, requestId }) => {
    const takenOn = todayIso();
    const instrument = params.chart === "timeline" ? timelineInstrument(snapshotForChart(db, "timeline", takenOn), query.instrument) : null;
    if (params.chart === "timeline" && !instrument)
      return problem(400, {
        detail: `No instrument with CELEX ${query.instrument} is in the inventory.`,
        errors: { instrument: ["Not in the inventory."] },
        requestId,
      });
    const table = loadChartTable(db, params.chart, query.asOf.date, takenOn, instrument, query.collection);
    if (!table) return problem(400, { detail: "Nothing to export.", requestId });
    const name = csvFileName("chart", params.chart, ...(params.chart === "timeline" && instrument ? [instrument.celex] : []), query.asOf.date);
    return new Response(chartCsv(table), {
      status: 200,
      headers: {
        "Content-Type": "text/csv; charset=utf-8; header=present",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
