/** POST /import/run: validate or apply a correspondence CSV (server/import/run.ts), answering NDJSON progress. */
import { getDb } from "@/db/client";
import { getActor } from "@/server/auth/actor";
import { runImport } from "@/server/import/run";
import { newRequestId } from "@/lib/log";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const requestId = request.headers.get("x-request-id") ?? newRequestId();
  return runImport(request, getDb(), await getActor(), requestId);
}
