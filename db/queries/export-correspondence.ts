/**
 * Reads and the write behind the correspondence CSV import (the reverse of
 * /api/v1/export/transpositions.csv): what the import is checked against,
 * and applying its plan — directly for staff, in ONE transaction through
 * createIn/updateIn with audit events, or as a regulator's submission
 * through db/writes/submissions.ts.
 */
import { InvalidReferenceError } from "@/lib/errors";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { instruments, nationalMeasures, provisions, transpositions } from "../schema";
import { writeTransaction } from "../transaction";
import { createIn, updateIn } from "../writes/entity";
import { createSubmission, type CreatedSubmission } from "../writes/submissions";
import { transpositionWriter } from "../writes/transpositions";
import type { ExistingCorrespondence, ImportContext, ImportReport, PlannedRow } from "@/lib/import/correspondence";
import { authorize, type Actor } from "@/lib/policy";
import { submissionChange, type SubmissionInput } from "@/lib/validation/submission";

type User = Extract<Actor, { kind: "user" }>;

/** Null when the instrument is not in the inventory. */
export function loadImportContext(db: Db, stateCode: string, celex: string, fileName: string): ImportContext | null {
  const instrument = db.select({ id: instruments.id }).from(instruments).where(eq(instruments.celex, celex)).get();
  if (!instrument) return null;
  const provisionRows = db.select({ id: provisions.id, kind: provisions.kind, number: provisions.number }).from(provisions).where(eq(provisions.instrumentId, instrument.id)).orderBy(asc(provisions.position)).all();
  const measureKeys = new Set(db.select({ key: nationalMeasures.key }).from(nationalMeasures).where(eq(nationalMeasures.stateCode, stateCode)).all().map((m) => m.key));
  const ids = db
    .select({ id: transpositions.id })
    .from(transpositions)
    .innerJoin(provisions, eq(provisions.id, transpositions.provisionId))
    .where(and(eq(transpositions.stateCode, stateCode), eq(provisions.instrumentId, instrument.id)))
    .all();
  const existing: ExistingCorrespondence[] = ids.map(({ id }) => {
    const s = transpositionWriter.snapshot(db, id)!;
    return {
      id,
      version: s.version,
      provisionId: s.provisionId as number,
      status: s.status as string,
      relation: (s.relation as string | null) ?? null,
      nationalProvision: (s.nationalProvision as string | null) ?? null,
      note: (s.note as string | null) ?? null,
      measureKeys: s.measureKeys as string[],
      sourceUrl: (s.sourceUrl as string | null) ?? null,
      sourceTitle: (s.sourceTitle as string | null) ?? null,
      sourceMethod: ((s.sourceMethod as string | null) ?? "desk_research") as ExistingCorrespondence["sourceMethod"],
      verification: s.verification as ExistingCorrespondence["verification"],
    };
  });
  return { stateCode, celex, fileName, provisions: provisionRows, measureKeys, existing };
}

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
export function applyImportAsSubmission(db: Db, actor: User, report: ImportReport, stateCode: string, fileName: string, requestId?: string | null): CreatedSubmission {
  authorize(actor, "submission.propose", { stateCode });
  const changes = changed(report).map((row) => {
    const parsed = submissionChange.parse({ entity: "transposition", operation: row.action === "create" ? "create" : "update", recordId: row.recordId, baseVersion: row.baseVersion, payload: row.input });
    return parsed;
  });
  const input: SubmissionInput = { message: `CSV import ${fileName}: ${changes.length} correspondence change${changes.length === 1 ? "" : "s"} for ${stateCode}.`, idempotencyKey: null, changes };
  return createSubmission(db, actor, input, { requestId, via: "form" });
}
