/**
 * The EUR-Lex import's work on the server (POST /staff/eurlex/run, whose route states the caller, the input and the
 * policy with server/api-route.ts): fetch from CELLAR → preview, and on `mode=apply` the one transaction. The answer
 * is NDJSON: a line per progress step while CELLAR is read, then the preview, then what was applied or the one-line
 * error.
 */
import { ConflictError, InvalidReferenceError, NotFoundError } from "@/lib/errors";
import type { Db } from "@/db/client";
import type { ImportPlan } from "@/lib/eurlex/plan";
import { MalformedResponseError } from "@/lib/eurlex/sparql-results";
import { errorFields, log } from "@/lib/log";
import type { Actor } from "@/lib/policy";
import { problem } from "@/server/problem";
import type { EurlexImportRequest } from "@/lib/validation/eurlex";
import type { ApplyResult } from "@/db/writes/eurlex";
import { CellarConfigError, CellarUnavailableError, cellarOptionsFromEnv, type CellarOptions } from "./client";
import { applyFetched, fetchForImport, planFetched, PreviewOutdatedError, UnknownCelexError } from "./import";

export type EurlexEvent =
  | { type: "progress"; phase: "instrument" | "measures" | "apply"; done: number; total: number | null }
  | { type: "preview"; plan: ImportPlan; fingerprint: string }
  | { type: "applied"; result: ApplyResult; celex: string }
  | { type: "error"; message: string };

/** A failure of the import as the editor reads it: one line, and nothing written. */
export function importErrorMessage(error: unknown, requestId: string): string {
  if (
    error instanceof CellarUnavailableError ||
    error instanceof UnknownCelexError ||
    error instanceof PreviewOutdatedError ||
    error instanceof CellarConfigError
  )
    return error.message;
  if (error instanceof MalformedResponseError) return `${error.message} Nothing was changed.`;
  if (error instanceof ConflictError) return "A measure or notification was changed by someone else since the preview; preview again. Nothing was changed.";
  if (error instanceof InvalidReferenceError || error instanceof NotFoundError) return `${error.message} Nothing was changed.`;
  log("error", "EUR-Lex import failed", { requestId, ...errorFields(error) });
  return `Something went wrong and nothing was changed. Reference: ${requestId}.`;
}

/** The largest request body read. */
export const MAX_EURLEX_REQUEST_BYTES = 512 * 1024;

/** The import of an editor's parsed request, as an NDJSON stream; the CELLAR endpoint from the environment unless given. */
export async function streamEurlexImport(db: Db, actor: Actor, input: EurlexImportRequest, requestId: string, options?: CellarOptions): Promise<Response> {
  let cellar: CellarOptions;
  try {
    cellar = options ?? cellarOptionsFromEnv();
  } catch (error) {
    return problem(503, { detail: importErrorMessage(error, requestId), requestId });
  }

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (e: EurlexEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(e)}\n`));
      try {
        const fetched = await fetchForImport(input.celex, cellar, (p) => send({ type: "progress", ...p }));
        if (input.mode === "preview") {
          const { plan, fingerprint } = planFetched(db, fetched);
          send({ type: "preview", plan, fingerprint });
        } else {
          send({ type: "progress", phase: "apply", done: 0, total: null });
          const { plan, fingerprint, result } = applyFetched(db, actor, fetched, {
            expectedFingerprint: input.fingerprint,
            chosenConflicts: new Set(input.accept),
            requestId,
          });
          log("info", "EUR-Lex import applied", { requestId, celex: input.celex, created: result.created, updated: result.updated });
          send({ type: "preview", plan, fingerprint });
          send({ type: "applied", result, celex: input.celex });
        }
      } catch (error) {
        send({ type: "error", message: importErrorMessage(error, requestId) });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
}
