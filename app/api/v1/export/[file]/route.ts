/** GET /api/v1/export/<table>.csv: every row of a table view as CSV, streamed (lib/export/handlers.ts). */
import { csvEndpoint } from "@/lib/export/handlers";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  return csvEndpoint(request, (await params).file);
}
