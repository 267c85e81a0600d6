/** GET /api/v1/export/<table>.csv: every row of a table view as CSV, streamed (server/export/handlers.ts). */
import { csvRoute } from "@/server/export/handlers";

export const dynamic = "force-dynamic";

export const GET = csvRoute;
export const HEAD = csvRoute;
