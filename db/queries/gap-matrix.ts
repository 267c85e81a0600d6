/**
 * The text the gap matrix shows beside the indicator snapshot: provision
 * headings, obligation duties and, for one instrument, each correspondence's
 * national provision and note. Two or three queries per request, whatever
 * the number of states (the cells come from the snapshot).
 */
import { asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { obligations, provisions, transpositions } from "../schema";

export interface CorrespondenceText {
  nationalProvision: string | null;
  note: string | null;
}

/** National provision and note of every correspondence row of the instrument's provisions, by `${stateCode}|${provisionId}`. */
export function correspondenceTextsForInstrument(db: Db, instrumentId: number): Map<string, CorrespondenceText> {
  const rows = db
    .select({ stateCode: transpositions.stateCode, provisionId: transpositions.provisionId, nationalProvision: transpositions.nationalProvision, note: transpositions.note })
    .from(transpositions)
    .innerJoin(provisions, eq(provisions.id, transpositions.provisionId))
    .where(eq(provisions.instrumentId, instrumentId))
    .all();
  return new Map(rows.map((r) => [`${r.stateCode}|${r.provisionId}`, { nationalProvision: r.nationalProvision, note: r.note }]));
}

/** Headings of the instrument's provisions, by id. */
export function provisionHeadings(db: Db, instrumentId: number): Map<number, string> {
  const rows = db.select({ id: provisions.id, heading: provisions.heading }).from(provisions).where(eq(provisions.instrumentId, instrumentId)).orderBy(asc(provisions.position)).all();
  return new Map(rows.map((r) => [r.id, r.heading]));
}

/** Every obligation's duty, by id. */
export function obligationDuties(db: Db): Map<number, string> {
  return new Map(db.select({ id: obligations.id, duty: obligations.duty }).from(obligations).all().map((r) => [r.id, r.duty]));
}
