/** POST /staff/eurlex/run: preview or apply an EUR-Lex import (server/eurlex/run.ts), answering NDJSON progress. */
import { getDb } from "@/db/client";
import { getActor } from "@/server/auth/actor";
import { newRequestId } from "@/lib/log";
import { runEurlexImport } from "@/server/eurlex/run";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const requestId = request.headers.get("x-request-id") ?? newRequestId();
  return runEurlexImport(request, getDb(), await getActor(), requestId);
}
