/** GET /api/v1/dataset/snapshots: every snapshot, newest first. */
import { snapshotList } from "@/server/export/dataset-handlers";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return snapshotList();
}
