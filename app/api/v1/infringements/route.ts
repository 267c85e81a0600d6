/** GET /api/v1/infringements: the same filters, sorting and as-of as the tables, keyset-paginated (lib/export). */
import { listRoute } from "@/server/export/handlers";

export const dynamic = "force-dynamic";

export const GET = listRoute("infringements");
