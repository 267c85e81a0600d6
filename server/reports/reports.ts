/**
 * The country and directive reports for a request: the page (app/member-states/[code]/report,
 * app/instruments/[celex]/report) and the PDF route handlers build the same document here, so both show the same.
 */
import { getDb } from "@/db/client";
import { loadCountryReportInput, loadInstrumentReportInput } from "@/db/queries/reports";
import { findMemberState } from "@/db/queries/member-states";
import { FILL_IN_REQUEST_LIMIT, indicatorCacheProgress, startIndicatorFill } from "@/server/cache/indicator-fill";
import { resolveAsOf, todayIso, type AsOf } from "@/lib/as-of";
import { DEFAULT_LOCALE, type Locale } from "@/lib/format";
import { localizedPath } from "@/lib/i18n";
import { quoted, reasonText } from "@/lib/param-notices";
import { errorFields, log, newRequestId } from "@/lib/log";
import { buildCountryReport } from "@/lib/reports/country";
import type { ReportDocument } from "@/lib/reports/document";
import { buildInstrumentReport } from "@/lib/reports/instrument";
import { celexParam, stateCodeParam } from "@/lib/validation/params";
import { renderReportPdf } from "./pdf";
import { reportLanguageFor, translatorFor } from "@/server/translator";

export type ReportKind = "country" | "instrument";

/** Where a report's page is, cited with its date so the citation finds the same figures again. */
export function reportPath(kind: ReportKind, id: string, asOf: string): string {
  return `${kind === "country" ? "/member-states" : "/instruments"}/${id}/report?as_of=${asOf}`;
}

/** The report's PDF in the page's language (/fr/…/report.pdf is French: proxy.ts). */
export function pdfPath(kind: ReportKind, id: string, asOf: AsOf, locale: Locale = DEFAULT_LOCALE): string {
  return localizedPath(locale, `${kind === "country" ? "/member-states" : "/instruments"}/${id}/report.pdf${asOf.isToday ? "" : `?as_of=${asOf.date}`}`);
}

/** The site's public address for citations: NEXTAUTH_URL where set (required in production), else the request's. */
export function publicOrigin(requestOrigin: string): string {
  const configured = process.env.NEXTAUTH_URL?.replace(/\/+$/, "");
  return configured || requestOrigin;
}

export type ReportResult =
  | { status: "ready"; report: ReportDocument }
  /** The date's indicators are being computed in the background (the dashboard's rule): the report is offered once they are. */
  | { status: "pending"; computed: number; total: number }
  | { status: "not_found" };

/**
 * The report of a state or an instrument. A country report reads the dashboard's figures of the date: when most of
 * them are missing (a date first viewed, at the scale of the acquis about a minute of work) they are computed in the
 * background as the dashboard does (server/cache/indicator-fill.ts), never in the request, which would hold the
 * server's one thread.
 */
export function loadReport(kind: ReportKind, rawId: string, asOf: AsOf, origin: string, locale: Locale = DEFAULT_LOCALE): ReportResult {
  const parsed = (kind === "country" ? stateCodeParam : celexParam).safeParse(rawId);
  if (!parsed.success) return { status: "not_found" };
  const db = getDb();
  const takenOn = todayIso();
  // The citation names the page in the report's language: the same words and figures are found there again.
  const url = `${origin}${localizedPath(locale, reportPath(kind, parsed.data, asOf.date))}`;
  if (kind === "country") {
    if (!findMemberState(db, parsed.data)) return { status: "not_found" };
    const progress = indicatorCacheProgress(db, asOf.date, takenOn);
    if (progress.total - progress.computed > FILL_IN_REQUEST_LIMIT) {
      void startIndicatorFill(db, asOf.date, takenOn);
      return { status: "pending", computed: progress.computed, total: progress.total };
    }
    const input = loadCountryReportInput(db, parsed.data, asOf, takenOn, url);
    return input ? { status: "ready", report: buildCountryReport(input, reportLanguageFor(locale)) } : { status: "not_found" };
  }
  const input = loadInstrumentReportInput(db, parsed.data, asOf, takenOn, url);
  return input ? { status: "ready", report: buildInstrumentReport(input, reportLanguageFor(locale)) } : { status: "not_found" };
}

const PARAMS = ["as_of"];

function text(status: number, body: string): Response {
  return new Response(`${body}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** GET …/report.pdf: the report as a PDF download; a malformed or unknown id is a 404, a bad parameter a 400. */
export async function reportPdfResponse(kind: ReportKind, rawId: string, request: Request, locale: Locale = DEFAULT_LOCALE): Promise<Response> {
  const url = new URL(request.url);
  // The answers in plain text are in the report's language too: a reader who mistyped a link reads why.
  const t = translatorFor(locale);
  const unknown = [...new Set(url.searchParams.keys())].filter((k) => !PARAMS.includes(k));
  if (unknown.length) return text(400, t("report.pdfUnknownParameter", { name: quoted(unknown[0]!), accepted: PARAMS.join(", ") }));
  const asOf = resolveAsOf(url.searchParams.get("as_of") ?? undefined);
  // Refused, not shown as of today as a page would: the notice's "showing today instead" would not be true here.
  if (asOf.notice) return text(400, t("report.pdfBadDate", { reason: reasonText(asOf.notice.reason, t) }));
  try {
    const result = loadReport(kind, rawId, asOf, publicOrigin(url.origin), locale);
    if (result.status === "not_found") return text(404, t(kind === "country" ? "report.pdfNoState" : "report.pdfNoInstrument"));
    if (result.status === "pending") {
      const response = text(503, t("report.pdfPending", { date: asOf.date, computed: result.computed, total: result.total }));
      response.headers.set("Retry-After", "60");
      return response;
    }
    const { report } = result;
    const pdf = await renderReportPdf(report, t);
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
    return text(500, t("report.pdfFailed", { requestId }));
  }
}
