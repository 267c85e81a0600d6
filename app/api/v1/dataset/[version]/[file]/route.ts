/** GET /api/v1/dataset/<version>/<file>: one immutable file of a snapshot. */
import { datasetFileRoute } from "@/server/export/dataset-handlers";

export const dynamic = "force-dynamic";

export const GET = datasetFileRoute;
