/**
 * Applying a correspondence CSV import's plan (db/queries/export-correspondence.ts reads what it is checked against):
 * directly for staff, in ONE transaction through createIn/updateIn with audit events, or as a regulator's submission
 * through db/writes/submissions.ts.
 */
import { InvalidReferenceError } from "@/lib/errors";
import type { Db } from "../client";
import { writeTransaction } from "../transaction";
import { createIn, updateIn } from "./entity";
import { createSubmission, type CreatedSubmission } from "./submissions";
import { transpositionWriter } from "./transpositions";
import type { ImportReport, PlannedRow } from "@/lib/import/correspondence";
import { authorize, type Actor } from "@/lib/policy";
import { submissionChange, type SubmissionInput } from "@/lib/validation/submission";

type User = Extract<Actor, { kind: "user" }>;

const changed = (report: ImportReport): PlannedRow[] => report.rows.filter((r) => r.action !== "unchanged");

/** Staff: every change in one IMMEDIATE transaction, each with its audit event; any failure writes nothing. */
export function applyImportDirectly(db: Db, actor: User, report: ImportReport, fileName: string, requestId?: string | null): number {
  authorize(actor, "inventory.edit");
  const rows = changed(report);
  writeTransaction(db, (tx) => {
    const ctx = { actor, reason: `CSV import ${fileName}`, requestId };
    for (const row of rows) {
      try {
        if (row.action === "create") createIn(tx, transpositionWriter, row.input, ctx);
        else updateIn(tx, transpositionWriter, row.recordId!, row.baseVersion!, row.input, ctx);
      } catch (error) {
        if (error instanceof InvalidReferenceError) throw new InvalidReferenceError(error.field, `Line ${row.line}: ${error.message}`);
        throw error;
      }
    }
  });
  return rows.length;
}

/** A regulator: the changes become one pending submission for its own state (db/writes/submissions.ts). */
export function applyImportAsSubmission(
  db: Db,
  actor: User,
  report: ImportReport,
  stateCode: string,
  fileName: string,
  requestId?: string | null,
): CreatedSubmission {
  authorize(actor, "submission.propose", { stateCode });
  const changes = changed(report).map((row) => {
    const parsed = submissionChange.parse({
      entity: "transposition",
      operation: row.action === "create" ? "create" : "update",
      recordId: row.recordId,
      baseVersion: row.baseVersion,
      payload: row.input,
    });
    return parsed;
  });
  const input: SubmissionInput = {
    message: `CSV import ${fileName}: ${changes.length} correspondence change${changes.length === 1 ? "" : "s"} for ${stateCode}.`,
    idempotencyKey: null,
    changes,
  };
  return createSubmission(db, actor, input, { requestId, via: "form" });
}
