/** GET /api/v1/transpositions: the same filters, sorting and as-of as the tables, keyset-paginated (lib/export). */
import { listEndpoint } from "@/server/export/handlers";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return listEndpoint("transpositions", request);
}
