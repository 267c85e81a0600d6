/**
 * Named sets of instruments the dashboard, the gap matrix and the charts are
 * drawn for, chosen in the URL (`collection=`):
 * - `in-force` (the default): the instruments in force on the "as of" date —
 *   adopted by then and not yet repealed;
 * - `com-2001-298`: the instruments COM(2001)298 §3.6 named in 2001;
 * - one per line of law: its founding instruments and everything that
 *   repealed, amended or replaced them since (lib/lineage.ts);
 * - `all`: every instrument of the inventory.
 */
import { z } from "zod";
import { descendantsOf, type LineageEdge } from "./lineage";
import { isInForceOn, repealEffectiveFrom } from "./indicators/timeline";

export interface CollectionInstrument {
  id: number;
  celex: string;
  adoptionDate: string;
  /** First day no longer in force; null while in force or when the date of a recorded repeal is unknown. */
  repealedFrom: string | null;
  /** CELEX of the repealing act, when one is recorded. */
  repealedBy: string | null;
}

/**
 * The Community law COM(2001)298 (6 June 2001) names as relevant to network
 * and information security: Directives 95/46/EC, 97/66/EC, 1999/93/EC and the
 * telecommunications directives 90/388/EEC, 97/33/EC and 98/10/EC.
 */
export const COM_2001_298_CELEX = ["31995L0046", "31997L0066", "31999L0093", "31990L0388", "31997L0033", "31998L0010"] as const;
/** The day of the Communication: the 2001 view of the dashboard is as of this date. */
export const COM_2001_298_DATE = "2001-06-06";

export const LINES_OF_LAW = [
  { id: "data-protection", label: "Data protection", roots: ["31995L0046"] },
  { id: "e-privacy", label: "E-privacy", roots: ["31997L0066"] },
  { id: "e-signatures", label: "E-signatures and trust services", roots: ["31999L0093"] },
  { id: "telecom-security", label: "Telecom security", roots: ["31990L0388", "31997L0033", "31998L0010"] },
  { id: "network-security", label: "Network and information security", roots: ["32016L1148"] },
] as const;
export type LineOfLawId = (typeof LINES_OF_LAW)[number]["id"];

export const COLLECTION_IDS = ["in-force", "com-2001-298", ...LINES_OF_LAW.map((l) => l.id), "all"] as [string, ...string[]];
export type CollectionId = "in-force" | "com-2001-298" | LineOfLawId | "all";
export const DEFAULT_COLLECTION: CollectionId = "in-force";
export const collectionId = z.enum(COLLECTION_IDS as [CollectionId, ...CollectionId[]], { message: `must be one of ${COLLECTION_IDS.join(", ")}` });

export const COLLECTION_LABELS: Record<CollectionId, string> = {
  "in-force": "In force on the date",
  "com-2001-298": "COM(2001)298 §3.6 (2001)",
  ...(Object.fromEntries(LINES_OF_LAW.map((l) => [l.id, `Line of law: ${l.label}`])) as Record<LineOfLawId, string>),
  all: "Every instrument",
};

/** The ids of the collection's instruments, in the order of `instruments`. */
export function collectionInstrumentIds(id: CollectionId, instruments: readonly CollectionInstrument[], edges: readonly LineageEdge[], asOf: string): number[] {
  const byCelex = new Map(instruments.map((i) => [i.celex, i.id]));
  const idsOf = (celexes: readonly string[]) => celexes.map((c) => byCelex.get(c)).filter((x): x is number => x !== undefined);
  let members: Set<number>;
  if (id === "all") return instruments.map((i) => i.id);
  if (id === "in-force") {
    // The same rule as the indicators' (lib/indicators/timeline.ts), with an undated repeal taking effect at the repealing act's adoption.
    const adoption = new Map(instruments.map((i) => [i.celex, i.adoptionDate]));
    return instruments.filter((i) => isInForceOn({ ...i, repealedFrom: repealEffectiveFrom(i, (c) => adoption.get(c)) }, asOf)).map((i) => i.id);
  }
  if (id === "com-2001-298") members = new Set(idsOf(COM_2001_298_CELEX));
  else members = descendantsOf(idsOf(LINES_OF_LAW.find((l) => l.id === id)!.roots), edges);
  return instruments.filter((i) => members.has(i.id)).map((i) => i.id);
}
