/**
 * The gap matrix's three views, kept while the inventory is unchanged, and the
 * text shown beside the indicator snapshot: provision headings, obligation
 * duties and, for one instrument, each correspondence's national provision.
 */
import { loadInventorySnapshotCached } from "@/db/cache/snapshot";
import { memoOnContent, type MemoGroup } from "@/db/cache/memo";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../client";
import type { CollectionId } from "@/lib/collections";
import { restrictSnapshot } from "@/lib/indicators/inventory";
import { loadCollectionIds } from "./collections";
import { obligations, provisions, transpositions } from "../schema";
import {
  computeObligationMatrix,
  computePropertyMatrix,
  computeProvisionMatrix,
  type ColumnOrder,
  type CoverageMatrix,
  type MatrixOrder,
  type ProvisionMatrix,
} from "@/lib/indicators/gap-matrix";
import type { IsoDate, SecurityProperty } from "@/lib/indicators/inventory";

/**
 * The national provision of every correspondence row of the instrument's provisions that names one, by
 * `${stateCode}|${provisionId}`. Only what the cells show: the note is on the provision's page.
 */
export function nationalProvisionsForInstrument(db: Db, instrumentId: number): Map<string, string> {
  const rows = db
    .select({ stateCode: transpositions.stateCode, provisionId: transpositions.provisionId, nationalProvision: transpositions.nationalProvision })
    .from(transpositions)
    .innerJoin(provisions, eq(provisions.id, transpositions.provisionId))
    .where(and(eq(provisions.instrumentId, instrumentId), isNotNull(transpositions.nationalProvision)))
    .all();
  return new Map(rows.map((r) => [`${r.stateCode}|${r.provisionId}`, r.nationalProvision ?? ""]));
}

/** Headings of the instrument's provisions, by id. */
export function provisionHeadings(db: Db, instrumentId: number): Map<number, string> {
  const rows = db
    .select({ id: provisions.id, heading: provisions.heading })
    .from(provisions)
    .where(eq(provisions.instrumentId, instrumentId))
    .orderBy(asc(provisions.position))
    .all();
  return new Map(rows.map((r) => [r.id, r.heading]));
}

/** Every obligation's duty, by id. */
export function obligationDuties(db: Db): Map<number, string> {
  return new Map(
    db
      .select({ id: obligations.id, duty: obligations.duty })
      .from(obligations)
      .all()
      .map((r) => [r.id, r.duty]),
  );
}

type MatrixOrderParams = { rows: MatrixOrder; cols: ColumnOrder };

/**
 * The states × obligations (or × security properties) coverage matrix on a date, kept while the inventory is
 * unchanged: it reads the correspondences of every provision imposing an obligation (690,000 at the scale of
 * the acquis, about 3 s), which a repeated view, a re-sort or the other tab need not read again.
 */
export function loadObligationMatrix(
  db: Db,
  asOf: IsoDate,
  order: MatrixOrderParams,
  takenOn: IsoDate,
  collection: CollectionId = "all",
): CoverageMatrix<number> {
  return memoOnContent(db, `gaps|obligations|${asOf}|${collection}|${order.rows}|${order.cols}`, takenOn, () =>
    computeObligationMatrix(obligationSnapshot(db, asOf, takenOn, collection), asOf, order),
  );
}

export function loadPropertyMatrix(
  db: Db,
  asOf: IsoDate,
  order: MatrixOrderParams,
  takenOn: IsoDate,
  collection: CollectionId = "all",
): CoverageMatrix<SecurityProperty> {
  return memoOnContent(db, `gaps|properties|${asOf}|${collection}|${order.rows}|${order.cols}`, takenOn, () =>
    computePropertyMatrix(obligationSnapshot(db, asOf, takenOn, collection), asOf, order),
  );
}

/** The provisions imposing obligations and their correspondences, narrowed to the collection's instruments. */
function obligationSnapshot(db: Db, asOf: IsoDate, takenOn: IsoDate, collection: CollectionId) {
  const whole = loadInventorySnapshotCached(db, takenOn, { obligationProvisionsOnly: true });
  const ids = loadCollectionIds(db, collection, asOf, takenOn);
  return ids === null ? whole : restrictSnapshot(whole, ids);
}

/** One per instrument, date and order viewed: a group of their own, so that browsing instruments does not push out the views that take seconds. */
const PROVISION_MATRICES: MemoGroup = { name: "gap-provision-matrices", kept: 32 };

export interface ProvisionMatrixView {
  matrix: ProvisionMatrix;
  /** By `${stateCode}|${provisionId}`. */
  nationalProvisions: Map<string, string>;
  headings: Map<number, string>;
}

/**
 * The states × provisions matrix of one instrument with the text its cells and headers show, kept while the
 * inventory is unchanged: about 10 ms at scale (1,500 cells and their national provisions), which a repeated
 * view or a re-sort need not spend again.
 */
export function loadProvisionMatrix(db: Db, instrumentId: number, asOf: IsoDate, order: MatrixOrderParams, takenOn: IsoDate): ProvisionMatrixView {
  return memoOnContent(
    db,
    `gaps|provisions|${instrumentId}|${asOf}|${order.rows}|${order.cols}`,
    takenOn,
    () => ({
      matrix: computeProvisionMatrix(loadInventorySnapshotCached(db, takenOn, { instrumentIds: [instrumentId] }), instrumentId, asOf, order),
      nationalProvisions: nationalProvisionsForInstrument(db, instrumentId),
      headings: provisionHeadings(db, instrumentId),
    }),
    PROVISION_MATRICES,
  );
}
