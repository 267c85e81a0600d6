/** GET /api/v1/dataset/<version>/<file>: one immutable file of a snapshot. */
import { datasetFile } from "@/server/export/dataset-handlers";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ version: string; file: string }> }): Promise<Response> {
  return datasetFile(await params);
}
