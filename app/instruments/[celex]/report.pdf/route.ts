/** GET /instruments/<CELEX>/report.pdf[?as_of=YYYY-MM-DD]: the directive report as a PDF (server/reports). Public, like the page;
 * in French or German under /fr/ or /de/ (proxy.ts). */
import { reportPdfResponse } from "@/server/reports/reports";
import { requestLocale } from "@/server/i18n";

export async function GET(request: Request, { params }: { params: Promise<{ celex: string }> }): Promise<Response> {
  return reportPdfResponse("instrument", (await params).celex, request, await requestLocale());
}
