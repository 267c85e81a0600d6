/**
 * Scoreboard-style transposition indicators (DESIGN §4), after the EU Single
 * Market Scoreboard's, applied to the inventory's own instruments. They are
 * "Scoreboard-style", not the official Scoreboard figures.
 *
 * Which instruments count for a state on asOf: see deadlines.ts
 * (member on asOf, instrument in force on asOf, the state's deadline < asOf).
 *
 * The date a `complete` notification counts from (`transposedOn`, with its
 * `dateBasis`), first that is known:
 * 1. its recorded `notifiedOn` (`notified`);
 * 2. otherwise a date INFERRED from its principal measure, the first recorded
 *    of: the measure's own notification date, its entry into force, its
 *    adoption, its publication (`principal_measure_notified`, `…_in_force`,
 *    `…_adopted`, `…_published`; `isDateInferred: true`, so the UI says "date
 *    inferred from the principal measure's entry into force"). The principal
 *    measure is the act the state notified as transposing the instrument, so
 *    the complete transposition cannot predate it; its entry into force is the
 *    closest recorded stand-in for the notification. A candidate after the
 *    snapshot day is not used (the record is known complete on that day);
 * 3. otherwise none: the record is known complete on the snapshot day
 *    (`takenOn`) but not since when.
 *
 * How a counted instrument's notification reads on asOf (`NotificationState`):
 * - `transposed`: status `complete` and transposedOn ≤ asOf; or status
 *   `complete` with no date at all and asOf ≥ the snapshot day (its delay
 *   cannot be computed: `transposedOn: null`).
 * - `date_unknown`: status `complete` with no date at all and asOf before the
 *   snapshot day: whether it was complete by then is not known, so it is left
 *   out of the deficit (numerator and denominator) and counted in
 *   `notAssessedCount` — never counted as missing.
 * - `not_transposed`: status `none` or `partial`, or `complete` with
 *   transposedOn after asOf.
 * - `not_recorded`: the inventory has no notification record for the pair.
 *   That is the instrument-level `unknown`: left out like `date_unknown`,
 *   because the inventory is not complete and a missing record is not a
 *   missing notification.
 */
import type { InventorySnapshot, IsoDate, NotificationStatus, SnapshotInstrument, SnapshotMemberState, SnapshotNotification } from "./inventory";
import { indexSnapshot, pairKey } from "./inventory";
import { hasDeadlinePassed, instrumentsDueForState, membersOn, stateInstrumentDeadline, wasBindingBeforeRepeal, type DueInstrument } from "./deadlines";
import { isProceedingOpenOn } from "./infringements";
import { averageOf, computeOverallScore, rateAgainstAverage, rateAgainstTarget, rateChange, type OverallScore, type Rating } from "./ratings";
import { addMonths, addYears, daysBetween, isMemberOn, monthsBetween } from "./timeline";
import { transpositionStatusOn } from "./transposition-status";

export interface Target {
  /** As a share (0.01 = 1%). */
  value: number;
  label: string;
  source: string;
}

/** Transposition-deficit targets, configurable in one place. The first is the one the rating uses. */
export const DEFICIT_TARGETS = {
  europeanCouncil2007: {
    value: 0.01,
    label: "1% (European Council, March 2007)",
    source: "Brussels European Council of 8–9 March 2007, Presidency Conclusions (7224/1/07 REV 1)",
  },
  singleMarketAct2011: {
    value: 0.005,
    label: "0.5% (Single Market Act, 2011)",
    source: "Commission Communication 'Single Market Act', COM(2011) 206 final",
  },
} as const satisfies Record<string, Target>;

/** Long overdue: not transposed two years or more after the deadline; target zero. */
export const LONG_OVERDUE = {
  years: 2,
  target: 0,
  label: "Instruments two years or more overdue (target 0)",
  source: "Barcelona European Council of 15–16 March 2002, Presidency Conclusions ('zero tolerance' for directives two years or more overdue)",
} as const;

/** The Scoreboard reports twice a year; the previous reporting date defaults to six months before asOf. */
export const REPORTING_INTERVAL_MONTHS = 6;

export type NotificationState = "transposed" | "not_transposed" | "date_unknown" | "not_recorded";

/** Where the date a complete notification counts from comes from (module comment). */
export type TranspositionDateBasis =
  "notified" | "principal_measure_notified" | "principal_measure_in_force" | "principal_measure_adopted" | "principal_measure_published";

