/** Reads of the lines of law: the instruments and the lineage edges between them (a few dozen rows, read whole). */
import { asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { instrumentLineage, instruments, sources } from "../schema";
import type { LineageEdge } from "@/lib/lineage";

export interface LineageInstrumentRow {
  id: number;
  celex: string;
  shortName: string;
  title: string;
  type: string;
  adoptionDate: string;
  transpositionDeadline: string | null;
  appliesFrom: string | null;
  repealedBy: string | null;
  repealedFrom: string | null;
}

export interface LineageEdgeRow extends LineageEdge {
  id: number;
  version: number;
  note: string | null;
  verification: string;
  source: { url: string | null; document: string | null; title: string; retrievedOn: string; method: string; kind: string | null; verification: string };
}

/** An instrument's place in its line of law: what it is, when it applied and what repealed it. */
const lineageInstrumentFields = {
  id: instruments.id,
  celex: instruments.celex,
  shortName: instruments.shortName,
  title: instruments.title,
  type: instruments.type,
  adoptionDate: instruments.adoptionDate,
  transpositionDeadline: instruments.transpositionDeadline,
  appliesFrom: instruments.appliesFrom,
  repealedBy: instruments.repealedBy,
  repealedFrom: instruments.repealedFrom,
};

export function listLineageInstruments(db: Db): LineageInstrumentRow[] {
  return db.select(lineageInstrumentFields).from(instruments).orderBy(asc(instruments.adoptionDate), asc(instruments.celex)).all();
}

/** One instrument by CELEX, read as the lines of law read it; undefined when the inventory has none. */
export function findLineageInstrument(db: Db, celex: string): LineageInstrumentRow | undefined {
  return db.select(lineageInstrumentFields).from(instruments).where(eq(instruments.celex, celex)).get();
}

export function listLineageEdges(db: Db): LineageEdgeRow[] {
  return db
    .select({ e: instrumentLineage, source: sources })
    .from(instrumentLineage)
    .innerJoin(sources, eq(sources.id, instrumentLineage.sourceId))
    .orderBy(asc(instrumentLineage.id))
    .all()
    .map(({ e, source }) => ({
      id: e.id,
      version: e.version,
      instrumentId: e.instrumentId,
      relation: e.relation,
      successorId: e.successorId,
      fromDate: e.fromDate,
      note: e.note,
      verification: e.verification,
      source: {
        url: source.url,
        document: source.document,
        title: source.title,
        retrievedOn: source.retrievedOn,
        method: source.method,
        kind: source.kind,
        verification: source.verification,
      },
    }));
}
