/** GET /api/v1/dataset: the latest snapshot (made first if the data changed since the last one). */
import { latestDataset } from "@/server/export/dataset-handlers";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return latestDataset();
}