export const TRANSPOSITION_DATE_BASIS_LABELS: Record<TranspositionDateBasis, string> = {
  notified: "date of the notification",
  principal_measure_notified: "date inferred from the principal measure's own notification",
  principal_measure_in_force: "date inferred from the principal measure's entry into force",
  principal_measure_adopted: "date inferred from the principal measure's adoption",
  principal_measure_published: "date inferred from the principal measure's publication",
};

export interface NotificationOnDate {
  state: NotificationState;
  /** The record's status, null when there is no record. */
  status: NotificationStatus | null;
  /** The recorded notification date. */
  notifiedOn: IsoDate | null;
  /** For a `complete` record: the date it counts as transposed from (recorded or inferred); null when neither is known. */
  transposedOn: IsoDate | null;
  dateBasis: TranspositionDateBasis | null;
  /** transposedOn was inferred from the principal measure, not recorded. */
  isDateInferred: boolean;
  /** False for a `complete` record without a recorded date (inferred or not). */
  isNotificationDateKnown: boolean;
}

/** The date a complete notification counts from, recorded or inferred (module comment, steps 1–2); null when there is none. */
export function transpositionDateOf(
  record: Pick<SnapshotNotification, "notifiedOn" | "principalMeasure">,
  takenOn: IsoDate,
): { date: IsoDate; basis: TranspositionDateBasis } | null {
  if (record.notifiedOn !== null) return { date: record.notifiedOn, basis: "notified" };
  const m = record.principalMeasure;
  if (!m) return null;
  // The first recorded of: notified, in force, adopted, published (written out: this runs for every notification).
  const [date, basis]: [IsoDate | null, TranspositionDateBasis] =
    m.notifiedOn !== null
      ? [m.notifiedOn, "principal_measure_notified"]
      : m.inForceOn !== null
        ? [m.inForceOn, "principal_measure_in_force"]
        : m.adoptedOn !== null
          ? [m.adoptedOn, "principal_measure_adopted"]
          : [m.publishedOn, "principal_measure_published"];
  if (date === null) return null;
  return date <= takenOn ? { date, basis } : null;
}

/** How the state's notification of the instrument reads on asOf (rules in the module comment). */
export function notificationOnDate(snapshot: InventorySnapshot, stateCode: string, instrumentId: number, asOf: IsoDate): NotificationOnDate {
  return readNotification(indexSnapshot(snapshot).notificationByStateInstrument.get(pairKey(stateCode, instrumentId)), asOf, snapshot.takenOn);
}

/**
 * How one notification record (or its absence) reads on asOf, for a snapshot taken on `takenOn`: the rule the
 * Scoreboard counts by, and the one every page that shows a notification states, so they never disagree.
 */
export function readNotification(
  record: Pick<SnapshotNotification, "status" | "notifiedOn" | "principalMeasure"> | undefined,
  asOf: IsoDate,
  takenOn: IsoDate,
): NotificationOnDate {
  if (!record)
    return {
      state: "not_recorded",
      status: null,
      notifiedOn: null,
      transposedOn: null,
      dateBasis: null,
      isDateInferred: false,
      isNotificationDateKnown: false,
    };
  // Built field by field rather than spread from a common base: this runs for every state × instrument (60,000 at scale) twice per Scoreboard.
  const { status, notifiedOn } = record;
  const isNotificationDateKnown = notifiedOn !== null;
  if (status !== "complete")
    return { state: "not_transposed", status, notifiedOn, transposedOn: null, dateBasis: null, isDateInferred: false, isNotificationDateKnown };
  const dated = transpositionDateOf(record, takenOn);
  if (dated === null)
    return {
      state: asOf >= takenOn ? "transposed" : "date_unknown",
      status,
      notifiedOn,
      transposedOn: null,
      dateBasis: null,
      isDateInferred: false,
      isNotificationDateKnown,
    };
  return {
    state: dated.date <= asOf ? "transposed" : "not_transposed",
    status,
    notifiedOn,
    transposedOn: dated.date,
    dateBasis: dated.basis,
    isDateInferred: dated.basis !== "notified",
    isNotificationDateKnown,
  };
}

