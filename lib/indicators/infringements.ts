/**
 * Infringement figures per Member State on an as-of date.
 *
 * A stage has happened by asOf when its date ≤ asOf; an undated stage is known
 * to have happened by the snapshot's day only, so it counts from `takenOn` on
 * (see timeline.hasHappenedBy). Hence a proceeding whose every stage is undated
 * appears only in views of the snapshot day or later, and its duration is null.
 */
import type { InfringementStage, InfringementType, InventorySnapshot, IsoDate, SnapshotInfringement } from "./inventory";
import { indexSnapshot } from "./inventory";
import { membersOn } from "./deadlines";
import { hasHappenedBy, monthsBetween } from "./timeline";
import { infringementTypes } from "../vocabulary";

const CLOSING_STAGES: ReadonlySet<InfringementStage> = new Set(["closed", "withdrawn"]);
const JUDGMENT_STAGES: ReadonlySet<InfringementStage> = new Set(["judgment", "art260_judgment"]);

export interface ProceedingOnDate {
  infringementId: number;
  stateCode: string;
  instrumentId: number;
  type: InfringementType;
  courtCase: string | null;
  /** Any stage has happened by asOf. */
  isStarted: boolean;
  /** Started and no `closed`/`withdrawn` stage has happened by asOf. */
  isOpen: boolean;
  /** Earliest dated stage that has happened; null when only undated stages have. */
  startedOn: IsoDate | null;
  /** Date of the closing stage; null while open or when it is undated. */
  closedOn: IsoDate | null;
  /** The last stage, in recorded order, that has happened by asOf. */
  latestStage: InfringementStage | null;
  /** duration = months(startedOn → asOf) while open, months(startedOn → closedOn) once closed; null when either end is undated. */
  durationMonths: number | null;
  /** A Court judgment (incl. Art. 260) has happened by asOf. */
  hasJudgment: boolean;
  /** Date of the latest dated judgment by asOf. */
  latestJudgmentOn: IsoDate | null;
  /** months(latestJudgmentOn → asOf); null without a dated judgment. */
  monthsSinceJudgment: number | null;
}

/** One proceeding as it stood on asOf (formulas on the fields of ProceedingOnDate). */
export function proceedingOnDate(snapshot: InventorySnapshot, infringement: SnapshotInfringement, asOf: IsoDate): ProceedingOnDate {
  const happened = infringement.stages.filter((s) => hasHappenedBy(s.date, asOf, snapshot));
  const dated = happened.map((s) => s.date).filter((d): d is IsoDate => d !== null);
  const startedOn = dated.length ? dated.reduce((a, b) => (a <= b ? a : b)) : null;
  const closing = happened.find((s) => CLOSING_STAGES.has(s.stage));
  const isStarted = happened.length > 0;
  const isOpen = isStarted && closing === undefined;
  const closedOn = closing?.date ?? null;
  const end = isOpen ? asOf : closedOn;
  const judgments = happened.filter((s) => JUDGMENT_STAGES.has(s.stage));
  const judgmentDates = judgments.map((s) => s.date).filter((d): d is IsoDate => d !== null);
  const latestJudgmentOn = judgmentDates.length ? judgmentDates.reduce((a, b) => (a >= b ? a : b)) : null;
  return {
    infringementId: infringement.id,
    stateCode: infringement.stateCode,
    instrumentId: infringement.instrumentId,
    type: infringement.type,
    courtCase: infringement.courtCase,
    isStarted,
    isOpen,
    startedOn,
    closedOn,
    latestStage: happened.at(-1)?.stage ?? null,
    durationMonths: isStarted && startedOn !== null && end !== null ? monthsBetween(startedOn, end) : null,
    hasJudgment: judgments.length > 0,
    latestJudgmentOn,
    monthsSinceJudgment: latestJudgmentOn === null ? null : monthsBetween(latestJudgmentOn, asOf),
  };
}

/** Open on asOf: started (a stage happened by asOf) and not closed or withdrawn by asOf. */
export function isProceedingOpenOn(snapshot: InventorySnapshot, infringement: SnapshotInfringement, asOf: IsoDate): boolean {
  return proceedingOnDate(snapshot, infringement, asOf).isOpen;
}

export interface StateInfringements {
  stateCode: string;
  /** Number of proceedings open on asOf. */
  openCount: number;
  openByType: Record<InfringementType, number>;
  /** Open proceedings whose start is undated, so their duration is unknown. */
  openWithUnknownDurationCount: number;
  /** max duration over open proceedings with a known start; null when none. */
  longestOpenMonths: number | null;
  /** mean duration over open proceedings with a known start; null when none. */
  meanOpenMonths: number | null;
  /** months(latest dated Court judgment by asOf in any of the state's proceedings → asOf); null without one. */
  monthsSinceLatestJudgment: number | null;
  /** Every proceeding started by asOf, open or closed, for the state's page. */
  proceedings: ProceedingOnDate[];
}

/** Infringement figures for every state that is a member on asOf. */
export function computeInfringementFigures(snapshot: InventorySnapshot, asOf: IsoDate): StateInfringements[] {
  const byState = indexSnapshot(snapshot).infringementsByState;
  return membersOn(snapshot, asOf).map((state) => {
    const proceedings = (byState.get(state.code) ?? []).map((f) => proceedingOnDate(snapshot, f, asOf)).filter((p) => p.isStarted);
    const open = proceedings.filter((p) => p.isOpen);
    const openByType = Object.fromEntries(infringementTypes.map((t) => [t, 0])) as Record<InfringementType, number>;
    for (const p of open) openByType[p.type] += 1;
    const durations = open.map((p) => p.durationMonths).filter((d): d is number => d !== null);
    const judgmentDates = proceedings.map((p) => p.latestJudgmentOn).filter((d): d is IsoDate => d !== null);
    const latestJudgment = judgmentDates.length ? judgmentDates.reduce((a, b) => (a >= b ? a : b)) : null;
    return {
      stateCode: state.code,
      openCount: open.length,
      openByType,
      openWithUnknownDurationCount: open.length - durations.length,
      longestOpenMonths: durations.length ? Math.max(...durations) : null,
      meanOpenMonths: durations.length ? durations.reduce((a, b) => a + b, 0) / durations.length : null,
      monthsSinceLatestJudgment: latestJudgment === null ? null : monthsBetween(latestJudgment, asOf),
      proceedings,
    };
  });
}
