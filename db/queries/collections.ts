/** Which instruments a named collection holds on a date (lib/collections.ts), from the instruments and their lineage. */
import { memoOnContent } from "@/db/cache/memo";
import type { Db } from "../client";
import { listLineageEdges, listLineageInstruments } from "./lineage";
import { collectionInstrumentIds, type CollectionId } from "@/lib/collections";

/** The collection's instrument ids, or null for `all` (no narrowing); reused while the inventory is unchanged. */
export function loadCollectionIds(db: Db, collection: CollectionId, asOf: string, takenOn: string): number[] | null {
  if (collection === "all") return null;
  return memoOnContent(db, `collection|${collection}|${asOf}`, takenOn, () =>
    collectionInstrumentIds(collection, listLineageInstruments(db), listLineageEdges(db), asOf),
  );
}