export interface CountedInstrument {
  instrumentId: number;
  celex: string;
  shortName: string;
  /** The state's own deadline. */
  deadline: IsoDate;
  notification: NotificationOnDate;
  /** months(deadline → asOf) while not transposed; null otherwise. */
  monthsOverdue: number | null;
  /** Not transposed and asOf ≥ deadline + 2 years. */
  isLongOverdue: boolean;
}

export interface TranspositionDeficit {
  stateCode: string;
  /** Instruments due on asOf (in force, state's deadline passed), whatever their notification reads. */
  dueCount: number;
  /** Due instruments whose notification is known on asOf: transposed + not transposed. The deficit's denominator. */
  assessedCount: number;
  transposedCount: number;
  /** Of transposedCount, those dated by inference from the principal measure. */
  transposedDateInferredCount: number;
  /** Of transposedCount, those with no date at all, recorded or inferred (delay unknown). */
  transposedDateUnknownCount: number;
  notTransposedCount: number;
  /** Due instruments left out: no notification record, or complete with no date before the snapshot day. */
  notAssessedCount: number;
  /** deficit = notTransposedCount / assessedCount; null when nothing is assessed. */
  deficit: number | null;
  /** notAssessedShare = notAssessedCount / dueCount; null when nothing is due. */
  notAssessedShare: number | null;
  /** deficit ≤ 1% (green), else red; null without a deficit. */
  rating: Rating | null;
  meetsSingleMarketActTarget: boolean | null;
  /** The due instruments, for drill-down and the per-instrument table. */
  instruments: CountedInstrument[];
}

function countInstrument(snapshot: InventorySnapshot, state: SnapshotMemberState, due: DueInstrument, asOf: IsoDate): CountedInstrument {
  const notification = notificationOnDate(snapshot, state.code, due.instrument.id, asOf);
  const isNotTransposed = notification.state === "not_transposed";
  return {
    instrumentId: due.instrument.id,
    celex: due.instrument.celex,
    shortName: due.instrument.shortName,
    deadline: due.deadline,
    notification,
    monthsOverdue: isNotTransposed ? monthsBetween(due.deadline, asOf) : null,
    isLongOverdue: isNotTransposed && addYears(due.deadline, LONG_OVERDUE.years) <= asOf,
  };
}

/**
 * Transposition deficit of one state on asOf:
 * deficit = (due instruments not transposed) / (due instruments whose notification is known),
 * where due = in force on asOf with the state's deadline < asOf. Unrecorded and
 * undatable notifications are reported as `notAssessedCount`, not counted.
 */
export function computeStateTranspositionDeficit(snapshot: InventorySnapshot, state: SnapshotMemberState, asOf: IsoDate): TranspositionDeficit {
  const counted = instrumentsDueForState(snapshot, state, asOf).map((due) => countInstrument(snapshot, state, due, asOf));
  const transposed = counted.filter((c) => c.notification.state === "transposed");
  const notTransposedCount = counted.filter((c) => c.notification.state === "not_transposed").length;
  const assessedCount = transposed.length + notTransposedCount;
  const deficit = assessedCount === 0 ? null : notTransposedCount / assessedCount;
  return {
    stateCode: state.code,
    dueCount: counted.length,
    assessedCount,
    transposedCount: transposed.length,
    transposedDateInferredCount: transposed.filter((c) => c.notification.isDateInferred).length,
    transposedDateUnknownCount: transposed.filter((c) => c.notification.transposedOn === null).length,
    notTransposedCount,
    notAssessedCount: counted.length - assessedCount,
    deficit,
    notAssessedShare: counted.length === 0 ? null : (counted.length - assessedCount) / counted.length,
    rating: rateAgainstTarget(deficit, DEFICIT_TARGETS.europeanCouncil2007.value),
    meetsSingleMarketActTarget: deficit === null ? null : rateAgainstTarget(deficit, DEFICIT_TARGETS.singleMarketAct2011.value) === "green",
    instruments: counted,
  };
}

/** The transposition deficit of every state that is a member on asOf. */
export function computeTranspositionDeficits(snapshot: InventorySnapshot, asOf: IsoDate): TranspositionDeficit[] {
  return membersOn(snapshot, asOf).map((state) => computeStateTranspositionDeficit(snapshot, state, asOf));
}

/** asOf − REPORTING_INTERVAL_MONTHS calendar months (clamped to the month's end). */
export function previousReportingDate(asOf: IsoDate, intervalMonths: number = REPORTING_INTERVAL_MONTHS): IsoDate {
  return addMonths(asOf, -intervalMonths);
}

