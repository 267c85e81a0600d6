/**
 * One instrument's national transposition, a row per Member State bound by
 * it on the date — like EUR-Lex's "National transposition" tab and the
 * Scoreboard together: the state's own deadline, the notification, the delay
 * against the deadline (or how long it is overdue), conformity findings and
 * the latest infringement stage. Pure: computed from a snapshot scoped to the
 * instrument (its provisions, correspondences, notifications, proceedings).
 */
import { computeInstrumentDelays, type DelayStatus, type TranspositionDateBasis } from "./transposition-deficit";
import { proceedingOnDate } from "./infringements";
import {
  indexSnapshot,
  pairKey,
  type InfringementStage,
  type InfringementType,
  type InventorySnapshot,
  type IsoDate,
  type NotificationStatus,
} from "./inventory";
import { DAYS_PER_MONTH } from "./timeline";

export interface NationalTranspositionRow {
  stateCode: string;
  stateName: string;
  deadline: IsoDate;
  notificationStatus: NotificationStatus | null;
  /** The date the complete transposition counts from, recorded or inferred (dateBasis says which). */
  transposedOn: IsoDate | null;
  dateBasis: TranspositionDateBasis | null;
  delayStatus: DelayStatus;
  /** Days late (on time: 0), or days overdue on the date; null when it cannot be computed. */
  delayDays: number | null;
  delayMonths: number | null;
  /** Provisions assessed non-conforming for the state. */
  nonConformingProvisions: number;
  /** The most advanced proceeding's latest stage on the date, if any. */
  infringement: { type: InfringementType; stage: InfringementStage; date: IsoDate | null; isOpen: boolean; courtCase: string | null } | null;
}

/** The state's principal measure for the instrument, as the table names it. */
export interface PrincipalMeasure {
  key: string;
  titleOriginal: string;
  language: string;
  inForceOn: string | null;
  inForceOnPrecision: "day" | "month" | "year" | null;
}

export type NationalTranspositionEntry = NationalTranspositionRow & { principalMeasure: PrincipalMeasure | null };

export function nationalTranspositionRows(snapshot: InventorySnapshot, instrumentId: number, asOf: IsoDate): NationalTranspositionRow[] {
  const index = indexSnapshot(snapshot);
  const names = new Map(snapshot.memberStates.map((s) => [s.code, s.name]));
  const provisionIds = new Set((index.provisionsByInstrument.get(instrumentId) ?? []).map((p) => p.id));
  return computeInstrumentDelays(snapshot, asOf)
    .filter((d) => d.instrumentId === instrumentId)
    .map((d) => {
      const notification = index.notificationByStateInstrument.get(pairKey(d.stateCode, instrumentId)) ?? null;
      const own = index.transpositionsByState.get(d.stateCode);
      let nonConforming = 0;
      for (const id of provisionIds) if (own?.get(id)?.status === "non_conforming") nonConforming += 1;
      const proceedings = (index.infringementsByState.get(d.stateCode) ?? [])
        .filter((f) => f.instrumentId === instrumentId)
        .map((f) => ({ f, on: proceedingOnDate(snapshot, f, asOf) }))
        .filter((p) => p.on.isStarted);
      // An open proceeding first, then the one whose latest stage is latest.
      const shown = proceedings.sort((a, b) => Number(b.on.isOpen) - Number(a.on.isOpen))[0];
      const latest = shown ? [...shown.f.stages].reverse().find((s) => s.stage === shown.on.latestStage) : undefined;
      return {
        stateCode: d.stateCode,
        stateName: names.get(d.stateCode) ?? d.stateCode,
        deadline: d.deadline,
        notificationStatus: notification?.status ?? null,
        transposedOn: d.notifiedOn,
        dateBasis: d.dateBasis,
        delayStatus: d.status,
        delayDays: d.delayDays,
        delayMonths: d.delayDays === null ? null : Math.round((d.delayDays / DAYS_PER_MONTH) * 10) / 10,
        nonConformingProvisions: nonConforming,
        infringement:
          shown && latest ? { type: shown.f.type, stage: latest.stage, date: latest.date, isOpen: shown.on.isOpen, courtCase: shown.f.courtCase } : null,
      };
    });
}

export const NATIONAL_TRANSPOSITION_SORTS = ["state", "delay"] as const;
export type NationalTranspositionSort = (typeof NATIONAL_TRANSPOSITION_SORTS)[number];

/** By state name, or by delay — longest first, unknown delays last, then by name. */
export function sortNationalTransposition<R extends NationalTranspositionRow>(rows: R[], sort: NationalTranspositionSort): R[] {
  const byName = (a: R, b: R) => a.stateName.localeCompare(b.stateName, "en");
  if (sort === "state") return [...rows].sort(byName);
  return [...rows].sort((a, b) => (b.delayDays ?? -1) - (a.delayDays ?? -1) || byName(a, b));
}
