/**
 * GET /search/obligations?q=… : up to 20 obligations whose key or duty contains the text, as JSON
 * `[{ value, label }]` (key and duty), for the suggestions of the filter forms' obligation field.
 */
import { getDb } from "@/db/client";
import { suggestObligations } from "@/db/queries/options";

export function GET(request: Request): Response {
  const q = new URL(request.url).searchParams.get("q") ?? "";
  return Response.json(suggestObligations(getDb(), q), { headers: { "Cache-Control": "public, max-age=60" } });
}
