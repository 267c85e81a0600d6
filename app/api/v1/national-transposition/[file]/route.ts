/** GET /api/v1/national-transposition/<CELEX>.csv: the national-transposition table of an instrument, exactly as its page shows it. */
import { z } from "zod";
import { loadNationalTransposition } from "@/db/queries/national-transposition";
import { nationalTranspositionColumns } from "@/db/tables/national-transposition";
import { resolveAsOf, todayIso } from "@/lib/as-of";
import { csvFileName, toCsv } from "@/lib/csv";
import { NATIONAL_TRANSPOSITION_SORTS, sortNationalTransposition } from "@/lib/indicators/national-transposition";
import type { ParamNotice } from "@/lib/param-notices";
import { celex, type RawSearchParams } from "@/lib/table-state";
import { publicRoute } from "@/server/api-route";
import { strictQuery } from "@/server/export/params";
import { problem } from "@/server/problem";

const sortParam = z.enum(NATIONAL_TRANSPOSITION_SORTS);

function readQuery(raw: RawSearchParams) {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const asOf = resolveAsOf(first(raw.as_of));
  const sortRaw = first(raw.sort) ?? "state";
  const sort = sortParam.safeParse(sortRaw);
  const notices: ParamNotice[] = asOf.notice ? [asOf.notice] : [];
  if (!sort.success) notices.push({ code: "ignored", name: "sort", value: sortRaw, reason: { code: "oneOf", allowed: NATIONAL_TRANSPOSITION_SORTS } });
  return { asOf, sort: sort.data ?? "state", notices };
}

export const GET = publicRoute(
  {
    params: z.object({
      file: z
        .string()
        .regex(/\.csv$/)
        .transform((f) => f.slice(0, -".csv".length))
        .pipe(celex),
    }),
    notFound: "No such file: use /api/v1/national-transposition/<CELEX>.csv.",
    query: strictQuery(["as_of", "sort"], readQuery),
  },
  ({ db, params, query, requestId }) => {
    const data = loadNationalTransposition(db, params.file, query.asOf.date, todayIso());
    if (!data) return problem(404, { detail: `No instrument with CELEX ${params.file} is in the inventory.`, requestId });
    const rows = sortNationalTransposition(data.rows, query.sort);
    const body = toCsv(
      nationalTranspositionColumns.map((c) => c.id),
      rows.map((r) => nationalTranspositionColumns.map((c) => c.value(r))),
    );
    return new Response(body, {
      status: 200,
      headers: {
        "Content-Type": "text/csv; charset=utf-8; header=present",
        "Content-Disposition": `attachment; filename="${csvFileName("national-transposition", data.instrument.celex, query.asOf.date)}"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
