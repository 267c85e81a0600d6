/**
 * The country and directive reports for a request: the page (app/member-states/[code]/report,
 * app/instruments/[celex]/report) and the PDF route handlers build the same document here, so both show the same.
 */
import { getDb } from "@/db/client";
import { loadCountryReportInput, loadInstrumentReportInput } from "@/db/queries/reports";
import { resolveAsOf, todayIso, type AsOf } from "@/lib/as-of";
import { DEFAULT_LOCALE, type Locale } from "@/lib/format";
import { errorFields, log, newRequestId } from "@/lib/log";
import { buildCountryReport } from "@/lib/reports/country";
import type { ReportDocument } from "@/lib/reports/document";
import { buildInstrumentReport } from "@/lib/reports/instrument";
import { celexParam, stateCodeParam } from "@/lib/validation/params";
import { renderReportPdf } from "./pdf";

export type ReportKind = "country" | "instrument";

/** Where a report's page is, cited with its date so the citation finds the same figures again. */
export function reportPath(kind: ReportKind, id: string, asOf: string): string {
  return `${kind === "country" ? "/member-states" : "/instruments"}/${id}/report?as_of=${asOf}`;
}

export function pdfPath(kind: ReportKind, id: string, asOf: AsOf): string {
  return `${kind === "country" ? "/member-states" : "/instruments"}/${id}/report.pdf${asOf.isToday ? "" : `?as_of=${asOf.date}`}`;
}

/** The site's public address for citations: NEXTAUTH_URL where set (required in production), else the request's. */
export function publicOrigin(requestOrigin: string): string {
  const configured = process.env.NEXTAUTH_URL?.replace(/\/+$/, "");
  return configured || requestOrigin;
}

/** The report of a state or an instrument, or null when the id is malformed or not in the inventory. */
export function loadReport(kind: ReportKind, rawId: string, asOf: AsOf, origin: string, locale: Locale = DEFAULT_LOCALE): ReportDocument | null {
  const parsed = (kind === "country" ? stateCodeParam : celexParam).safeParse(rawId);
  if (!parsed.success) return null;
  const db = getDb();
  const url = `${origin}${reportPath(kind, parsed.data, asOf.date)}`;
  if (kind === "country") {
    const input = loadCountryReportInput(db, parsed.data, asOf, todayIso(), url);
    return input ? buildCountryReport(input, locale) : null;
  }
  const input = loadInstrumentReportInput(db, parsed.data, asOf, todayIso(), url);
  return input ? buildInstrumentReport(input, locale) : null;
}

const PARAMS = ["as_of"];

function text(status: number, body: string): Response {
  return new Response(`${body}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** GET …/report.pdf: the report as a PDF download; a malformed or unknown id is a 404, a bad parameter a 400. */
export async function reportPdfResponse(kind: ReportKind, rawId: string, request: Request, locale: Locale = DEFAULT_LOCALE): Promise<Response> {
  const url = new URL(request.url);
  const unknown = [...new Set(url.searchParams.keys())].filter((k) => !PARAMS.includes(k));
  if (unknown.length) return text(400, `Unknown parameter ${JSON.stringify(unknown[0]!.slice(0, 40))}; this endpoint accepts ${PARAMS.join(", ")}.`);
  const asOf = resolveAsOf(url.searchParams.get("as_of") ?? undefined);
  if (asOf.error) return text(400, asOf.error);
  try {
    const report = loadReport(kind, rawId, asOf, publicOrigin(url.origin), locale);
    if (!report) return text(404, kind === "country" ? "No such Member State in the inventory." : "No instrument with that CELEX is in the inventory.");
    const pdf = await renderReportPdf(report);
    return new Response(new Uint8Array(pdf), {
      status: 200,
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${report.fileName}"`,
        "Content-Length": String(pdf.length),
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    const requestId = newRequestId();
    log("error", "report pdf failed", { requestId, kind, ...errorFields(error) });
    return text(500, `The report could not be made (request ${requestId}).`);
  }
}
