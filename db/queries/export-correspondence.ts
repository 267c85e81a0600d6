/**
 * What the correspondence CSV import (the reverse of
 * /api/v1/export/transpositions.csv) is checked against. Applying its plan is
 * a write: db/writes/correspondence-import.ts.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { instruments, nationalMeasures, provisions, transpositions } from "../schema";
import { transpositionWriter } from "../writes/transpositions";
import type { ExistingCorrespondence, ImportContext } from "@/lib/import/correspondence";

/** Null when the instrument is not in the inventory. */
export function loadImportContext(db: Db, stateCode: string, celex: string, fileName: string): ImportContext | null {
  const instrument = db.select({ id: instruments.id }).from(instruments).where(eq(instruments.celex, celex)).get();
  if (!instrument) return null;
  const provisionRows = db
    .select({ id: provisions.id, kind: provisions.kind, number: provisions.number })
    .from(provisions)
    .where(eq(provisions.instrumentId, instrument.id))
    .orderBy(asc(provisions.position))
    .all();
  const measureKeys = new Set(
    db
      .select({ key: nationalMeasures.key })
      .from(nationalMeasures)
      .where(eq(nationalMeasures.stateCode, stateCode))
      .all()
      .map((m) => m.key),
  );
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
