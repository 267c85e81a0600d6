/** POST /staff/eurlex/run: preview or apply an EUR-Lex import (server/eurlex/run.ts), answering NDJSON progress. */
import { apiRoute } from "@/server/api-route";
import { MAX_EURLEX_REQUEST_BYTES, streamEurlexImport } from "@/server/eurlex/run";
import { eurlexImportRequest } from "@/lib/validation/eurlex";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  {
    auth: "session",
    signIn: "Sign in to import from EUR-Lex.",
    permission: "eurlex.import",
    refusal: "Your account may not import from EUR-Lex.",
    body: eurlexImportRequest,
    maxBodyBytes: MAX_EURLEX_REQUEST_BYTES,
  },
  ({ db, actor, body, requestId }) => streamEurlexImport(db, actor, body, requestId),
);