export interface DeficitChange {
  stateCode: string;
  previousDate: IsoDate;
  notTransposedNow: number;
  /** Null when the state was not a member on the previous date. */
  notTransposedBefore: number | null;
  /** change = notTransposedNow − notTransposedBefore; decrease green, none yellow, increase red. Null when the state was not a member then or nothing is assessed on either date. */
  change: number | null;
  rating: Rating | null;
}

/**
 * The previous reporting date as a published edition froze it: its date and, per state, the instruments not
 * transposed of those assessed then. The change is counted against these figures, not recomputed from today's
 * records (which may since have corrected the past).
 */
export interface PreviousReporting {
  date: IsoDate;
  edition: string;
  figures: ReadonlyMap<string, { notTransposed: number; assessed: number }>;
}

/** Change in the number of instruments not transposed since the previous reporting date (a published edition's figures when given). */
export function computeDeficitChange(
  snapshot: InventorySnapshot,
  state: SnapshotMemberState,
  asOf: IsoDate,
  previousDate: IsoDate = previousReportingDate(asOf),
  previous?: PreviousReporting,
): DeficitChange {
  const now = computeStateTranspositionDeficit(snapshot, state, asOf);
  const frozen = previous ? previous.figures.get(state.code) : undefined;
  const before = previous
    ? frozen
      ? { notTransposedCount: frozen.notTransposed, assessedCount: frozen.assessed }
      : null
    : isMemberOn(state, previousDate)
      ? computeStateTranspositionDeficit(snapshot, state, previousDate)
      : null;
  // Nothing assessed on either date is "no data", not "no change".
  const isUnassessed = now.assessedCount === 0 && (before === null || before.assessedCount === 0);
  const change = before === null || isUnassessed ? null : now.notTransposedCount - before.notTransposedCount;
  return {
    stateCode: state.code,
    previousDate,
    notTransposedNow: now.notTransposedCount,
    notTransposedBefore: before?.notTransposedCount ?? null,
    change,
    rating: rateChange(change),
  };
}

export interface LongOverdue {
  stateCode: string;
  /** count = due instruments not transposed with asOf ≥ deadline + 2 years. */
  count: number;
  instrumentIds: number[];
  /** 0 green (the target), otherwise red. */
  rating: Rating;
}

export function longOverdueOf(deficit: TranspositionDeficit): LongOverdue {
  const overdue = deficit.instruments.filter((c) => c.isLongOverdue);
  return {
    stateCode: deficit.stateCode,
    count: overdue.length,
    instrumentIds: overdue.map((c) => c.instrumentId),
    rating: overdue.length <= LONG_OVERDUE.target ? "green" : "red",
  };
}

export interface TotalTranspositionDelay {
  stateCode: string;
  /** total = Σ months(deadline → asOf) over due instruments not transposed on asOf; null when nothing due is assessed. */
  totalMonths: number | null;
  overdueCount: number;
}

export function totalDelayOf(deficit: TranspositionDeficit): TotalTranspositionDelay {
  const overdue = deficit.instruments.filter((c) => c.monthsOverdue !== null);
  return {
    stateCode: deficit.stateCode,
    totalMonths: deficit.assessedCount === 0 ? null : overdue.reduce((sum, c) => sum + (c.monthsOverdue ?? 0), 0),
    overdueCount: overdue.length,
  };
}

/** Whether some provision of the instrument is assessed non_conforming for the state on the date. */
export type NonConformingTest = (stateCode: string, instrumentId: number) => boolean;

/** The test read off the snapshot's correspondences (it must hold the instrument's provisions). */
export function assessedNonConformingIn(snapshot: InventorySnapshot, asOf: IsoDate): NonConformingTest {
  const index = indexSnapshot(snapshot);
  return (stateCode, instrumentId) =>
    (index.provisionsByInstrument.get(instrumentId) ?? []).some((p) => transpositionStatusOn(snapshot, stateCode, p.id, asOf).status === "non_conforming");
}

export type ConformityReason = "assessed_non_conforming" | "non_conformity_proceeding";

