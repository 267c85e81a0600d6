/** GET /member-states/<code>/report.pdf[?as_of=YYYY-MM-DD]: the country report as a PDF (server/reports). Public, like the page;
 * in French or German under /fr/ or /de/ (proxy.ts). */
import { reportPdfResponse } from "@/server/reports/reports";
import { requestLocale } from "@/server/i18n";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  return reportPdfResponse("country", (await params).code, request, await requestLocale());
}
