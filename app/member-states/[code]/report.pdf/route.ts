/** GET /member-states/<code>/report.pdf[?as_of=YYYY-MM-DD]: the country report as a PDF (server/reports). Public, like the page. */
import { reportPdfResponse } from "@/server/reports/reports";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  return reportPdfResponse("country", (await params).code, request);
}
