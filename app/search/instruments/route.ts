/**
 * GET /search/instruments?q=… : up to 20 instruments matching the text, as JSON
 * `[{ value, label }]` (CELEX number and short name), for the suggestions of the filter forms' instrument field.
 */
import { getDb } from "@/db/client";
import { suggestInstruments } from "@/db/queries/options";

export function GET(request: Request): Response {
  const q = new URL(request.url).searchParams.get("q") ?? "";
  return Response.json(suggestInstruments(getDb(), q), { headers: { "Cache-Control": "public, max-age=60" } });
}
