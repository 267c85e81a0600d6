/** POST /import/run: validate or apply a correspondence CSV (server/import/run.ts), answering NDJSON progress. */
import { apiRoute } from "@/server/api-route";
import { importMode, importRefusal, importRequest, MAX_IMPORT_REQUEST_BYTES, streamImport } from "@/server/import/run";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  {
    auth: "session",
    signIn: "Sign in to import.",
    allowed: ({ actor, body }) => importMode(actor, body.state) !== null,
    refusal: importRefusal,
    body: importRequest,
    bodyFormat: "form",
    maxBodyBytes: MAX_IMPORT_REQUEST_BYTES,
  },
  ({ db, actor, body, requestId }) => streamImport(db, actor, body, requestId),
);
