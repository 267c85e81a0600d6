/**
 * Publishing an edition: its figures computed from the live inventory, a consistent copy of the database taken with
 * SQLite's backup API into the editions folder, then one IMMEDIATE transaction that records the edition, its frozen
 * figures and the audit event — only if the copy holds exactly the dataset version the figures were computed from
 * (else nothing is published and the copy is removed). The copy is renamed into place after the commit: a crash in
 * between leaves an edition whose file is missing (viewed as "no such edition", never half-written data).
 */
import { existsSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import type { DbHandle } from "../client";
import { recordAudit } from "../audit";
import { backupDatabase } from "../backup";
import { editionsDir } from "../editions";
import { editionFigures, editions } from "../schema";
import { writeTransaction } from "../transaction";
import { datasetBasis } from "../queries/dataset";
import { loadDashboard } from "../queries/dashboard";
import { DEFAULT_COLLECTION } from "../../lib/collections";
import { editionFileName, type PublishEditionInput } from "../../lib/editions";
import { EditionPublishConflictError, InvalidReferenceError } from "../../lib/errors";
import type { Actor } from "../../lib/policy";

export interface PublishedEdition {
  id: number;
  name: string;
  reportingDate: string;
  datasetVersion: string;
}

function assertNameFree(live: DbHandle, name: string) {
  if (live.db.select({ id: editions.id }).from(editions).where(eq(editions.name, name)).get())
    throw new InvalidReferenceError("name", `An edition named ${name} exists already; editions are never replaced.`);
}

/** The latest data-changing audit event in a copy: what it froze. */
function basisOf(path: string): number {
  // Read-write so that closing it removes the -wal and -shm files it made (a read-only connection cannot).
  const copy = new Database(path, { fileMustExist: true });
  try {
    return (
      (copy
        .prepare(
          "select max(id) from audit_events where entity not in ('export','user','api_token','session','submission','sign_in','edition') and action not like 'auth.%'",
        )
        .pluck()
        .get() as number | null) ?? 0
    );
  } finally {
    copy.close();
  }
}

export async function publishEdition(
  live: DbHandle,
  actor: Extract<Actor, { kind: "user" }>,
  input: PublishEditionInput,
  ctx: { requestId?: string | null; today: string },
): Promise<PublishedEdition> {
  assertNameFree(live, input.name);
  const basis = datasetBasis(live.db);
  const { figures } = loadDashboard(live.db, input.reportingDate, ctx.today, DEFAULT_COLLECTION);
  const dir = editionsDir(live.path);
  const file = editionFileName(input.name);
  const partial = join(dir, `${file}.partial-${process.pid}-${Date.now()}`);
  try {
    await backupDatabase(live.sqlite, partial);
    if (basisOf(partial) !== basis || datasetBasis(live.db) !== basis) throw new EditionPublishConflictError();
    const datasetVersion = `v${basis}`;
    const published = writeTransaction(live.db, (tx) => {
      assertNameFree(live, input.name);
      // Checked again inside the write lock: nothing changed the data since the figures were computed.
      if (datasetBasis(tx) !== basis) throw new EditionPublishConflictError();
      const row = tx
        .insert(editions)
        .values({
          name: input.name,
          reportingDate: input.reportingDate,
          datasetVersion,
          auditEventId: basis,
          collection: DEFAULT_COLLECTION,
          file,
          publishedBy: actor.id,
        })
        .returning()
        .get();
      for (const r of figures.scoreboard.rows)
        tx.insert(editionFigures)
          .values({
            editionId: row.id,
            stateCode: r.stateCode,
            stateName: r.stateName,
            notTransposed: r.deficit.notTransposedCount,
            assessed: r.deficit.assessedCount,
            deficit: r.deficit.deficit,
            change: r.change.change,
            longOverdue: r.ratings.longOverdue === null ? null : r.longOverdue.count,
            totalDelayMonths: r.totalDelay.totalMonths,
            conformityDeficit: r.conformity.share,
            overallScore: r.overall.score,
          })
          .run();
      recordAudit(tx, {
        actor,
        action: "edition.publish",
        entity: "edition",
        recordId: row.id,
        after: { name: row.name, reportingDate: row.reportingDate, datasetVersion, collection: row.collection, file, states: figures.scoreboard.rows.length },
        requestId: ctx.requestId ?? null,
      });
      return { id: row.id, name: row.name, reportingDate: row.reportingDate, datasetVersion };
    });
    renameSync(partial, join(dir, file));
    return published;
  } finally {
    for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`]) if (existsSync(leftover)) rmSync(leftover);
  }
}
