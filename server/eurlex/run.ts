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
import type { Translate } from "@/lib/translate";
import { userMessageOf } from "@/server/form-errors";
import { translatorFor } from "@/server/translator";
import { CellarConfigError, CellarUnavailableError, cellarFailureText, cellarOptionsFromEnv, type CellarOptions } from "./client";
import { applyFetched, fetchForImport, planFetched, PreviewOutdatedError, UnknownCelexError } from "./import";

export type EurlexEvent =
  | { type: "progress"; phase: "instrument" | "measures" | "apply"; done: number; total: number | null }
  | { type: "preview"; plan: ImportPlan; fingerprint: string }
  | { type: "applied"; result: ApplyResult; celex: string }
  | { type: "error"; message: string };

/**
 * A failure of the import as the editor reads it, in the language of `t`: one line, and nothing written. A malformed
 * answer's or a configuration's detail stays in English (it is for whoever runs the server).
 */
export function importErrorMessage(error: unknown, requestId: string, t: Translate): string {
  if (error instanceof CellarUnavailableError) return cellarFailureText(error.failure, t);
  if (error instanceof UnknownCelexError) return t("eurlexRun.unknownCelex", { celex: error.celex });
  if (error instanceof PreviewOutdatedError) return t("eurlexRun.previewOutdated");
  if (error instanceof CellarConfigError) return t("eurlexRun.misconfigured", { detail: error.detail });
  if (error instanceof MalformedResponseError) return t("eurlexRun.malformed", { detail: error.message });
  if (error instanceof ConflictError) return t("eurlexRun.conflict");
  if (error instanceof InvalidReferenceError || error instanceof NotFoundError) return t("eurlexRun.refusedChange", { message: userMessageOf(error, t) });
  log("error", "EUR-Lex import failed", { requestId, ...errorFields(error) });
  return t("eurlexRun.failed", { requestId });
}

/** The largest request body read. */
export const MAX_EURLEX_REQUEST_BYTES = 512 * 1024;

/** The import of an editor's parsed request, as an NDJSON stream; the CELLAR endpoint from the environment unless given. */
export async function streamEurlexImport(db: Db, actor: Actor, input: EurlexImportRequest, requestId: string, options?: CellarOptions): Promise<Response> {
  const t = translatorFor(input.locale);
  let cellar: CellarOptions;
  try {
    cellar = options ?? cellarOptionsFromEnv();
  } catch (error) {
    return problem(503, { detail: importErrorMessage(error, requestId, t), requestId });
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
        send({ type: "error", message: importErrorMessage(error, requestId, t) });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
}
