/** GET /api/v1/openapi.json: the OpenAPI 3.1 document, generated from the zod schemas (server/openapi.ts). */
import { buildOpenApiDocument } from "@/server/openapi";

export const dynamic = "force-dynamic";

export function GET(request: Request): Response {
  return new Response(JSON.stringify(buildOpenApiDocument(new URL(request.url).origin)), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" },
  });
}
