import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { instruments, memberStates, notifications, provisions } from "../schema";
import { asOfRules, type AsOf } from "@/lib/as-of";
import { correspondences, type Correspondence } from "./transpositions";
import { compareVerdict, type CompareVerdict } from "@/lib/compare";

export interface CompareRow {
  provision: { id: number; kind: string; number: string; heading: string; requiresTransposition: boolean };
  cells: Correspondence[];
  /** True when the states differ in status or in relation for this provision. */
  differs: boolean;
  /** Same, differs, or unknown when a state is not assessed (lib/compare.ts). */
  verdict: CompareVerdict;
}

export interface Comparison {
  instrument: typeof instruments.$inferSelect;
  states: { code: string; name: string; isMember: boolean; notification: { status: string; notifiedOn: string | null } | null }[];
  rows: CompareRow[];
  differing: number;
  /** Provisions every state assessed alike. */
  agreeing: number;
}

/** Side by side, article by article: three queries whatever the number of states and provisions. */
export function compareStates(db: Db, stateCodes: string[], celex: string, asOf: AsOf): Comparison | null {
  const instrument = db.select().from(instruments).where(eq(instruments.celex, celex)).get();
  if (!instrument) return null;
  const stateRows = db.select().from(memberStates).where(inArray(memberStates.code, stateCodes)).all();
  const states = stateCodes.map((c) => stateRows.find((s) => s.code === c)).filter((s): s is NonNullable<typeof s> => Boolean(s));
  const provisionRows = db
    .select({
      id: provisions.id,
      kind: provisions.kind,
      number: provisions.number,
      heading: provisions.heading,
      requiresTransposition: provisions.requiresTransposition,
    })
    .from(provisions)
    .where(eq(provisions.instrumentId, instrument.id))
    .orderBy(asc(provisions.position))
    .all();
  const notificationRows = states.length
    ? db
        .select()
        .from(notifications)
        .where(
          inArray(
            notifications.stateCode,
            states.map((s) => s.code),
          ),
        )
        .all()
        .filter((n) => n.instrumentId === instrument.id && asOfRules.notification(n, asOf))
    : [];
  const map = correspondences(
    db,
    states.map((s) => s.code),
    provisionRows.map((p) => p.id),
    asOf,
  );
  const rows = provisionRows.map((p) => {
    const cells = states.map((s) => map.get(`${s.code}:${p.id}`)!);
    const verdict = compareVerdict(cells);
    return { provision: p, cells, differs: verdict === "differs", verdict };
  });
  return {
    instrument,
    states: states.map((s) => {
      const n = notificationRows.find((x) => x.stateCode === s.code);
      return { code: s.code, name: s.name, isMember: asOfRules.member(s, asOf), notification: n ? { status: n.status, notifiedOn: n.notifiedOn } : null };
    }),
    rows,
    differing: rows.filter((r) => r.verdict === "differs").length,
    agreeing: rows.filter((r) => r.verdict === "same").length,
  };
}
