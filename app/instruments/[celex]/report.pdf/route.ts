/** GET /instruments/<CELEX>/report.pdf[?as_of=YYYY-MM-DD]: the directive report as a PDF (server/reports). Public, like the page. */
import { reportPdfResponse } from "@/server/reports/reports";

export async function GET(request: Request, { params }: { params: Promise<{ celex: string }> }): Promise<Response> {
  return reportPdfResponse("instrument", (await params).celex, request);
}
