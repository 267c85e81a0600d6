/** GET /api/v1/national-transposition/<CELEX>.csv: the national-transposition table of an instrument, exactly as its page shows it. */
import { getDb } from "@/db/client";
import { loadNationalTransposition } from "@/db/queries/national-transposition";
import { resolveAsOf, todayIso } from "@/lib/as-of";
import { nationalTranspositionColumns } from "@/db/tables/national-transposition";
import { csvFileName, toCsv } from "@/lib/csv";
import { NATIONAL_TRANSPOSITION_SORTS, sortNationalTransposition, type NationalTranspositionSort } from "@/lib/indicators/national-transposition";
import { celex } from "@/lib/table-state";

const PARAMS = ["as_of", "sort"];

function badRequest(message: string): Response {
  return new Response(`${message}\n`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const file = (await params).file;
  const parsed = celex.safeParse(file.replace(/\.csv$/, ""));
  if (!file.endsWith(".csv") || !parsed.success)
    return new Response("Not found: use /api/v1/national-transposition/<CELEX>.csv\n", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const url = new URL(request.url);
  const unknown = [...new Set(url.searchParams.keys())].filter((k) => !PARAMS.includes(k));
  if (unknown.length) return badRequest(`Unknown parameter ${JSON.stringify(unknown[0]!.slice(0, 40))}; this endpoint accepts ${PARAMS.join(", ")}.`);
  const asOf = resolveAsOf(url.searchParams.get("as_of") ?? undefined);
  if (asOf.error) return badRequest(asOf.error);
  const sortText = url.searchParams.get("sort") ?? "state";
  if (!(NATIONAL_TRANSPOSITION_SORTS as readonly string[]).includes(sortText))
    return badRequest(`"sort" must be one of ${NATIONAL_TRANSPOSITION_SORTS.join(", ")}.`);
  const data = loadNationalTransposition(getDb(), parsed.data, asOf.date, todayIso());
  if (!data)
    return new Response(`No instrument with CELEX ${parsed.data} is in the inventory.\n`, {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const rows = sortNationalTransposition(data.rows, sortText as NationalTranspositionSort);
  const body = toCsv(
    nationalTranspositionColumns.map((c) => c.id),
    rows.map((r) => nationalTranspositionColumns.map((c) => c.value(r))),
  );
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="${csvFileName("national-transposition", data.instrument.celex, asOf.date)}"`,
      "Cache-Control": "no-store",
    },
  });
}
