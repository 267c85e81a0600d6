/** One instrument's national transposition on a date (lib/indicators/national-transposition.ts) with each state's principal measure. */
import { memoOnContent } from "@/db/cache/memo";
import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import { instruments, nationalMeasures, notifications } from "../schema";
import { loadInventorySnapshot } from "./inventory-snapshot";
import { nationalTranspositionRows, type NationalTranspositionEntry } from "@/lib/indicators/national-transposition";

export interface NationalTransposition {
  instrument: { id: number; celex: string; shortName: string; title: string; type: string };
  rows: NationalTranspositionEntry[];
}

export function loadNationalTransposition(db: Db, celex: string, asOf: string, takenOn: string): NationalTransposition | null {
  const instrument = db
    .select({ id: instruments.id, celex: instruments.celex, shortName: instruments.shortName, title: instruments.title, type: instruments.type })
    .from(instruments)
    .where(eq(instruments.celex, celex))
    .get();
  if (!instrument) return null;
  return memoOnContent(db, `national-transposition|${instrument.id}|${asOf}`, takenOn, () => {
    const snapshot = loadInventorySnapshot(db, takenOn, { instrumentIds: [instrument.id] });
    const principals = new Map(
      db
        .select({
          stateCode: notifications.stateCode,
          key: nationalMeasures.key,
          titleOriginal: nationalMeasures.titleOriginal,
          language: nationalMeasures.language,
          inForceOn: nationalMeasures.inForceOn,
          inForceOnPrecision: nationalMeasures.inForceOnPrecision,
        })
        .from(notifications)
        .innerJoin(nationalMeasures, and(eq(nationalMeasures.id, notifications.principalMeasureId)))
        .where(eq(notifications.instrumentId, instrument.id))
        .all()
        .map(({ stateCode, ...m }) => [stateCode, m]),
    );
    const rows = nationalTranspositionRows(snapshot, instrument.id, asOf).map((r) => ({ ...r, principalMeasure: principals.get(r.stateCode) ?? null }));
    return { instrument, rows };
  });
}
