/** Published editions and their frozen figures, read from the connection given (the live inventory, or an edition's copy). */
import { and, asc, desc, eq, lt } from "drizzle-orm";
import type { Db } from "../client";
import { editionFigures, editions } from "../schema";
import type { FrozenFigures } from "../../lib/editions";

export type Edition = typeof editions.$inferSelect;

/** Newest reporting date first. */
export function listEditions(db: Db): Edition[] {
  return db.select().from(editions).orderBy(desc(editions.reportingDate), desc(editions.id)).all();
}

export function findEdition(db: Db, name: string): Edition | null {
  return db.select().from(editions).where(eq(editions.name, name)).get() ?? null;
}

export function listEditionFigures(db: Db, editionId: number): FrozenFigures[] {
  return db
    .select({
      stateCode: editionFigures.stateCode,
      stateName: editionFigures.stateName,
      notTransposed: editionFigures.notTransposed,
      assessed: editionFigures.assessed,
      deficit: editionFigures.deficit,
      change: editionFigures.change,
      longOverdue: editionFigures.longOverdue,
      totalDelayMonths: editionFigures.totalDelayMonths,
      conformityDeficit: editionFigures.conformityDeficit,
      overallScore: editionFigures.overallScore,
    })
    .from(editionFigures)
    .where(eq(editionFigures.editionId, editionId))
    .orderBy(asc(editionFigures.stateCode))
    .all();
}

export interface PreviousEdition {
  name: string;
  reportingDate: string;
  /** Per state on the edition's reporting date, as published: instruments not transposed, of those assessed. */
  figures: ReadonlyMap<string, { notTransposed: number; assessed: number }>;
}

/** The latest edition of the collection reported before `asOf`: the Scoreboard's previous reporting date, when one was published. */
export function findPreviousEdition(db: Db, asOf: string, collection: string): PreviousEdition | null {
  const edition = db
    .select()
    .from(editions)
    .where(and(lt(editions.reportingDate, asOf), eq(editions.collection, collection)))
    .orderBy(desc(editions.reportingDate), desc(editions.id))
    .limit(1)
    .get();
  if (!edition) return null;
  const rows = db
    .select({ stateCode: editionFigures.stateCode, notTransposed: editionFigures.notTransposed, assessed: editionFigures.assessed })
    .from(editionFigures)
    .where(eq(editionFigures.editionId, edition.id))
    .all();
  return {
    name: edition.name,
    reportingDate: edition.reportingDate,
    figures: new Map(rows.map((r) => [r.stateCode, { notTransposed: r.notTransposed, assessed: r.assessed }])),
  };
}