export interface ConformityDeficit {
  stateCode: string;
  /** Due instruments notified as transposed on asOf (the denominator). */
  transposedCount: number;
  nonConformingCount: number;
  /** share = non-conforming / transposed; null when nothing is transposed. */
  share: number | null;
  /** The non-conforming instruments and why. */
  instruments: { instrumentId: number; reasons: ConformityReason[] }[];
}

/**
 * Conformity deficit: of the due instruments notified as transposed on asOf,
 * the share that is non-conforming — some provision of it assessed
 * `non_conforming` for the state, or a non-conformity proceeding open on asOf.
 * `unknown` provisions say nothing about conformity and do not count.
 */
export function conformityDeficitOf(
  snapshot: InventorySnapshot,
  deficit: TranspositionDeficit,
  asOf: IsoDate,
  isAssessedNonConforming: NonConformingTest = assessedNonConformingIn(snapshot, asOf),
): ConformityDeficit {
  const index = indexSnapshot(snapshot);
  const proceedings = (index.infringementsByState.get(deficit.stateCode) ?? []).filter(
    (f) => f.type === "non_conformity" && isProceedingOpenOn(snapshot, f, asOf),
  );
  const transposed = deficit.instruments.filter((c) => c.notification.state === "transposed");
  const nonConforming: ConformityDeficit["instruments"] = [];
  for (const c of transposed) {
    const reasons: ConformityReason[] = [];
    if (isAssessedNonConforming(deficit.stateCode, c.instrumentId)) reasons.push("assessed_non_conforming");
    if (proceedings.some((f) => f.instrumentId === c.instrumentId)) reasons.push("non_conformity_proceeding");
    if (reasons.length) nonConforming.push({ instrumentId: c.instrumentId, reasons });
  }
  return {
    stateCode: deficit.stateCode,
    transposedCount: transposed.length,
    nonConformingCount: nonConforming.length,
    share: transposed.length === 0 ? null : nonConforming.length / transposed.length,
    instruments: nonConforming,
  };
}

export type DelayStatus = "not_yet_due" | "on_time" | "late" | "overdue" | "date_unknown" | "not_recorded";

export interface InstrumentDelay {
  stateCode: string;
  instrumentId: number;
  deadline: IsoDate;
  /** The date it counts as transposed from (recorded or inferred), when that is on or before asOf. */
  notifiedOn: IsoDate | null;
  /** notifiedOn was inferred from the principal measure (see dateBasis). */
  isDateInferred: boolean;
  dateBasis: TranspositionDateBasis | null;
  /**
   * on_time / late: complete and transposed by asOf; overdue: deadline passed and
   * not (yet) complete; date_unknown: complete without a date (delay cannot be
   * computed); not_recorded: no notification record; not_yet_due: deadline ahead.
   */
  status: DelayStatus;
  /**
   * on_time / late: max(0, notifiedOn − deadline) in days (notifiedOn recorded or inferred); overdue:
   * min(asOf, repealedFrom) − deadline in days (a repealed instrument's
   * obligation ends with it); otherwise null.
   */
  delayDays: number | null;
  isRepealedOnAsOf: boolean;
}

/**
 * Delay per state × instrument, from the state's deadline to its complete
 * notification, for states members on asOf and instruments adopted by asOf
 * whose deadline for the state fell before any repeal. Unlike the deficit,
 * repealed instruments stay: a delay is a historical fact.
 */
export function computeInstrumentDelays(snapshot: InventorySnapshot, asOf: IsoDate): InstrumentDelay[] {
  const rows: InstrumentDelay[] = [];
  for (const state of membersOn(snapshot, asOf)) {
    for (const instrument of snapshot.instruments) {
      const deadline = stateInstrumentDeadline(state, instrument);
      if (deadline === null || instrument.adoptionDate > asOf || !wasBindingBeforeRepeal(deadline, instrument)) continue;
      rows.push(delayOf(snapshot, state, instrument, deadline, asOf));
    }
  }
  return rows;
}

