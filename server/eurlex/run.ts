/**
 * POST /staff/eurlex/run: preview or apply an EUR-Lex import. Session → actor re-read from the database →
 * same-origin check (a cookie-authenticated POST outside a server action has no built-in CSRF check) → zod →
 * policy (eurlex.import) → fetch → preview, and on `mode=apply` the one transaction. The answer is NDJSON: a
 * line per progress step while CELLAR is read, then the preview, then what was applied or the one-line error.
 */
import { isSameOrigin } from "@/server/same-origin";
import { ConflictError, InvalidReferenceError, NotFoundError } from "@/lib/errors";
import type { Db } from "@/db/client";
import type { ImportPlan } from "@/lib/eurlex/plan";
import { MalformedResponseError } from "@/lib/eurlex/sparql-results";
import { errorFields, log } from "@/lib/log";
import { can, type Actor } from "@/lib/policy";
import { problem } from "@/server/problem";
import { fieldErrorsOf } from "@/lib/validation/common";
import { eurlexImportRequest } from "@/lib/validation/eurlex";
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

const MAX_BODY = 512 * 1024;

export async function runEurlexImport(request: Request, db: Db, actor: Actor, requestId: string, options?: CellarOptions): Promise<Response> {
  if (!isSameOrigin(request)) return problem(403, { detail: "Cross-site request refused.", requestId });
  if (actor.kind !== "user") return problem(401, { detail: "Sign in to import from EUR-Lex.", requestId });
  if (!can(actor, "eurlex.import")) return problem(403, { detail: "Your account may not import from EUR-Lex.", requestId });
  if (Number(request.headers.get("content-length") ?? "0") > MAX_BODY) return problem(413, { detail: "The request is too large.", requestId });
  let body: unknown;
  try {
    const text = await request.text();
    if (text.length > MAX_BODY) return problem(413, { detail: "The request is too large.", requestId });
    body = JSON.parse(text);
  } catch {
    return problem(400, { detail: "Send the request as JSON.", requestId });
  }
  const parsed = eurlexImportRequest.safeParse(body);
  if (!parsed.success) return problem(400, { detail: "Some fields need attention.", errors: fieldErrorsOf(parsed.error), requestId });
  const input = parsed.data;
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
