/**
 * The correspondence import's work on the server (POST /import/run, whose route states the caller, the input and the
 * policy with server/api-route.ts): validate the file, and on `mode=apply` apply all or nothing — directly for staff,
 * as a submission for a regulator's own state. The answer is NDJSON, one line per progress step and a last line with
 * the result, so the page can show a progress bar for a large file.
 */
import { applyImportAsSubmission, applyImportDirectly } from "@/db/writes/correspondence-import";
import { ConflictError, InventoryError, SubmissionConflictError } from "@/lib/errors";
import { z } from "zod";
import type { Db } from "@/db/client";
import { loadImportContext } from "@/db/queries/export-correspondence";
import { errorFields, log } from "@/lib/log";
import { can, type Actor } from "@/lib/policy";
import { celexNumber, stateCode } from "@/lib/validation/common";
import { decodeCsvFile, MAX_IMPORT_BYTES, validateImport, type ImportReport } from "@/lib/import/correspondence";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/format";
import { userMessageOf } from "@/server/form-errors";
import { translatorFor } from "@/server/translator";
import { importProblemText } from "./words";

const MAX_MB = MAX_IMPORT_BYTES / 1024 / 1024;

/**
 * The import form: what to do, for which state and instrument, and the file (at most MAX_IMPORT_BYTES); and the
 * language of the page that posts it, for the words of the answer (the route's own URL has no language prefix).
 */
export const importRequest = z
  .object({
    mode: z.enum(["validate", "apply"], { error: "Choose validate or apply." }),
    state: stateCode,
    instrument: celexNumber,
    file: z.instanceof(Blob, { error: "Choose a CSV file." }).refine((f) => f.size <= MAX_IMPORT_BYTES, `The file may be at most ${MAX_MB} MB.`),
    locale: z.enum(LOCALES).default(DEFAULT_LOCALE),
  })
  .strict();

export type ImportRequest = z.infer<typeof importRequest>;

/** The largest request read: the file and the form's few fields. */
export const MAX_IMPORT_REQUEST_BYTES = MAX_IMPORT_BYTES + 64 * 1024;

/** The report as the page shows it: its problems worded in the page's language, the planned rows without their input. */
export interface WordedReport {
  fileError: string | null;
  errors: { line: number; column: string; message: string }[];
  rows: Omit<ImportReport["rows"][number], "input">[];
  summary: ImportReport["summary"];
}

export type ImportEvent =
  | { type: "progress"; phase: "validate" | "apply"; done: number; total: number }
  | { type: "report"; report: WordedReport }
  | { type: "applied"; mode: "direct" | "submission"; changes: number; submissionId?: number }
  | { type: "error"; message: string };

/** Who may import for a state: staff directly, a regulator for its own state as a submission. */
export function importMode(actor: Actor, state: string): "direct" | "submission" | null {
  if (can(actor, "inventory.edit")) return "direct";
  if (can(actor, "submission.propose", { stateCode: state })) return "submission";
  return null;
}

export function importRefusal(actor: Actor): string {
  return actor.kind === "user" && actor.role === "regulator" ? `You can only import for ${actor.memberStateCode}.` : "Your account may not import.";
}

const tick = () => new Promise<void>((r) => setImmediate(r));

/** The import of an allowed caller's parsed request, as an NDJSON stream. */
export async function streamImport(db: Db, actor: Extract<Actor, { kind: "user" }>, input: ImportRequest, requestId: string): Promise<Response> {
  const { mode, state, instrument, file } = input;
  const t = translatorFor(input.locale);
  const allowed = importMode(actor, state);
  if (!allowed) throw new Error("streamImport needs a caller importMode allows"); // the route asks the policy first
  const fileName = z
    .string()
    .max(200)
    .catch("upload.csv")
    .parse((file as File).name || "upload.csv")
    .replace(/[^\p{L}\p{N}._ -]+/gu, "_");
  const bytes = new Uint8Array(await file.arrayBuffer());

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (e: ImportEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(e)}\n`));
      try {
        const decoded = decodeCsvFile(bytes);
        const context = loadImportContext(db, state, instrument, fileName);
        if (!context) {
          send({ type: "error", message: t("importRun.noInstrument", { celex: instrument }) });
          return controller.close();
        }
        const progress: ImportEvent[] = [];
        const report: ImportReport = decoded.ok
          ? validateImport(decoded.text, context, {
              onProgress: (done, total) => progress.push({ type: "progress", phase: "validate", done, total }),
              every: 250,
            })
          : { fileError: decoded.problem, errors: [], rows: [], summary: { rows: 0, create: 0, update: 0, unchanged: 0, invalid: 0 } };
        for (const p of progress) {
          send(p);
          await tick();
        }
        send({
          type: "report",
          report: {
            fileError: report.fileError && importProblemText(report.fileError, t),
            errors: report.errors.map(({ line, column, problem }) => ({ line, column, message: importProblemText(problem, t) })),
            rows: report.rows.map(({ input: _i, ...r }) => r),
            summary: report.summary,
          },
        });
        if (mode === "apply") {
          if (report.fileError || report.errors.length) send({ type: "error", message: t("importRun.fixRowsFirst") });
          else if (report.summary.create + report.summary.update === 0) send({ type: "error", message: t("importRun.nothingToApply") });
          else {
            const total = report.summary.create + report.summary.update;
            send({ type: "progress", phase: "apply", done: 0, total });
            await tick();
            if (allowed === "direct") send({ type: "applied", mode: "direct", changes: applyImportDirectly(db, actor, report, fileName, requestId) });
            else {
              const created = applyImportAsSubmission(db, actor, report, state, fileName, requestId);
              send({ type: "applied", mode: "submission", changes: created.changes.length, submissionId: created.submission.id });
            }
            send({ type: "progress", phase: "apply", done: total, total });
          }
        }
      } catch (error) {
        if (error instanceof ConflictError || error instanceof SubmissionConflictError) send({ type: "error", message: t("importRun.conflict") });
        else if (error instanceof InventoryError) send({ type: "error", message: t("importRun.refusedChange", { message: userMessageOf(error, t) }) });
        else {
          log("error", "csv import failed", { requestId, ...errorFields(error) });
          send({ type: "error", message: t("importRun.failed", { requestId }) });
        }
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
}
