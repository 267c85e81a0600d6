/** GET /api/v1/export/<table>.csv: every row of a table view as CSV, streamed (server/export/handlers.ts). */
import { csvEndpoint } from "@/server/export/handlers";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  return csvEndpoint(request, (await params).file);
}