function delayOf(snapshot: InventorySnapshot, state: SnapshotMemberState, instrument: SnapshotInstrument, deadline: IsoDate, asOf: IsoDate): InstrumentDelay {
  const notification = notificationOnDate(snapshot, state.code, instrument.id, asOf);
  const isRepealedOnAsOf = instrument.repealedFrom !== null && instrument.repealedFrom <= asOf;
  const isTransposedWithDate = notification.state === "transposed" && notification.transposedOn !== null;
  // A date after asOf is not yet known on asOf.
  const row = {
    stateCode: state.code,
    instrumentId: instrument.id,
    deadline,
    notifiedOn: isTransposedWithDate ? notification.transposedOn : null,
    isDateInferred: isTransposedWithDate && notification.isDateInferred,
    dateBasis: isTransposedWithDate ? notification.dateBasis : null,
    isRepealedOnAsOf,
  };
  if (isTransposedWithDate && notification.transposedOn !== null) {
    const days = daysBetween(deadline, notification.transposedOn);
    return { ...row, status: days <= 0 ? "on_time" : "late", delayDays: Math.max(0, days) };
  }
  if (notification.state === "date_unknown" || notification.state === "transposed") return { ...row, status: "date_unknown", delayDays: null };
  if (!hasDeadlinePassed(deadline, asOf)) return { ...row, status: "not_yet_due", delayDays: null };
  if (notification.state === "not_recorded") return { ...row, status: "not_recorded", delayDays: null };
  const end = isRepealedOnAsOf && instrument.repealedFrom !== null ? instrument.repealedFrom : asOf;
  return { ...row, status: "overdue", delayDays: daysBetween(deadline, end) };
}

export type ScoreboardIndicator = "deficit" | "change" | "longOverdue" | "totalDelay" | "conformityDeficit";

export interface ScoreboardRow {
  stateCode: string;
  stateName: string;
  deficit: TranspositionDeficit;
  change: DeficitChange;
  longOverdue: LongOverdue;
  totalDelay: TotalTranspositionDelay;
  conformity: ConformityDeficit;
  ratings: Record<ScoreboardIndicator, Rating | null>;
  overall: OverallScore;
}

export interface Scoreboard {
  asOf: IsoDate;
  previousDate: IsoDate;
  /** The published edition the change is counted from; null when none was published before asOf (then six months earlier, recomputed). */
  previousEdition: string | null;
  /** Unweighted means over the states with a value. */
  averages: { deficit: number | null; totalDelayMonths: number | null; conformityDeficit: number | null };
  rows: ScoreboardRow[];
}

/**
 * The Scoreboard-style table for every state that is a member on asOf. Total
 * delay and conformity deficit are rated against the average of all states
 * (green below average × 0.9, yellow within ±10%, red above average × 1.1);
 * overall = Σ points (red −1, yellow 0, green +1) over the five ratings.
 */
export function computeScoreboard(
  snapshot: InventorySnapshot,
  asOf: IsoDate,
  options: { previousDate?: IsoDate; previous?: PreviousReporting; isAssessedNonConforming?: NonConformingTest } = {},
): Scoreboard {
  const previousDate = options.previous?.date ?? options.previousDate ?? previousReportingDate(asOf);
  const isAssessedNonConforming = options.isAssessedNonConforming ?? assessedNonConformingIn(snapshot, asOf);
  const partial = membersOn(snapshot, asOf).map((state) => {
    const deficit = computeStateTranspositionDeficit(snapshot, state, asOf);
    return {
      state,
      deficit,
      change: computeDeficitChange(snapshot, state, asOf, previousDate, options.previous),
      longOverdue: longOverdueOf(deficit),
      totalDelay: totalDelayOf(deficit),
      conformity: conformityDeficitOf(snapshot, deficit, asOf, isAssessedNonConforming),
    };
  });
  const averages = {
    deficit: averageOf(partial.map((r) => r.deficit.deficit)),
    totalDelayMonths: averageOf(partial.map((r) => r.totalDelay.totalMonths)),
    conformityDeficit: averageOf(partial.map((r) => r.conformity.share)),
  };
  const rows = partial.map(({ state, ...figures }): ScoreboardRow => {
    const ratings: Record<ScoreboardIndicator, Rating | null> = {
      deficit: figures.deficit.rating,
      change: figures.change.rating,
      longOverdue: figures.deficit.assessedCount === 0 ? null : figures.longOverdue.rating,
      totalDelay: rateAgainstAverage(figures.totalDelay.totalMonths, averages.totalDelayMonths),
      conformityDeficit: rateAgainstAverage(figures.conformity.share, averages.conformityDeficit),
    };
    return { stateCode: state.code, stateName: state.name, ...figures, ratings, overall: computeOverallScore(Object.values(ratings)) };
  });
  return { asOf, previousDate, previousEdition: options.previous?.edition ?? null, averages, rows };
}
